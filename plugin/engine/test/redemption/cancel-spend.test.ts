import { describe, expect, it } from "vitest";
import { defaultProgramConfig, type ProgramConfigInput } from "../../src/index.ts";
import { order, refund, spend } from "../support/events.ts";
import { ledgerKinds, ledgers } from "../support/scenario.ts";

const program = (extra: Partial<ProgramConfigInput> = {}): ProgramConfigInput => ({ ...defaultProgramConfig("USD"), ...extra });

function cancelSpend(customerId: string, spendKey: string, key = `cancel-${spendKey}`) {
  return { type: "cancelSpend", key, customerId, spendKey, reason: "discount could not be created" };
}

const tick = (customerId: string) => ({ type: "tick", customerId });

describe.each(ledgerKinds)("cancelling a spend (%s)", (kind) => {
  const open = ledgers(kind);

  it("gives every lot back exactly what the spend drew from it, in one unspend entry", async () => {
    const l = (await open(program({ expiry: { kind: "afterEarn", days: 365 } }))).at("2026-03-11T00:00:00Z");
    await l.given(
      order("o1", "c1", "2026-01-10T00:00:00Z", [{ price: 5000 }]),
      order("o2", "c1", "2026-02-10T00:00:00Z", [{ price: 3000 }]),
      order("o3", "c1", "2026-03-10T00:00:00Z", [{ price: 4000 }]),
    );
    const before = await l.snapshot("c1");
    await l.given(spend("c1", 70, "s1"));
    await l.shows("c1", { available: 50 });

    expect(await l.at("2026-03-12T00:00:00Z").when(cancelSpend("c1", "s1"))).toEqual({ ok: true });
    await l.shows("c1", { available: 120, growth: 120 });
    const after = await l.snapshot("c1");
    expect(after.lots).toEqual(before.lots);
    expect(after.entries.slice(-2).map((e) => [e.key, e.kind, e.available])).toEqual([
      ["spend:s1", "spend", -70],
      ["unspend:s1", "unspend", 70],
    ]);
    expect(await l.verify()).toEqual([]);

    // The returned points are spendable again, drawn in the same order.
    expect(await l.when(spend("c1", 60, "s2"))).toEqual({ ok: true });
    expect((await l.snapshot("c1")).lots.map((x) => [x.key, x.remaining, x.status])).toEqual([
      ["order:o1:base", 0, "consumed"],
      ["order:o2:base", 20, "available"],
      ["order:o3:base", 40, "available"],
    ]);
    expect(await l.verify()).toEqual([]);
  });

  it("is applied once: the same key again, or another cancel of the same spend, is AlreadyApplied", async () => {
    const l = (await open(program())).at("2026-03-11T00:00:00Z");
    await l.given(order("o1", "c1", "2026-03-10T00:00:00Z", [{ price: 10000 }]), spend("c1", 30, "s1"));
    expect(await l.when(cancelSpend("c1", "s1", "k1"))).toEqual({ ok: true });
    expect(await l.when(cancelSpend("c1", "s1", "k1"))).toEqual({ ok: false, code: "AlreadyApplied" });
    expect(await l.when(cancelSpend("c1", "s1", "k2"))).toEqual({ ok: false, code: "AlreadyApplied" });
    await l.shows("c1", { available: 100 });
    expect(await l.verify()).toEqual([]);
  });

  it("an unknown spend, another member's spend or an unknown member is a typed error and writes nothing", async () => {
    const l = (await open(program())).at("2026-03-11T00:00:00Z");
    await l.given(
      order("o1", "c1", "2026-03-10T00:00:00Z", [{ price: 10000 }]),
      order("o2", "c2", "2026-03-10T00:00:00Z", [{ price: 10000 }]),
      spend("c1", 30, "s1"),
    );
    expect(await l.when(cancelSpend("c1", "nope"))).toEqual({ ok: false, code: "UnknownSpend" });
    expect(await l.when(cancelSpend("c2", "s1"))).toEqual({ ok: false, code: "UnknownSpend" });
    expect(await l.when(cancelSpend("c9", "s1"))).toEqual({ ok: false, code: "UnknownMember" });
    expect(await l.when({ ...cancelSpend("c1", "s1"), reason: " " })).toEqual({ ok: false, code: "InvalidEvent" });
    await l.shows("c1", { available: 70 });
    await l.shows("c2", { available: 100 });
    // A failed cancel did not claim its key: it can still be used.
    expect(await l.when(cancelSpend("c1", "s1", "cancel-nope"))).toEqual({ ok: true });
    await l.shows("c1", { available: 100 });
  });

  it("points given back to a lot that expired meanwhile expire at once, as if never spent", async () => {
    const l = (await open(program({ expiry: { kind: "afterEarn", days: 30 } }))).at("2026-01-25T00:00:00Z");
    await l.given(
      order("o1", "c1", "2026-01-01T00:00:00Z", [{ price: 5000 }]), // expires 01-31
      order("o2", "c1", "2026-01-20T00:00:00Z", [{ price: 3000 }]), // expires 02-19
      order("o3", "c1", "2026-01-21T00:00:00Z", [{ price: 4000 }]), // expires 02-20
      spend("c1", 60, "whole"), // o1 50 (all of it), o2 10
      spend("c1", 20, "part"), // o2 20 (all that is left)
    );
    await l.shows("c1", { available: 40 });
    await l.at("2026-02-19T12:00:00Z").given(tick("c1")); // o1 (empty) and o2 (empty) are past their date
    await l.shows("c1", { available: 40 });

    expect(await l.when(cancelSpend("c1", "whole"))).toEqual({ ok: true });
    await l.shows("c1", { available: 40 });
    expect(await l.when(cancelSpend("c1", "part"))).toEqual({ ok: true });
    await l.shows("c1", { available: 40 });
    const s = await l.snapshot("c1");
    expect(s.lots.map((x) => [x.key, x.remaining, x.status])).toEqual([
      ["order:o1:base", 0, "expired"],
      ["order:o2:base", 0, "expired"],
      ["order:o3:base", 40, "available"],
    ]);
    expect(s.entries.filter((e) => e.kind === "unspend" || e.kind === "expire").map((e) => [e.key, e.available])).toEqual([
      ["unspend:whole", 60],
      ["unspend:whole:order:o1:base:expire", -50],
      ["unspend:whole:order:o2:base:expire", -10],
      ["unspend:part", 20],
      ["unspend:part:order:o2:base:expire", -20],
    ]);
    expect(await l.verify()).toEqual([]);
  });

  it("a lot whose rest expired before the cancel takes back its part and expires it again, under its own key", async () => {
    const l = (await open(program({ expiry: { kind: "afterEarn", days: 30 } }))).at("2026-01-25T00:00:00Z");
    await l.given(
      order("o1", "c1", "2026-01-01T00:00:00Z", [{ price: 5000 }]),
      order("o2", "c1", "2026-01-20T00:00:00Z", [{ price: 3000 }]),
      spend("c1", 30, "s1"), // 30 of o1's 50
    );
    await l.at("2026-02-01T00:00:00Z").given(tick("c1")); // o1's other 20 expire
    await l.shows("c1", { available: 30 });
    expect(await l.when(cancelSpend("c1", "s1"))).toEqual({ ok: true });
    await l.shows("c1", { available: 30 });
    expect((await l.snapshot("c1")).entries.filter((e) => e.kind === "expire").map((e) => [e.key, e.available])).toEqual([
      ["order:o1:base:expire", -20],
      ["unspend:s1:order:o1:base:expire", -30],
    ]);
    expect(await l.verify()).toEqual([]);
  });

  it("after an inactivity lapse, the points given back lapse at once too", async () => {
    const l = (await open(program({ expiry: { kind: "inactivity", days: 90 } }))).at("2026-01-02T00:00:00Z");
    await l.given(order("o1", "c1", "2026-01-01T00:00:00Z", [{ price: 5000 }]), spend("c1", 20, "s1"));
    await l.at("2026-05-01T00:00:00Z").given(tick("c1"));
    await l.shows("c1", { available: 0 });
    expect(await l.when(cancelSpend("c1", "s1"))).toEqual({ ok: true });
    await l.shows("c1", { available: 0 });
    expect((await l.snapshot("c1")).lots.map((x) => [x.key, x.remaining, x.status])).toEqual([["order:o1:base", 0, "expired"]]);
    expect(await l.verify()).toEqual([]);
  });

  it("after a refund clawed the spent points back from other lots, the cancel ends where no spend would have", async () => {
    const l = (await open(program())).at("2026-03-11T00:00:00Z");
    await l.given(
      order("o1", "c1", "2026-03-01T00:00:00Z", [{ price: 10000 }]),
      order("o2", "c1", "2026-03-02T00:00:00Z", [{ price: 10000 }]),
      spend("c1", 100, "s1"), // all of o1
      refund("r1", "o1", "2026-03-10T00:00:00Z", { amount: 10000 }), // takes 100 from o2
    );
    await l.shows("c1", { available: 0 });
    expect(await l.when(cancelSpend("c1", "s1"))).toEqual({ ok: true });
    await l.shows("c1", { available: 100, growth: 100 });
    expect(await l.verify()).toEqual([]);
  });
});
