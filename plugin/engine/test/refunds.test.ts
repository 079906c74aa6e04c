import { describe, expect, it } from "vitest";
import { defaultProgramConfig, type ProgramConfigInput } from "../src/index.ts";
import { cancel, order, refund, spend } from "./support/events.ts";
import { ledgerKinds, ledgers } from "./support/scenario.ts";

const program = (extra: Partial<ProgramConfigInput> = {}): ProgramConfigInput => ({ ...defaultProgramConfig("USD"), ...extra });
const twoLines = order("o1", "c1", "2026-03-01T10:00:00Z", [
  { id: "l1", price: 10000 },
  { id: "l2", price: 5000 },
]);

describe.each(ledgerKinds)("refunds and cancellations (%s)", (kind) => {
  const open = ledgers(kind);

  it("partial refund reverses exactly the refunded share of points and growth", async () => {
    const l = (await open(program())).at("2026-03-02T00:00:00Z");
    await l.given(twoLines);
    await l.when(refund("r1", "o1", "2026-03-05T00:00:00Z", { lines: [{ id: "l2", amount: 5000 }] }));
    await l.shows("c1", { available: 100, growth: 100 });
    await l.when(refund("r2", "o1", "2026-03-06T00:00:00Z", { amount: 2500 }));
    await l.shows("c1", { available: 75, growth: 75 });
    const s = await l.snapshot("c1");
    expect(s.lots).toEqual([{ key: "order:o1:base", amount: 150, remaining: 75, reversed: 75, status: "available" }]);
    expect(s.entries.filter((e) => e.kind === "reverse").map((e) => [e.key, e.available])).toEqual([
      ["refund:r1:base:reverse", -50],
      ["refund:r2:base:reverse", -25],
    ]);
    expect(await l.verify()).toEqual([]);
  });

  it("a reversal uses the rule as it was when the points were earned, not today's rules", async () => {
    const l = (
      await open(
        program({
          rules: [{ id: "base", name: "double", trigger: "order.paid", reward: { points: { perUnit: 2 }, growth: { perUnit: 1 } } }],
        }),
      )
    ).at("2026-03-02T00:00:00Z");
    await l.given(twoLines);
    await l.shows("c1", { available: 300, growth: 150 });
    await l.when(refund("r1", "o1", "2026-03-05T00:00:00Z", { lines: [{ id: "l1", amount: 10000 }] }));
    await l.shows("c1", { available: 100, growth: 50 });
  });

  it("cancellation after a partial refund reverses the rest; the lot ends reversed", async () => {
    const l = (await open(program())).at("2026-03-02T00:00:00Z");
    await l.given(twoLines, refund("r1", "o1", "2026-03-05T00:00:00Z", { lines: [{ id: "l2", amount: 5000 }] }));
    await l.when(cancel("o1", "2026-03-06T00:00:00Z"));
    await l.shows("c1", { available: 0, growth: 0 });
    expect((await l.snapshot("c1")).lots).toEqual([{ key: "order:o1:base", amount: 150, remaining: 0, reversed: 150, status: "reversed" }]);
    expect(await l.when(refund("r2", "o1", "2026-03-07T00:00:00Z", { amount: 15000 }))).toEqual({ ok: true });
    await l.shows("c1", { available: 0, growth: 0 });
    expect(await l.verify()).toEqual([]);
  });

  it("refund after part of the points was spent: default policy writes off the shortfall, balance stays ≥ 0", async () => {
    const l = (await open(program())).at("2026-03-02T00:00:00Z");
    await l.given(order("o1", "c1", "2026-03-01T10:00:00Z", [{ id: "l1", price: 10000 }]), spend("c1", 80));
    await l.when(refund("r1", "o1", "2026-03-05T00:00:00Z", { lines: [{ id: "l1", amount: 10000 }] }));
    await l.shows("c1", { available: 0, debt: 0, growth: 0 });
    expect((await l.snapshot("c1")).entries.filter((e) => e.kind === "reverse")).toEqual([
      { key: "refund:r1:base:reverse", lot: "order:o1:base", kind: "reverse", available: -20, pending: 0, debt: 0, writtenOff: 80 },
    ]);
    expect(await l.verify()).toEqual([]);
  });

  it("refund after a spend claws back from the member's other points before writing anything off", async () => {
    const l = (await open(program())).at("2026-03-03T00:00:00Z");
    await l.given(
      order("o1", "c1", "2026-03-01T10:00:00Z", [{ id: "l1", price: 10000 }]),
      order("o2", "c1", "2026-03-02T10:00:00Z", [{ id: "m1", price: 5000 }]),
      spend("c1", 80),
    );
    await l.shows("c1", { available: 70 });
    await l.when(cancel("o1", "2026-03-05T00:00:00Z"));
    await l.shows("c1", { available: 0 });
    expect((await l.snapshot("c1")).entries.find((e) => e.kind === "reverse")).toMatchObject({ available: -70, writtenOff: 30 });
    expect(await l.verify()).toEqual([]);
  });

  it("refund after a spend in a program that allows a negative balance: a debt, repaid by the next points", async () => {
    const l = (await open(program({ allowNegativeBalance: true }))).at("2026-03-02T00:00:00Z");
    await l.given(order("o1", "c1", "2026-03-01T10:00:00Z", [{ id: "l1", price: 10000 }]), spend("c1", 80));
    await l.when(cancel("o1", "2026-03-05T00:00:00Z"));
    await l.shows("c1", { available: -80, debt: 80 });
    await l.at("2026-03-08T00:00:00Z").given(order("o2", "c1", "2026-03-06T10:00:00Z", [{ price: 5000 }]));
    await l.shows("c1", { available: -30, debt: 30 });
    expect(await l.when(spend("c1", 1))).toEqual({ ok: false, code: "InsufficientPoints" });
    await l.given(order("o3", "c1", "2026-03-07T10:00:00Z", [{ price: 5000 }]));
    await l.shows("c1", { available: 20, debt: 0 });
    expect(await l.verify()).toEqual([]);
  });

  it("a refund that arrives before its order is held, then applied when the order arrives", async () => {
    const l = (await open(program())).at("2026-03-02T00:00:00Z");
    expect(await l.when(refund("r1", "o1", "2026-03-05T00:00:00Z", { lines: [{ id: "l2", amount: 5000 }] }))).toEqual({ ok: true });
    expect((await l.snapshot("c1")).balance).toBeNull();
    await l.given(twoLines);
    await l.shows("c1", { available: 100, growth: 100 });
    expect(await l.when(refund("r1", "o1", "2026-03-05T00:00:00Z", { lines: [{ id: "l2", amount: 5000 }] }))).toEqual({
      ok: false,
      code: "AlreadyApplied",
    });
    await l.shows("c1", { available: 100 });
    expect(await l.verify()).toEqual([]);
  });

  it("redelivered orders change nothing", async () => {
    const l = (await open(program())).at("2026-03-02T00:00:00Z");
    await l.given(twoLines);
    expect(await l.when(twoLines)).toEqual({ ok: false, code: "AlreadyApplied" });
    await l.shows("c1", { available: 150 });
  });

  it("a pending lot is reversed from pending points", async () => {
    const l = (await open(program({ pendingDays: 30 }))).at("2026-03-02T00:00:00Z");
    await l.given(twoLines);
    await l.when(refund("r1", "o1", "2026-03-05T00:00:00Z", { lines: [{ id: "l1", amount: 10000 }] }));
    await l.shows("c1", { available: 0, pending: 50 });
    expect(await l.verify()).toEqual([]);
  });
});
