import { describe, expect, it } from "vitest";
import { defaultProgramConfig, type ProgramConfigInput } from "../src/index.ts";
import { adjust, order, spend } from "./support/events.ts";
import { ledgerKinds, ledgers } from "./support/scenario.ts";

const program = (extra: Partial<ProgramConfigInput> = {}): ProgramConfigInput => ({ ...defaultProgramConfig("USD"), ...extra });

describe.each(ledgerKinds)("earning and spending (%s)", (kind) => {
  const open = ledgers(kind);

  it("earn: 1 point and 1 growth per whole unit of the subtotal after discounts, no shipping or tax", async () => {
    const l = (await open(program())).at("2026-03-02T00:00:00Z");
    await l.given(
      order("o1", "c1", "2026-03-01T10:00:00Z", [{ price: 5000, qty: 2, discount: 1000 }, { price: 2550 }], { orderDiscount: 550 }),
    );
    await l.shows("c1", { available: 110, pending: 0, growth: 110, tier: "member" });
    const s = await l.snapshot("c1");
    expect(s.lots).toEqual([{ key: "order:o1:base", amount: 110, remaining: 110, reversed: 0, status: "available" }]);
    expect(s.entries).toEqual([
      { key: "order:o1:base:earn", lot: "order:o1:base", kind: "earn", available: 110, pending: 0, debt: 0, writtenOff: 0 },
    ]);
    expect(await l.verify()).toEqual([]);
  });

  it("earn: a fraction of a unit earns nothing (floor), and a guest order credits no one", async () => {
    const l = (await open(program())).at("2026-03-02T00:00:00Z");
    await l.given(
      order("o1", "c1", "2026-03-01T10:00:00Z", [{ price: 1999 }]),
      order("o2", null, "2026-03-01T10:00:00Z", [{ price: 9999 }]),
    );
    await l.shows("c1", { available: 19, growth: 19 });
    expect(await l.verify()).toEqual([]);
  });

  it("pending → available: points wait out the return window, then become spendable", async () => {
    const l = (await open(program({ pendingDays: 14 }))).at("2026-03-01T12:00:00Z");
    await l.given(order("o1", "c1", "2026-03-01T10:00:00Z", [{ price: 10000 }]));
    await l.shows("c1", { available: 0, pending: 100 });
    expect(await l.when(spend("c1", 10))).toEqual({ ok: false, code: "InsufficientPoints" });

    await l.at("2026-03-15T09:59:59Z").given({ type: "tick", customerId: "c1" });
    await l.shows("c1", { available: 0, pending: 100 });

    await l.at("2026-03-15T10:00:00Z").given({ type: "tick", customerId: "c1" });
    await l.shows("c1", { available: 100, pending: 0 });
    expect((await l.snapshot("c1")).entries.map((e) => [e.key, e.available, e.pending])).toEqual([
      ["order:o1:base:earn", 0, 100],
      ["order:o1:base:mature", 100, -100],
    ]);
    expect(await l.when(spend("c1", 10))).toEqual({ ok: true });
    expect(await l.verify()).toEqual([]);
  });

  it("spend across lots: the lots that expire soonest are drawn first, one consumption per lot", async () => {
    const l = (await open(program({ expiry: { kind: "afterEarn", days: 365 } }))).at("2026-03-11T00:00:00Z");
    await l.given(
      order("o3", "c1", "2026-03-10T00:00:00Z", [{ price: 4000 }]),
      order("o1", "c1", "2026-01-10T00:00:00Z", [{ price: 5000 }]),
      order("o2", "c1", "2026-02-10T00:00:00Z", [{ price: 3000 }]),
    );
    expect(await l.when(spend("c1", 70, "s1"))).toEqual({ ok: true });
    await l.shows("c1", { available: 50 });
    expect((await l.snapshot("c1")).lots.map((x) => [x.key, x.remaining, x.status])).toEqual([
      ["order:o1:base", 0, "consumed"],
      ["order:o2:base", 10, "available"],
      ["order:o3:base", 40, "available"],
    ]);
    expect(await l.when(spend("c1", 51))).toEqual({ ok: false, code: "InsufficientPoints" });
    await l.shows("c1", { available: 50 });
    expect(await l.verify()).toEqual([]);
  });

  it("a spend is applied once per key", async () => {
    const l = (await open(program())).at("2026-03-11T00:00:00Z");
    await l.given(order("o1", "c1", "2026-03-10T00:00:00Z", [{ price: 10000 }]));
    expect(await l.when(spend("c1", 30, "same"))).toEqual({ ok: true });
    expect(await l.when(spend("c1", 30, "same"))).toEqual({ ok: false, code: "AlreadyApplied" });
    await l.shows("c1", { available: 70 });
  });

  it("expiry: one lot expires on its date while later lots stay", async () => {
    const l = (await open(program({ expiry: { kind: "afterEarn", days: 30 } }))).at("2026-01-25T00:00:00Z");
    await l.given(
      order("o1", "c1", "2026-01-01T00:00:00Z", [{ price: 5000 }]),
      order("o2", "c1", "2026-01-20T00:00:00Z", [{ price: 3000 }]),
    );
    await l.at("2026-01-30T23:59:59Z").given({ type: "tick", customerId: "c1" });
    await l.shows("c1", { available: 80 });
    await l.at("2026-01-31T00:00:00Z").given({ type: "tick", customerId: "c1" });
    await l.shows("c1", { available: 30, growth: 80 });
    const s = await l.snapshot("c1");
    expect(s.lots.map((x) => [x.key, x.remaining, x.status])).toEqual([
      ["order:o1:base", 0, "expired"],
      ["order:o2:base", 30, "available"],
    ]);
    expect(s.entries.filter((e) => e.kind === "expire")).toEqual([
      { key: "order:o1:base:expire", lot: "order:o1:base", kind: "expire", available: -50, pending: 0, debt: 0, writtenOff: 0 },
    ]);
    expect(await l.verify()).toEqual([]);
  });

  it("expiry rounded up to month end keeps points until the month is over", async () => {
    const l = (await open(program({ expiry: { kind: "afterEarn", days: 30, roundToMonthEnd: true } }))).at("2026-01-02T00:00:00Z");
    await l.given(order("o1", "c1", "2026-01-01T00:00:00Z", [{ price: 5000 }]));
    await l.at("2026-01-31T23:59:59Z").given({ type: "tick", customerId: "c1" });
    await l.shows("c1", { available: 50 });
    await l.at("2026-02-01T00:00:00Z").given({ type: "tick", customerId: "c1" });
    await l.shows("c1", { available: 0 });
  });

  it("inactivity expiry: all points lapse after N days without activity", async () => {
    const l = (await open(program({ expiry: { kind: "inactivity", days: 90 } }))).at("2026-01-02T00:00:00Z");
    await l.given(
      order("o1", "c1", "2026-01-01T00:00:00Z", [{ price: 5000 }]),
      order("o2", "c1", "2026-02-01T00:00:00Z", [{ price: 3000 }]),
    );
    await l.at("2026-05-01T00:00:00Z").given({ type: "tick", customerId: "c1" });
    await l.shows("c1", { available: 80 });
    await l.at("2026-05-02T00:00:00Z").given({ type: "tick", customerId: "c1" });
    await l.shows("c1", { available: 0, growth: 80 });
    expect(await l.verify()).toEqual([]);
  });

  it("manual adjustments need a reason and an actor; a debit never takes more than the balance", async () => {
    const l = (await open(program())).at("2026-03-01T00:00:00Z");
    expect(await l.when(adjust("c1", 100, { reason: "late delivery", actor: "ops@example.com" }))).toEqual({ ok: true });
    await l.shows("c1", { available: 100 });
    expect(await l.when(adjust("c1", -150))).toEqual({ ok: false, code: "InsufficientPoints" });
    expect(await l.when(adjust("c1", 10, { reason: "  " }))).toEqual({ ok: false, code: "InvalidEvent" });
    expect(await l.when(adjust("c1", -40, { reason: "abuse", actor: "ops@example.com" }))).toEqual({ ok: true });
    await l.shows("c1", { available: 60 });
    expect((await l.snapshot("c1")).entries.map((e) => [e.kind, e.available])).toEqual([
      ["adjust", 100],
      ["adjust", -40],
    ]);
    expect(await l.verify()).toEqual([]);
  });
});
