import { sql } from "kysely";
import { type MemberState, type ProgramConfig, windowStart } from "../core/index.ts";
import type { Db } from "./connect.ts";
import { toHeld, toLot, toMember, toOrder } from "./rows.ts";
import { num } from "./schema.ts";

export interface LoadedState {
  state: MemberState;
  memberId: number | null;
  /** Row ids of the loaded lots, by key. */
  lotIds: Map<string, number>;
}

/** Serialises everyone who touches the same order or customer, inside the caller's transaction. */
export async function lockKey(trx: Db, programId: number, key: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${programId}:${key}`}, 0))`.execute(trx);
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
): Promise<LoadedState> {
  const held = orderIds.length
    ? await trx
        .selectFrom("kinship_held_event")
        .select(["key", "order_id", "event"])
        .where("program_id", "=", programId)
        .where("order_id", "in", orderIds)
        .execute()
    : [];
  const base: MemberState = {
    member: null,
    lots: [],
    orders: {},
    held: held.map((h) => toHeld(h.key, h.order_id, h.event)),
    capUsage: {},
    windowGrowth: 0,
  };
  const lotIds = new Map<string, number>();
  if (customerId === null) return { state: base, memberId: null, lotIds };

  const row = await trx
    .selectFrom("kinship_member")
    .selectAll()
    .where("program_id", "=", programId)
    .where("customer_id", "=", customerId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return { state: base, memberId: null, lotIds };
  const memberId = num(row.id);
  const member = toMember(row);

  const lots = await trx
    .selectFrom("kinship_lot")
    .selectAll()
    .where("member_id", "=", memberId)
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "in", ["pending", "available"]), eb("remaining", ">", 0)]),
        ...(orderIds.length ? [eb("order_id", "in", orderIds)] : []),
        ...(lotKeyPrefix ? [eb("key", "like", `${lotKeyPrefix.replace(/[\\%_]/g, "\\$&")}%`)] : []),
      ]),
    )
    .execute();
  for (const l of lots) lotIds.set(l.key, num(l.id));

  const orders = orderIds.length
    ? await trx
        .selectFrom("kinship_order")
        .select(["order_id", "record"])
        .where("program_id", "=", programId)
        .where("order_id", "in", orderIds)
        .execute()
    : [];
  const caps = await trx.selectFrom("kinship_cap_usage").selectAll().where("member_id", "=", memberId).execute();

  const start = windowStart(config.growth.window, now, config.timezone);
  let windowGrowth = member.growth;
  if (start) {
    const sum = await trx
      .selectFrom("kinship_growth")
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string>("amount"), sql<string>`0`).as("total"))
      .where("member_id", "=", memberId)
      .where("occurred_at", ">=", start)
      .executeTakeFirstOrThrow();
    windowGrowth = num(sum.total);
  }

  return {
    memberId,
    lotIds,
    state: {
      ...base,
      member,
      lots: lots.map(toLot),
      orders: Object.fromEntries(orders.map((o) => [o.order_id, toOrder(o.record)])),
      capUsage: Object.fromEntries(caps.map((c) => [c.cap_key, { points: num(c.points), growth: num(c.growth) }])),
      windowGrowth,
    },
  };
}
