import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../../test/support/engine-db.ts";
import { programConfig } from "../../../../test/support/program-fixture.ts";
import { type Engine, quintiles, segmentOf } from "../../src/index.ts";
import { openTestEngine, uniqueProgramKey } from "../support/backends.ts";
import { customerCreated } from "../support/events.ts";

const NOW = new Date("2026-06-01T00:00:00Z");
const DAY = 86_400_000;
const MEMBERS = 24;

/** A member's paid orders: how many days before NOW, and the subtotal (zero happens: a fully discounted order). */
const ordersArb = fc.array(fc.record({ daysAgo: fc.integer({ min: 0, max: 500 }), subtotal: fc.integer({ min: 0, max: 40_000 }) }), {
  maxLength: 4,
});

describe("insight over random orders (postgres): SQL and a plain reference agree", () => {
  let engine: Engine;
  let programId: number;
  let members: { id: number; joinedAt: Date }[];
  beforeAll(async () => {
    engine = await openTestEngine("postgres");
    const key = uniqueProgramKey("rfm-prop");
    const created = await engine.createProgram({ key, platform: "custom", config: programConfig(), actor: "t", now: new Date(0) });
    if (!created.ok) throw new Error(created.error.message);
    programId = created.value.id;
    // Joined between 400 days ago and 20 days ago: some are new by joining.
    for (let i = 0; i < MEMBERS; i += 1) {
      const at = new Date(NOW.getTime() - (400 - i * 16) * DAY);
      const applied = await engine.apply(key, customerCreated(`c${i}`, at.toISOString()), at);
      if (!applied.ok) throw new Error(applied.error.message);
    }
    const rows = await dbOf(engine)
      .selectFrom("kinship_member")
      .select(["id", "created_at"])
      .where("program_id", "=", programId)
      .orderBy("id")
      .execute();
    members = rows.map((r) => ({ id: Number(r.id), joinedAt: r.created_at }));
  });
  afterAll(() => engine.close());

  /** Replaces the program's sales with these (the rows insight reads), then recomputes at NOW. */
  async function withSales(perMember: { daysAgo: number; subtotal: number }[][]) {
    const db = dbOf(engine);
    await db.deleteFrom("kinship_sale").where("program_id", "=", programId).execute();
    const values = perMember.flatMap((orders, m) =>
      orders.map((o, n) => ({
        program_id: programId,
        order_id: `m${m}-${n}`,
        member_id: members[m]?.id as number,
        by_member: true,
        subtotal: o.subtotal,
        occurred_at: new Date(NOW.getTime() - o.daysAgo * DAY),
      })),
    );
    if (values.length > 0) await db.insertInto("kinship_sale").values(values).execute();
    const refreshed = await engine.insight.refresh((await programKey(db)) as string, NOW);
    if (!refreshed.ok) throw new Error(refreshed.error.message);
  }
  const programKey = async (db: ReturnType<typeof dbOf>) =>
    (await sql<{ key: string }>`SELECT key FROM kinship_program WHERE id = ${programId}`.execute(db)).rows[0]?.key;

  it("every member's scores and segment are the core's rules over the same orders; the 20/80 matches a plain sum", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ordersArb, { minLength: MEMBERS, maxLength: MEMBERS }), async (perMember) => {
        await withSales(perMember);
        // Reference, in plain JS from the generated orders.
        const facts = perMember.map((orders) => ({
          orders: orders.length,
          ltv: orders.reduce((s, o) => s + o.subtotal, 0),
          first: orders.length ? Math.max(...orders.map((o) => o.daysAgo)) : null,
          last: orders.length ? Math.min(...orders.map((o) => o.daysAgo)) : null,
        }));
        const buyers = facts.flatMap((f, i) => (f.orders > 0 ? [i] : []));
        const score = (values: number[]) => new Map(quintiles(values).map((q, k) => [buyers[k] as number, q]));
        // Recency: the most recent last order is the highest value.
        const r = score(buyers.map((i) => -(facts[i]?.last as number)));
        const f = score(buyers.map((i) => facts[i]?.orders as number));
        const m = score(buyers.map((i) => facts[i]?.ltv as number));
        const at = (days: number | null | undefined) => (days == null ? null : new Date(NOW.getTime() - days * DAY));
        const expected = facts.map((x, i) => {
          const rfm = { recency: r.get(i) ?? null, frequency: f.get(i) ?? null, monetary: m.get(i) ?? null };
          const segment = segmentOf(
            { ...rfm, orders: x.orders, firstOrderAt: at(x.first), lastOrderAt: at(x.last), joinedAt: members[i]?.joinedAt as Date },
            NOW,
          );
          return { id: members[i]?.id, ...rfm, segment, orders: x.orders, ltv: x.ltv };
        });
        const got = await dbOf(engine)
          .selectFrom("kinship_member_insight")
          .select(["member_id", "recency", "frequency", "monetary", "segment", "orders", "lifetime_value"])
          .where("program_id", "=", programId)
          .orderBy("member_id")
          .execute();
        expect(
          got.map((g) => ({
            id: Number(g.member_id),
            recency: g.recency,
            frequency: g.frequency,
            monetary: g.monetary,
            segment: g.segment,
            orders: g.orders,
            ltv: Number(g.lifetime_value),
          })),
        ).toEqual(expected);

        const spends = facts.map((x) => x.ltv).filter((v) => v > 0);
        spends.sort((a, b) => b - a);
        const top = Math.ceil(spends.length * 0.2);
        const topSales = spends.slice(0, top).reduce((s, v) => s + v, 0);
        const total = spends.reduce((s, v) => s + v, 0);
        const views = await engine.insight.views(programId, { from: new Date(NOW.getTime() - 365 * DAY), to: NOW }, "UTC");
        expect(views.topShare).toEqual({
          topMembers: top,
          membersWithSales: spends.length,
          topSales,
          totalSales: total,
          share: total === 0 ? 0 : topSales / total,
        });
        expect(views.segments.reduce((s, x) => s + x.sales, 0)).toBe(total);
        expect(views.segments.reduce((s, x) => s + x.members, 0)).toBe(MEMBERS);
      }),
      { numRuns: 30 },
    );
  });
});
