import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/index.ts";
import { openTestEngine } from "../support/backends.ts";
import { refund } from "../support/events.ts";
import { planOrder, seedPlanProgram, standing } from "./support.ts";

const NOW = "2026-03-25T00:00:00Z";

/**
 * Buy, renew early, renew late inside grace, refund the last renewal (onRefund = periodEnd): all
 * arrive late, at NOW. The state converges whatever the order; the membership messages say what
 * was known when each event arrived (an order arriving alone late may report a lapse), once per key.
 */
const EVENTS = [
  planOrder("o1", "c1", "2026-01-10T10:00:00Z"),
  planOrder("o2", "c1", "2026-02-05T09:00:00Z"),
  planOrder("o3", "c1", "2026-03-14T12:00:00Z"),
  refund("r3", "o3", "2026-03-20T00:00:00Z", { lines: [{ id: "o3-plan", amount: 9900 }] }),
];

async function outcome(engine: Engine, order: number[]) {
  const p = await seedPlanProgram(engine, "periodEnd");
  for (const i of order) {
    const r = await engine.apply(p, EVENTS[i], new Date(NOW));
    if (!r.ok && r.error.code !== "AlreadyApplied") throw new Error(r.error.message);
  }
  const member = await engine.member(p, "c1", new Date(NOW));
  if (!member.ok) throw new Error(member.error.message);
  return {
    standing: await standing(engine, p, "c1", NOW),
    points: member.value.points,
    growth: member.value.growth,
  };
}

describe("paid membership under redelivery and reordering (Postgres)", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine("postgres");
  });
  afterAll(async () => {
    await engine.close();
  });

  it("any order of the orders and the refund, with duplicates, comes to the in-order membership, tier and ledger", async () => {
    const expected = await outcome(engine, [0, 1, 2, 3]);
    expect(expected.standing).toMatchObject({
      tier: "silver",
      source: "PAID",
      status: "ENDING",
      period: ["2026-03-10", "2026-04-10"],
      until: "2026-04-10",
      orders: ["o1", "o2", "o3"],
    });
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }),
        async (order, again) => {
          const got = await outcome(engine, [...order, ...again]);
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 12 },
    );
  });
});
