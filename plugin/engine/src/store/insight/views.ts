import { sql } from "kysely";
import { SEGMENTS, type SegmentKey } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import { type OrderStatsRow, orderStats } from "./dashboard.ts";
import { insightComputedAt } from "./refresh.ts";

type Int = string | number | bigint;

export interface SegmentFigures {
  segment: SegmentKey;
  members: number;
  /** The members' lifetime sales, minor units. */
  sales: number;
}

/** The 20/80: the top ⌈20%⌉ of members with sales by lifetime value, and their share of all members' sales. */
export interface TopShare {
  topMembers: number;
  membersWithSales: number;
  topSales: number;
  totalSales: number;
  share: number;
}

export interface InsightViews {
  /** When the segments were last computed; null before the first run. */
  computedAt: Date | null;
  /** Every segment, in SEGMENTS order, as of computedAt. */
  segments: SegmentFigures[];
  byTier: { tier: string; segment: SegmentKey; members: number }[];
  topShare: TopShare;
  memberOrders: OrderStatsRow;
  nonMemberOrders: OrderStatsRow;
  /** Members who moved between two tiers per month (program zone, YYYY-MM), oldest month first. */
  tierMigration: { month: string; from: string; to: string; members: number }[];
}

export interface InsightPeriod {
  from: Date;
  to: Date;
}

/**
 * The program's insight views: segments (with their sales) and segment × tier from the last
 * computation, the 20/80 share, member and non-member orders over the period, and tier migration
 * per month over the period in the program's zone.
 */
export async function insightViews(db: Db, programId: number, period: InsightPeriod, zone: string): Promise<InsightViews> {
  const [computedAt, cells, topShare, orders, tierMigration] = await Promise.all([
    insightComputedAt(db, programId),
    segmentsByTier(db, programId),
    topShareOf(db, programId),
    orderStats(db, programId, period),
    tierMigrationOf(db, programId, period, zone),
  ]);
  const empty = { orders: 0, customers: 0, averageOrderValue: 0, repeatRate: 0 };
  return {
    computedAt,
    segments: SEGMENTS.map((segment) => {
      const mine = cells.filter((c) => c.segment === segment);
      return { segment, members: sum(mine.map((c) => c.members)), sales: sum(mine.map((c) => c.sales)) };
    }),
    byTier: cells.map(({ tier, segment, members }) => ({ tier, segment, members })),
    topShare,
    memberOrders: orders.get(true) ?? empty,
    nonMemberOrders: orders.get(false) ?? empty,
    tierMigration,
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Members and their lifetime sales by current tier and segment: one pass over the program's insight rows. */
async function segmentsByTier(db: Db, programId: number) {
  const { rows } = await sql<{ tier: string; segment: SegmentKey; members: Int; sales: Int }>`
    SELECT m.tier_key AS tier, i.segment, count(*) AS members, sum(i.lifetime_value) AS sales
    FROM kinship_member_insight i JOIN kinship_member m ON m.id = i.member_id
    WHERE i.program_id = ${programId}
    GROUP BY m.tier_key, i.segment ORDER BY m.tier_key, i.segment`.execute(db);
  return rows.map((r) => ({ tier: r.tier, segment: r.segment, members: num(r.members), sales: num(r.sales) }));
}

/**
 * The 20/80 in SQL: members with lifetime sales counted and summed, then the ⌈n/5⌉ highest summed
 * (a top-N sort, not a rank of every member; ties at the cut do not change the sum).
 */
async function topShareOf(db: Db, programId: number): Promise<TopShare> {
  const { rows } = await sql<{ n: Int; top_n: Int; total: Int; top: Int }>`
    WITH s AS (
      SELECT count(*) AS n, coalesce(sum(lifetime_value), 0) AS total
      FROM kinship_member_insight WHERE program_id = ${programId} AND lifetime_value > 0)
    SELECT n, (n + 4) / 5 AS top_n, total,
      (SELECT coalesce(sum(v), 0) FROM (
        SELECT lifetime_value AS v FROM kinship_member_insight WHERE program_id = ${programId} AND lifetime_value > 0
        ORDER BY lifetime_value DESC LIMIT (SELECT (n + 4) / 5 FROM s)) AS t) AS top
    FROM s`.execute(db);
  const r = rows[0];
  const total = num(r?.total);
  const top = num(r?.top);
  return { topMembers: num(r?.top_n), membersWithSales: num(r?.n), topSales: top, totalSales: total, share: total === 0 ? 0 : top / total };
}

/** Tier changes in the period by month in the program's zone and pair of tiers (distinct members; first placements left out). */
async function tierMigrationOf(db: Db, programId: number, period: InsightPeriod, zone: string) {
  const { rows } = await sql<{ month: string; from_tier: string; to_tier: string; members: Int }>`
    SELECT to_char(at AT TIME ZONE ${zone}, 'YYYY-MM') AS month, from_tier, to_tier, count(DISTINCT member_id) AS members
    FROM kinship_tier_change
    WHERE program_id = ${programId} AND at >= ${period.from} AND at < ${period.to}
      AND from_tier IS NOT NULL AND from_tier <> to_tier
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`.execute(db);
  return rows.map((r) => ({ month: r.month, from: r.from_tier, to: r.to_tier, members: num(r.members) }));
}
