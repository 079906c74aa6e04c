import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../test/support/engine-db.ts";
import { defaultProgramConfig, type Engine, type ProgramConfigInput } from "../src/index.ts";
import { backends, openTestEngine } from "./support/backends.ts";
import { order, spend } from "./support/events.ts";
import { type Ledger, storeLedger } from "./support/ledger.ts";

/**
 * The scheduled jobs use set-based SQL for speed; they must leave exactly what the core's
 * per-member path leaves. Each scenario runs twice: once brought up to date member by member
 * (tick/evaluate through decide), once by the batch jobs; the snapshots must match.
 */
const config: ProgramConfigInput = {
  ...defaultProgramConfig("USD"),
  pendingDays: 10,
  expiry: { kind: "afterEarn", days: 40 },
  growth: { window: { kind: "rolling", months: 1 } },
  tierPolicy: { graceDays: 0 },
};

const history = [
  order("o1", "c1", "2026-01-01T10:00:00Z", [{ price: 60000 }]),
  order("o2", "c1", "2026-01-25T10:00:00Z", [{ price: 3000 }]),
  order("o3", "c2", "2026-02-05T10:00:00Z", [{ price: 7000 }]),
  order("o4", "c3", "2026-01-02T10:00:00Z", [{ price: 100 }]),
];

describe.each(backends)("scheduled jobs match the core (%s)", (backend) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
  });
  afterAll(async () => {
    await engine.close();
  });

  async function prepared(): Promise<Ledger> {
    const l = await storeLedger(engine, backend, config);
    await l.at("2026-01-20T00:00:00Z").given(history[0], history[3]);
    await l.given({ type: "tick", customerId: "c1" }, spend("c1", 100, "early-spend"));
    await l.at("2026-02-06T00:00:00Z").given(history[1], history[2]);
    return l;
  }

  it("maturity, expiry and tier evaluation", async () => {
    const perMember = await prepared();
    const batch = await prepared();
    perMember.at("2026-02-20T00:00:00Z");
    batch.at("2026-02-20T00:00:00Z");
    for (const c of ["c1", "c2", "c3"]) {
      await perMember.given({ type: "tick", customerId: c });
      await perMember.given({ type: "evaluate", customerId: c });
    }
    await batch.maintain();
    for (const c of ["c1", "c2", "c3"]) {
      const a = await perMember.snapshot(c);
      const b = await batch.snapshot(c);
      expect(b.balance).toEqual(a.balance);
      expect(b.lots).toEqual(a.lots);
      expect(b.entries.map((e) => e.key).sort()).toEqual(a.entries.map((e) => e.key).sort());
    }
    await batch.shows("c1", { available: 30, pending: 0, tier: "member" });
    await batch.shows("c2", { available: 70, pending: 0 });
    expect(await batch.verify()).toEqual([]);
    expect(await perMember.verify()).toEqual([]);
  });

  it("a refund whose order never arrives is dropped after 90 days, not held forever", async () => {
    const l = await storeLedger(engine, backend, config);
    await l
      .at("2026-01-01T00:00:00Z")
      .given({ type: "refund.created", refundId: "r-guest", orderId: "guest-order", occurredAt: "2026-01-01T00:00:00Z", amount: 500 });
    const p = await engine.program(l.program);
    if (!p.ok) throw new Error("program");
    const held = () => dbOf(engine).selectFrom("kinship_held_event").select("key").where("program_id", "=", p.value.id).execute();
    await l.at("2026-03-31T00:00:00Z").maintain();
    expect(await held()).toHaveLength(1);
    await l.at("2026-04-02T00:00:00Z").maintain();
    expect(await held()).toHaveLength(0);
  });

  it("the jobs are idempotent: a second run changes nothing", async () => {
    const l = await prepared();
    l.at("2026-02-20T00:00:00Z");
    await l.maintain();
    const once = await l.snapshot("c1");
    await l.maintain();
    expect(await l.snapshot("c1")).toEqual(once);
  });

  it("tier changes and expiries leave outbox messages in the same transaction", async () => {
    const l = await prepared();
    l.at("2026-02-20T00:00:00Z");
    await l.maintain();
    const p = await engine.program(l.program);
    if (!p.ok) throw new Error("program");
    const rows = await dbOf(engine)
      .selectFrom("kinship_outbox")
      .select(["topic", "payload"])
      .where("program_id", "=", p.value.id)
      .orderBy("id")
      .execute();
    const topics = rows.map((r) => `${r.topic}:${(r.payload as { customerId: string }).customerId}`);
    expect(topics).toContain("tier.changed:c1");
    expect(topics).toContain("points.expired:c1");
    expect(rows.find((r) => r.topic === "tier.changed" && (r.payload as { to: string }).to === "member")).toBeDefined();
  });
});
