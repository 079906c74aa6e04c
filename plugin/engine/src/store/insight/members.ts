import { sql } from "kysely";
import { type SegmentKey, segmentOf } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";

/** A member's insight as last computed. */
export interface MemberInsight {
  customerId: string;
  tier: string;
  recency: number | null;
  frequency: number | null;
  monetary: number | null;
  segment: SegmentKey;
  orders: number;
  /** Σ subtotal of their paid orders, minor units. */
  lifetimeValue: number;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  /** Null for a member who joined since the last computation (figures zero, segment by the core's rules). */
  computedAt: Date | null;
}

/** Where the previous page of a segment ended: its last member's lifetime value and id. */
export interface SegmentKeyset {
  lifetimeValue: string;
  memberId: number;
}

export interface SegmentPage {
  members: MemberInsight[];
  /** Null on the last page. */
  next: SegmentKeyset | null;
}

interface Row {
  id: string | number;
  customer_id: string;
  tier_key: string;
  created_at: Date;
  recency: number | null;
  frequency: number | null;
  monetary: number | null;
  segment: SegmentKey | null;
  orders: number | null;
  lifetime_value: string | number | null;
  first_order_at: Date | null;
  last_order_at: Date | null;
  computed_at: Date | null;
}

const COLUMNS = sql`m.id, m.customer_id, m.tier_key, m.created_at, i.recency, i.frequency, i.monetary, i.segment, i.orders,
  i.lifetime_value, i.first_order_at, i.last_order_at, i.computed_at`;

function toInsight(r: Row, now: Date): MemberInsight {
  const figures = {
    recency: r.recency,
    frequency: r.frequency,
    monetary: r.monetary,
    orders: r.orders ?? 0,
    firstOrderAt: r.first_order_at,
    lastOrderAt: r.last_order_at,
  };
  return {
    customerId: r.customer_id,
    tier: r.tier_key,
    ...figures,
    segment: r.segment ?? segmentOf({ ...figures, joinedAt: r.created_at }, now),
    lifetimeValue: num(r.lifetime_value),
    computedAt: r.computed_at,
  };
}

/** The member's insight, or null when the customer is not a member of the program. */
export async function memberInsight(db: Db, programId: number, customerId: string, now: Date): Promise<MemberInsight | null> {
  const { rows } = await sql<Row>`SELECT ${COLUMNS}
    FROM kinship_member m LEFT JOIN kinship_member_insight i ON i.member_id = m.id
    WHERE m.program_id = ${programId} AND m.customer_id = ${customerId}`.execute(db);
  return rows[0] ? toInsight(rows[0], now) : null;
}

/** One page of a segment's members as last computed, highest lifetime value first (ties by member id). */
export async function segmentMembers(
  db: Db,
  programId: number,
  segment: SegmentKey,
  first: number,
  after: SegmentKeyset | null,
): Promise<SegmentPage> {
  const from = after
    ? sql`AND (i.lifetime_value < ${after.lifetimeValue}::bigint OR (i.lifetime_value = ${after.lifetimeValue}::bigint AND i.member_id > ${after.memberId}))`
    : sql``;
  const { rows } = await sql<Row>`SELECT ${COLUMNS}
    FROM kinship_member_insight i JOIN kinship_member m ON m.id = i.member_id
    WHERE i.program_id = ${programId} AND i.segment = ${segment} ${from}
    ORDER BY i.lifetime_value DESC, i.member_id LIMIT ${first + 1}`.execute(db);
  const page = rows.slice(0, first);
  const last = page.at(-1);
  return {
    members: page.map((r) => toInsight(r, r.computed_at as Date)),
    next: rows.length > first && last ? { lifetimeValue: String(last.lifetime_value), memberId: num(last.id) } : null,
  };
}
