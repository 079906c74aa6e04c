import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/index.ts";
import { openTestEngine } from "../support/backends.ts";
import { refund } from "../support/events.ts";
import { apply, membershipMessages, planOrder, seedPlanProgram, standing } from "./support.ts";

// Prices at each tier: the tee (20.00) is 17.00 with the plan's gold-tees (better than Silver's 18.00); the mug (10.00) is 9.00 from Silver.
const PAYING = { tier: "silver", source: "PAID", tee: 1700, mug: 900 };
const EARNED_MEMBER = { tier: "member", source: "EARNED", tee: null, mug: null };

describe("paid membership on a fake clock (Postgres)", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine("postgres");
  });
  afterAll(async () => {
    await engine.close();
  });

  it("buy, renew early, remind, renew late inside grace, lapse, buy again after grace, refund at once", async () => {
    const p = await seedPlanProgram(engine, "immediately");
    // Buy: one month from the order.
    await apply(engine, p, planOrder("o1", "c1", "2026-01-10T10:00:00Z"), "2026-01-10T10:01:00Z");
    expect(await standing(engine, p, "c1", "2026-01-10T10:01:00Z")).toMatchObject({
      ...PAYING,
      status: "ACTIVE",
      period: ["2026-01-10", "2026-02-10"],
      until: "2026-02-17",
      orders: ["o1"],
    });
    // Renew early: the time left is kept, the new period runs from the current end.
    await apply(engine, p, planOrder("o2", "c1", "2026-02-05T09:00:00Z"), "2026-02-05T09:01:00Z");
    expect(await standing(engine, p, "c1", "2026-02-05T09:01:00Z")).toMatchObject({
      ...PAYING,
      status: "ACTIVE",
      period: ["2026-01-10", "2026-02-10"],
      until: "2026-03-17",
      orders: ["o1", "o2"],
    });
    expect(await standing(engine, p, "c1", "2026-02-11T00:00:00Z")).toMatchObject({ period: ["2026-02-10", "2026-03-10"] });

    // The reminder 3 days before the end, once however often maintenance runs.
    await engine.maintain(p, new Date("2026-03-06T23:00:00Z"));
    await engine.maintain(p, new Date("2026-03-07T10:00:00Z"));
    await engine.maintain(p, new Date("2026-03-07T11:00:00Z"));
    // Past the end, inside grace: still paying.
    await engine.maintain(p, new Date("2026-03-12T00:00:00Z"));
    expect(await standing(engine, p, "c1", "2026-03-12T00:00:00Z")).toMatchObject({ ...PAYING, status: "GRACE", until: "2026-03-17" });

    // Renew late inside grace: extends from the old end, not from the order.
    await apply(engine, p, planOrder("o3", "c1", "2026-03-14T12:00:00Z"), "2026-03-14T12:01:00Z");
    expect(await standing(engine, p, "c1", "2026-03-14T12:01:00Z")).toMatchObject({
      ...PAYING,
      status: "ACTIVE",
      period: ["2026-03-10", "2026-04-10"],
      until: "2026-04-17",
    });

    // Lapse: grace ends on 17 April; the member falls back to the earned tier (3 × 99 growth: Member).
    await engine.maintain(p, new Date("2026-04-16T23:59:59Z"));
    expect(await standing(engine, p, "c1", "2026-04-16T23:59:59Z")).toMatchObject({ ...PAYING, status: "GRACE" });
    await engine.maintain(p, new Date("2026-04-17T00:00:00Z"));
    await engine.maintain(p, new Date("2026-04-18T00:00:00Z"));
    expect(await standing(engine, p, "c1", "2026-04-18T00:00:00Z")).toMatchObject({ ...EARNED_MEMBER, status: "LAPSED" });

    // Renew after grace: a new membership from the order.
    await apply(engine, p, planOrder("o4", "c1", "2026-05-01T08:00:00Z"), "2026-05-01T08:01:00Z");
    expect(await standing(engine, p, "c1", "2026-05-01T08:01:00Z")).toMatchObject({
      ...PAYING,
      status: "ACTIVE",
      period: ["2026-05-01", "2026-06-01"],
      orders: ["o4"],
    });

    // Refund of the plan line, onRefund = immediately: ended at once, the earned tier back at once.
    await apply(
      engine,
      p,
      refund("r4", "o4", "2026-05-05T08:00:00Z", { lines: [{ id: "o4-plan", amount: 9900 }] }),
      "2026-05-05T08:01:00Z",
    );
    expect(await standing(engine, p, "c1", "2026-05-05T08:01:00Z")).toMatchObject({
      ...EARNED_MEMBER,
      status: "LAPSED",
      until: "2026-05-05",
    });

    expect(await membershipMessages(engine, p)).toEqual([
      "membership.started c1 2026-02-10",
      "tier.changed c1 silver",
      "membership.renewed c1 2026-02-10",
      "membership.renewal_due c1 2026-03-10",
      "membership.renewed c1 2026-04-10",
      "membership.renewal_due c1 2026-04-10",
      "membership.lapsed c1 2026-04-10",
      "tier.changed c1 member",
      "membership.started c1 2026-06-01",
      "tier.changed c1 silver",
      "tier.changed c1 member",
      "membership.lapsed c1 2026-06-01",
    ]);
  });

  it("refund with onRefund = periodEnd: ENDING keeps the tier and prices until the period's end, then falls back", async () => {
    const p = await seedPlanProgram(engine, "periodEnd");
    await apply(engine, p, planOrder("o1", "c1", "2026-01-10T10:00:00Z"), "2026-01-10T10:01:00Z");
    await apply(
      engine,
      p,
      refund("r1", "o1", "2026-01-20T00:00:00Z", { lines: [{ id: "o1-plan", amount: 9900 }] }),
      "2026-01-20T00:01:00Z",
    );
    expect(await standing(engine, p, "c1", "2026-01-20T00:01:00Z")).toMatchObject({
      ...PAYING,
      status: "ENDING",
      period: ["2026-01-10", "2026-02-10"],
      until: "2026-02-10",
    });
    await engine.maintain(p, new Date("2026-02-09T23:59:59Z"));
    expect(await standing(engine, p, "c1", "2026-02-09T23:59:59Z")).toMatchObject({ ...PAYING, status: "ENDING" });
    await engine.maintain(p, new Date("2026-02-10T10:00:00Z"));
    expect(await standing(engine, p, "c1", "2026-02-10T10:00:00Z")).toMatchObject({ ...EARNED_MEMBER, status: "LAPSED" });
    // No renewal reminder for a membership that is ending; one lapse.
    expect(await membershipMessages(engine, p)).toEqual([
      "membership.started c1 2026-02-10",
      "tier.changed c1 silver",
      "membership.lapsed c1 2026-02-10",
      "tier.changed c1 member",
    ]);
  });

  it("a refund of another line, or of an amount only, leaves the membership alone; a cancellation ends it", async () => {
    const p = await seedPlanProgram(engine, "immediately");
    const both = planOrder("o1", "c1", "2026-01-10T10:00:00Z");
    both.lines.push({ ...both.lines[0], lineId: "o1-mug", productId: "mug", unitPrice: 1000 } as (typeof both.lines)[number]);
    await apply(engine, p, both, "2026-01-10T10:01:00Z");
    await apply(engine, p, refund("r1", "o1", "2026-01-11T00:00:00Z", { lines: [{ id: "o1-mug", amount: 1000 }] }), "2026-01-11T00:01:00Z");
    await apply(engine, p, refund("r2", "o1", "2026-01-12T00:00:00Z", { amount: 500 }), "2026-01-12T00:01:00Z");
    expect(await standing(engine, p, "c1", "2026-01-12T00:01:00Z")).toMatchObject({ ...PAYING, status: "ACTIVE" });
    await apply(engine, p, { type: "order.cancelled", orderId: "o1", occurredAt: "2026-01-13T00:00:00Z" }, "2026-01-13T00:01:00Z");
    expect(await standing(engine, p, "c1", "2026-01-13T00:01:00Z")).toMatchObject({ ...EARNED_MEMBER, status: "LAPSED" });
  });

  it("the better of earned and paid wins (EARNED when growth reaches Gold), and an owner override wins over both", async () => {
    const p = await seedPlanProgram(engine, "immediately");
    await apply(engine, p, planOrder("o1", "c1", "2026-01-10T10:00:00Z"), "2026-01-10T10:01:00Z");
    await apply(engine, p, planOrder("o9", "c2", "2026-01-10T10:00:00Z"), "2026-01-10T10:01:00Z");
    // c1 earns Gold on top of the plan.
    const big = { ...planOrder("big", "c1", "2026-01-11T00:00:00Z") };
    big.lines = [{ ...big.lines[0], lineId: "big-1", productId: "mug", unitPrice: 300000 } as (typeof big.lines)[number]];
    await apply(engine, p, big, "2026-01-11T00:01:00Z");
    expect(await standing(engine, p, "c1", "2026-01-11T00:01:00Z")).toMatchObject({ tier: "gold", source: "EARNED", status: "ACTIVE" });
    // The owner holds c2 at Member: the override wins over the plan.
    const held = await engine.members.override(
      { program: p, customerId: "c2", tierKey: "member", until: null, reason: "test", actor: "owner", key: "hold-c2" },
      new Date("2026-01-12T00:00:00Z"),
    );
    expect(held.ok).toBe(true);
    expect(await standing(engine, p, "c2", "2026-01-12T00:01:00Z")).toMatchObject({ tier: "member", source: "OVERRIDE", status: "ACTIVE" });
  });

  it("the tier preview counts a paying member at least at the plan's tier", async () => {
    const p = await seedPlanProgram(engine, "immediately");
    await apply(engine, p, planOrder("o1", "c1", "2026-01-10T10:00:00Z"), "2026-01-10T10:01:00Z");
    const program = await engine.program(p);
    if (!program.ok) throw new Error(program.error.message);
    const { id, config } = program.value;
    const now = new Date("2026-01-20T00:00:00Z");
    // Growth 99: Member by growth, Silver by the plan while it pays; after it lapses, growth alone.
    expect(await engine.insight.tierShifts(id, config.tiers, null, now, config)).toEqual([
      { current: "silver", target: "silver", members: 1 },
    ]);
    expect(await engine.insight.tierShifts(id, config.tiers, null, now)).toEqual([{ current: "silver", target: "member", members: 1 }]);
    const later = new Date("2026-03-01T00:00:00Z");
    expect(await engine.insight.tierShifts(id, config.tiers, null, later, config)).toEqual([
      { current: "silver", target: "member", members: 1 },
    ]);
  });
});
