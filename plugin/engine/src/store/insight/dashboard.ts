import { sql } from "kysely";
import type { DashboardWeeks } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";

type Int = string | number | bigint;

export interface PointsWeekRow {
  week: number;
  issued: number;
  redeemed: number;
  expired: number;
  reversed: number;
}

export interface OrderStatsRow {
  orders: number;
  customers: number;
  averageOrderValue: number;
  repeatRate: number;
}

/** The dashboard's figures for one program over its weeks, each computed by Postgres. */
export interface DashboardFigures {
  members: number;
  outstandingPoints: number;
  pendingPoints: number;
  activeMembers: number;
  pointsByWeek: PointsWeekRow[];
  /** Members per tier key at each week's end, week 1 first. */
  membersByTier: { week: number; tier: string; members: number }[];
  memberOrders: OrderStatsRow;
  nonMemberOrders: OrderStatsRow;
  topRewards: { rewardId: string; redemptions: number; points: number }[];
}

const isoArray = (dates: Date[]) => sql`${dates.map((d) => d.toISOString())}::timestamptz[]`;

export async function dashboardFigures(db: Db, programId: number, weeks: DashboardWeeks): Promise<DashboardFigures> {
  const [members, pointsByWeek, tiers, orders, rewards] = await Promise.all([
    memberFigures(db, programId, weeks),
    ledgerByWeek(db, programId, weeks),
    tiersByWeek(db, programId, weeks),
    orderStats(db, programId, weeks),
    rewardUses(db, programId, weeks),
  ]);
  const empty = { orders: 0, customers: 0, averageOrderValue: 0, repeatRate: 0 };
  return {
    ...members,
    pointsByWeek,
    membersByTier: tiers,
    memberOrders: orders.get(true) ?? empty,
    nonMemberOrders: orders.get(false) ?? empty,
    topRewards: rewards,
  };
}

/**
 * Members, their points, and the active ones: whose last earn, spend or adjustment (the instant the
 * ledger keeps on the member, which only moves forward) falls in the period. One pass over the members.
 */
async function memberFigures(db: Db, programId: number, w: DashboardWeeks) {
  const { rows } = await sql<{ members: Int; available: Int; pending: Int; active: Int }>`
    SELECT count(*) AS members, coalesce(sum(available), 0) AS available, coalesce(sum(pending), 0) AS pending,
      count(*) FILTER (WHERE last_activity_at >= ${w.from} AND last_activity_at < ${w.to}) AS active
    FROM kinship_member WHERE program_id = ${programId}`.execute(db);
  const r = rows[0];
  return { members: num(r?.members), outstandingPoints: num(r?.available), pendingPoints: num(r?.pending), activeMembers: num(r?.active) };
}

/** Points per week by ledger entry kind: one pass over the period's entries (the index carries every column read). */
async function ledgerByWeek(db: Db, programId: number, w: DashboardWeeks) {
  const { rows } = await sql<{ week: Int; issued: Int; redeemed: Int; expired: Int; reversed: Int }>`
    SELECT width_bucket(occurred_at, ${isoArray(w.starts)}) AS week,
      coalesce(sum(available_delta + pending_delta) FILTER (WHERE kind = 'earn' OR (kind = 'adjust' AND available_delta > 0)), 0) AS issued,
      coalesce(-sum(available_delta) FILTER (WHERE kind IN ('spend', 'unspend')), 0) AS redeemed,
      coalesce(-sum(available_delta + pending_delta) FILTER (WHERE kind = 'expire'), 0) AS expired,
      coalesce(sum(written_off - available_delta - pending_delta) FILTER (WHERE kind = 'reverse'), 0) AS reversed
    FROM kinship_entry WHERE program_id = ${programId} AND occurred_at >= ${w.from} AND occurred_at < ${w.to}
    GROUP BY 1`.execute(db);
  const byWeek = new Map(rows.map((r) => [num(r.week), r]));
  return w.starts.map((_, i) => {
    const r = byWeek.get(i + 1);
    return { week: i + 1, issued: num(r?.issued), redeemed: num(r?.redeemed), expired: num(r?.expired), reversed: num(r?.reversed) };
  });
}

/**
 * Members per tier at each week's end, from the members' current tiers and their tier history:
 * a member counts from the week end after they joined; a change at or after a week's end (of a
 * member who had joined by then) is undone for that week (its from tier back, its to tier off).
 * Every contribution is bucketed by week (width_bucket over the week ends) and summed up to each
 * week: one pass over the members and the period's tier changes.
 */
async function tiersByWeek(db: Db, programId: number, w: DashboardWeeks) {
  const ends = isoArray(w.ends);
  const { rows } = await sql<{ week: Int; tier: string; members: Int }>`
    WITH d AS (
      SELECT width_bucket(m.created_at, ${ends}) + 1 AS i, m.tier_key AS tier, 1 AS n
      FROM kinship_member m WHERE m.program_id = ${programId}
      UNION ALL
      SELECT x.i, x.tier, x.n
      FROM kinship_tier_change c JOIN kinship_member m ON m.id = c.member_id
      CROSS JOIN LATERAL (VALUES
        (width_bucket(m.created_at, ${ends}) + 1, c.from_tier, 1), (width_bucket(m.created_at, ${ends}) + 1, c.to_tier, -1),
        (width_bucket(c.at, ${ends}) + 1, c.from_tier, -1), (width_bucket(c.at, ${ends}) + 1, c.to_tier, 1)) AS x(i, tier, n)
      WHERE c.program_id = ${programId} AND c.at >= ${w.ends[0] as Date} AND c.from_tier IS NOT NULL AND c.from_tier <> c.to_tier),
    b AS (SELECT i, tier, sum(n) AS n FROM d GROUP BY i, tier)
    SELECT w.i AS week, t.tier, coalesce(sum(b.n) FILTER (WHERE b.i <= w.i), 0) AS members
    FROM generate_series(1, ${w.ends.length}::int) AS w(i) CROSS JOIN (SELECT DISTINCT tier FROM b) AS t
    JOIN b ON b.tier = t.tier
    GROUP BY w.i, t.tier`.execute(db);
  return rows.map((r) => ({ week: num(r.week), tier: r.tier, members: num(r.members) }));
}

/**
 * Paid orders in the period (kinship_sale), members' and not: a customer is a member id; an order
 * with no member (a guest's) is a customer of its own. Value: merchandise after discounts.
 */
export async function orderStats(db: Db, programId: number, w: Pick<DashboardWeeks, "from" | "to">) {
  const { rows } = await sql<{ by_member: boolean; orders: Int; customers: Int; aov: Int; repeat_rate: number | string }>`
    WITH c AS (
      SELECT by_member, coalesce(member_id::text, 'order:' || order_id) AS who, count(*) AS n, sum(subtotal) AS total
      FROM kinship_sale WHERE program_id = ${programId} AND occurred_at >= ${w.from} AND occurred_at < ${w.to}
      GROUP BY by_member, who)
    SELECT by_member, sum(n) AS orders, count(*) AS customers, round(sum(total) / sum(n))::bigint AS aov,
      (count(*) FILTER (WHERE n >= 2))::float8 / count(*) AS repeat_rate
    FROM c GROUP BY by_member`.execute(db);
  return new Map(
    rows.map((r) => [
      r.by_member,
      { orders: num(r.orders), customers: num(r.customers), averageOrderValue: num(r.aov), repeatRate: Number(r.repeat_rate) },
    ]),
  );
}

/** Redemptions made in the period that were not cancelled, by reward, most used first (ten at most). */
async function rewardUses(db: Db, programId: number, w: DashboardWeeks) {
  const { rows } = await sql<{ reward_id: string; redemptions: Int; points: Int }>`
    SELECT reward_id, count(*) AS redemptions, sum(points) AS points FROM kinship_redemption
    WHERE program_id = ${programId} AND created_at >= ${w.from} AND created_at < ${w.to} AND status <> 'cancelled'
    GROUP BY reward_id ORDER BY count(*) DESC, sum(points) DESC, reward_id LIMIT 10`.execute(db);
  return rows.map((r) => ({ rewardId: r.reward_id, redemptions: num(r.redemptions), points: num(r.points) }));
}
