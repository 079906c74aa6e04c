import { type RawBuilder, type Selectable, sql } from "kysely";
import { type MemberState, type ProgramConfig, windowStart } from "../core/index.ts";
import type { Db } from "./connect.ts";
import { loadSpends } from "./load-spends.ts";
import { toHeld, toLot, toMember, toOrder } from "./rows.ts";
import { type LotTable, type MemberTable, num } from "./schema.ts";

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

/** Takes several locks in one round trip, in the order given (order before customer, always). */
export async function lockKeys(trx: Db, programId: number, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const scoped = keys.map((k) => `${programId}:${k}`);
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(${scoped}::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n`.execute(
    trx,
  );
}

export async function customerOfOrder(trx: Db, programId: number, orderId: string): Promise<string | null> {
  const row = await trx
    .selectFrom("kinship_order")
    .innerJoin("kinship_member", "kinship_member.id", "kinship_order.member_id")
    .select("kinship_member.customer_id")
    .where("kinship_order.program_id", "=", programId)
    .where("kinship_order.order_id", "=", orderId)
    .executeTakeFirst();
  return row?.customer_id ?? null;
}

/**
 * Everything decide() needs for one member, with the member row locked for the transaction.
 * `orderIds` are the orders whose lots (even spent ones) a refund or cancellation may touch.
 */
export async function loadState(
  trx: Db,
  programId: number,
  config: ProgramConfig,
  customerId: string | null,
  orderIds: string[],
  now: Date,
  /** Lots beyond the open ones that this input may find already awarded (e.g. a welcome bonus). */
  lotKeyPrefix: string | null = null,
  /** Spends this input may cancel: loaded with the lots they drew from, even consumed ones. */
  spendKeys: string[] = [],
): Promise<LoadedState> {
  const lotIds = new Map<string, number>();
  const start = windowStart(config.growth.window, now, config.timezone);
  const bundleOf = (member: RawBuilder<unknown>) => bundleColumns(programId, member, orderIds, lotKeyPrefix, start);
  // The member row (locked) and everything decide() reads about them come back in one round trip.
  const row =
    customerId === null
      ? undefined
      : (
          await sql<Selectable<MemberTable> & Bundle>`
            SELECT m.*, ${bundleOf(sql`m.id`)} FROM kinship_member m
            WHERE m.program_id = ${programId} AND m.customer_id = ${customerId} FOR UPDATE OF m`.execute(trx)
        ).rows[0];
  const memberId = row ? num(row.id) : null;
  const bundle = row ?? (orderIds.length ? await loadBundle(trx, bundleOf(sql`0`)) : EMPTY);
  const state: MemberState = {
    member: null,
    lots: [],
    orders: {},
    held: bundle.held.map((h) => toHeld(h.key, h.order_id, h.event)),
    capUsage: {},
    windowGrowth: 0,
  };
  if (!row || memberId === null) return { state, memberId: null, lotIds };

  const lots = bundle.lots.map(lotRow);
  for (const l of lots) lotIds.set(l.key, num(l.id));
  const spent = await loadSpends(trx, memberId, spendKeys, lotIds);
  for (const l of spent.lots) lotIds.set(l.key, num(l.id));
  lots.push(...spent.lots);
  const member = toMember(row);

  return {
    memberId,
    lotIds,
    state: {
      ...state,
      member,
      lots: lots.map(toLot),
      orders: Object.fromEntries(bundle.orders.map((o) => [o.order_id, toOrder(o.record)])),
      capUsage: Object.fromEntries(bundle.caps.map((c) => [c.cap_key, { points: num(c.points), growth: num(c.growth) }])),
      windowGrowth: start ? num(bundle.window) : member.growth,
      ...(spendKeys.length ? { spends: spent.spends } : {}),
    },
  };
}

interface Bundle {
  held: { key: string; order_id: string; event: unknown }[];
  lots: Record<string, unknown>[];
  orders: { order_id: string; record: unknown }[];
  caps: { cap_key: string; points: number; growth: number }[];
  window: number | string | null;
}

const EMPTY: Bundle = { held: [], lots: [], orders: [], caps: [], window: 0 };

/** Held events, lots, orders, cap usage and window growth, as select-list columns for `member`. */
function bundleColumns(
  programId: number,
  member: RawBuilder<unknown>,
  orderIds: string[],
  lotKeyPrefix: string | null,
  windowFrom: Date | null,
): RawBuilder<unknown> {
  const prefix = lotKeyPrefix === null ? null : `${lotKeyPrefix.replace(/[\\%_]/g, "\\$&")}%`;
  return sql`
      (SELECT coalesce(jsonb_agg(jsonb_build_object('key', h.key, 'order_id', h.order_id, 'event', h.event)), '[]'::jsonb)
         FROM kinship_held_event h WHERE h.program_id = ${programId} AND h.order_id = ANY(${orderIds}::text[])) AS held,
      (SELECT coalesce(jsonb_agg(to_jsonb(l)), '[]'::jsonb) FROM kinship_lot l
         WHERE l.member_id = ${member} AND ((l.status IN ('pending', 'available') AND l.remaining > 0)
           OR l.order_id = ANY(${orderIds}::text[]) OR (${prefix}::text IS NOT NULL AND l.key LIKE ${prefix}::text))) AS lots,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('order_id', o.order_id, 'record', o.record)), '[]'::jsonb)
         FROM kinship_order o WHERE o.program_id = ${programId} AND o.order_id = ANY(${orderIds}::text[])) AS orders,
      (SELECT coalesce(jsonb_agg(to_jsonb(c)), '[]'::jsonb) FROM kinship_cap_usage c WHERE c.member_id = ${member}) AS caps,
      ${
        windowFrom === null
          ? sql`0`
          : sql`(SELECT coalesce(sum(g.amount), 0) FROM kinship_growth g WHERE g.member_id = ${member} AND g.occurred_at >= ${windowFrom})`
      } AS window`;
}

async function loadBundle(trx: Db, columns: RawBuilder<unknown>): Promise<Bundle> {
  return (await sql<Bundle>`SELECT ${columns}`.execute(trx)).rows[0] ?? EMPTY;
}

/** A lot row as JSON (timestamps as text) back to the shape the row mappers read. */
function lotRow(json: Record<string, unknown>): Selectable<LotTable> {
  const at = (v: unknown) => (v === null || v === undefined ? null : new Date(String(v)));
  return {
    ...(json as unknown as Selectable<LotTable>),
    earned_at: at(json.earned_at) as Date,
    available_at: at(json.available_at) as Date,
    expires_at: at(json.expires_at),
  };
}
