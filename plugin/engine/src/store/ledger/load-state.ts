import { type RawBuilder, type Selectable, sql } from "kysely";
import {
  campaignStateOf,
  type EarnRule,
  type Lot,
  type LotBasis,
  type LotKind,
  type LotStatus,
  type MemberState,
  type ProgramConfig,
  windowStart,
} from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { PREPARED } from "../db/prepared.ts";
import { toHeld, toLot, toMember, toOrder } from "../db/rows.ts";
import { type MemberTable, num } from "../db/schema.ts";
import { loadSpends } from "./load-spends.ts";

export interface LoadedState {
  state: MemberState;
  memberId: number | null;
  /** Row ids of the loaded lots, by key. */
  lotIds: Map<string, number>;
}

/** Serialises everyone who touches the same order or customer, inside the caller's transaction. */
export async function lockKey(trx: Db, programId: number, key: string): Promise<void> {
  await lockKeys(trx, programId, [key]);
}

/**
 * A member's id and tier under the member's lock (advisory lock, then the row), for writers outside
 * apply (redemptions, perk claims) that must not race it. Undefined when not a member.
 */
export async function lockedMember(trx: Db, programId: number, customerId: string) {
  await lockKey(trx, programId, `customer:${customerId}`);
  return trx
    .selectFrom("kinship_member")
    .select(["id", "tier_key"])
    .where("program_id", "=", programId)
    .where("customer_id", "=", customerId)
    .forUpdate()
    .executeTakeFirst();
}

/** Takes several locks in one round trip, in the order given (order before customer, always). */
export async function lockKeys(trx: Db, programId: number, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const scoped = keys.map((k) => `${programId}:${k}`);
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(${scoped}::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n`.execute(
    trx,
  );
}

/**
 * Everything decide() needs for one member, with the member row locked for the transaction.
 * `orderId` is the order whose lots (even spent ones) a refund or cancellation may touch, and
 * whose held events and record are loaded. One statement, whether or not the member exists.
 */
export async function loadState(
  trx: Db,
  programId: number,
  config: ProgramConfig,
  customerId: string | null,
  orderId: string | null,
  now: Date,
  /** Lots beyond the open ones that this input may find already awarded (e.g. a welcome bonus). */
  lotKeyPrefix: string | null = null,
  /** Spends this input may cancel: loaded with the lots they drew from, even consumed ones. */
  spendKeys: string[] = [],
  /**
   * Another member's decision to write in this same statement (decisionCtes), saving its round
   * trip. The state read here does not see those writes, so they must not touch this member or
   * this order.
   */
  before: RawBuilder<unknown>[] = [],
): Promise<LoadedState> {
  const lotIds = new Map<string, number>();
  const start = windowStart(config.growth.window, now, config.timezone);
  const state: MemberState = { member: null, lots: [], orders: {}, held: [], capUsage: {}, windowGrowth: 0 };
  if (customerId === null && orderId === null) {
    if (before.length) throw new Error("bug: a write to run with a state query, but nothing to read");
    return { state, memberId: null, lotIds };
  }
  const prefix = lotKeyPrefix === null ? null : `${lotKeyPrefix.replace(/[\\%_]/g, "\\$&")}%`;
  // The member row was locked by the claim; FOR UPDATE here takes it where no claim did.
  const row = (
    await sql<MemberRow & Bundle>`${sql.raw(PREPARED)}
      WITH ${before.length ? sql`${sql.join(before, sql`, `)}, ` : sql``}sm AS (
        SELECT ${sql.raw(MEMBER_COLUMNS)} FROM kinship_member WHERE program_id = ${programId} AND customer_id = ${customerId}::text FOR UPDATE)
      SELECT sm.*,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('key', h.key, 'order_id', h.order_id, 'event', h.event)), '[]'::jsonb)
           FROM kinship_held_event h WHERE h.program_id = ${programId} AND h.order_id = ${orderId}::text) AS held,
        (SELECT coalesce(json_agg(json_build_array(${sql.raw(LOT_FIELDS)})), '[]'::json) FROM kinship_lot l
           WHERE l.member_id = sm.id AND ((l.status IN ('pending', 'available') AND l.remaining > 0)
             OR l.order_id = ${orderId}::text OR l.key LIKE ${prefix}::text)) AS lots,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('order_id', o.order_id, 'record', o.record)), '[]'::jsonb)
           FROM kinship_order o WHERE o.program_id = ${programId} AND o.order_id = ${orderId}::text) AS orders,
        (SELECT coalesce(jsonb_agg(to_jsonb(c)), '[]'::jsonb) FROM kinship_cap_usage c WHERE c.member_id = sm.id) AS caps,
        (SELECT mc.state FROM kinship_member_campaign mc WHERE mc.member_id = sm.id) AS campaigns,
        ${
          start === null
            ? sql`0`
            : sql`(SELECT coalesce(sum(g.amount), 0) FROM kinship_growth g WHERE g.member_id = sm.id AND g.occurred_at >= ${start})`
        } AS window
      FROM (SELECT 1) AS one LEFT JOIN sm ON true`.execute(trx)
  ).rows[0];
  if (!row) throw new Error("bug: the state query returns one row");
  state.held = row.held.map((h) => toHeld(h.key, h.order_id, h.event));
  if (row.id === null) return { state, memberId: null, lotIds };

  const memberId = num(row.id);
  const lots: Lot[] = [];
  for (const a of row.lots) {
    lotIds.set(a[1], num(a[0]));
    lots.push(lotOf(a));
  }
  const spent = await loadSpends(trx, memberId, spendKeys, lotIds);
  for (const l of spent.lots) {
    lotIds.set(l.key, num(l.id));
    lots.push(toLot(l));
  }
  const member = toMember(row as Selectable<MemberTable>);

  return {
    memberId,
    lotIds,
    state: {
      ...state,
      member,
      lots,
      orders: Object.fromEntries(row.orders.map((o) => [o.order_id, toOrder(o.record)])),
      capUsage: Object.fromEntries(row.caps.map((c) => [c.cap_key, { points: num(c.points), growth: num(c.growth) }])),
      windowGrowth: start ? num(row.window) : member.growth,
      ...(spendKeys.length ? { spends: spent.spends } : {}),
      ...(row.campaigns ? { campaigns: campaignStateOf(row.campaigns) } : {}),
    },
  };
}

/** Named, not `*`: a prepared statement must keep its result columns when a migration adds one. */
const MEMBER_COLUMNS = `id, program_id, customer_id, available, pending, debt, growth, tier_key, tier_since, downgrade_due_at,
  last_activity_at, profile, profile_updated_at, created_at, updated_at, override_tier, override_until, override_reason,
  override_actor, override_set_at, membership, membership_due_at`;

/** The member's columns, all null when there is no member. */
type MemberRow = { [K in keyof Selectable<MemberTable>]: Selectable<MemberTable>[K] | null };

interface Bundle {
  held: { key: string; order_id: string; event: unknown }[];
  lots: LotArray[];
  orders: { order_id: string; record: unknown }[];
  caps: { cap_key: string; points: number; growth: number }[];
  window: number | string | null;
  campaigns: unknown;
}

/**
 * A lot as a JSON array, times in epoch milliseconds: formatting timestamps as text is most of
 * what building JSON costs the server, and numbers are what a Date is made from.
 */
const LOT_FIELDS = `l.id, l.key, l.kind, l.amount, l.remaining, l.reversed, l.status, floor(extract(epoch FROM l.earned_at) * 1000),
  floor(extract(epoch FROM l.available_at) * 1000), floor(extract(epoch FROM l.expires_at) * 1000), l.order_id, l.rule_id, l.rule, l.basis`;

type LotArray = [
  number,
  string,
  string,
  number,
  number,
  number,
  string,
  number,
  number,
  number | null,
  string | null,
  string | null,
  unknown,
  unknown,
];

function lotOf(a: LotArray): Lot {
  const [, key, kind, amount, remaining, reversed, status, earnedAt, availableAt, expiresAt, orderId, ruleId, rule, basis] = a;
  return {
    key,
    kind: kind as LotKind,
    amount,
    remaining,
    reversed,
    status: status as LotStatus,
    earnedAt: new Date(earnedAt),
    availableAt: new Date(availableAt),
    expiresAt: expiresAt === null ? null : new Date(expiresAt),
    orderId,
    ruleId,
    rule: (rule as EarnRule | null) ?? null,
    basis: basis as LotBasis,
  };
}
