import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import { lineOf, programEntries } from "./ledger-page.ts";
import type { LedgerLine } from "./members.ts";

export interface OrderPoints {
  orderId: string;
  customerId: string;
  earned: number;
  /** What its reversals took back (recovered, owed or written off). */
  reversed: number;
  growth: number;
  /** Oldest first. */
  lines: LedgerLine[];
}

/**
 * What one order did to its member's points and growth; null when the order never reached the
 * ledger. Read through the order's member, so the member indexes serve it at any ledger size.
 */
export async function orderPoints(db: Db, programId: number, orderId: string): Promise<OrderPoints | null> {
  const order = await db
    .selectFrom("kinship_order")
    .select("member_id")
    .where("program_id", "=", programId)
    .where("order_id", "=", orderId)
    .executeTakeFirst();
  if (!order) return null;
  const rows = await programEntries(db, programId)
    .where("kinship_entry.member_id", "=", order.member_id)
    .where("kinship_entry.order_id", "=", orderId)
    .orderBy("kinship_entry.id")
    .execute();
  const first = rows[0];
  if (!first) return null;
  const growth = await db
    .selectFrom("kinship_growth")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>("amount"), eb.lit(0)).as("total"))
    .where("member_id", "=", order.member_id)
    .where("order_id", "=", orderId)
    .executeTakeFirstOrThrow();
  const lines = rows.map(lineOf);
  let earned = 0;
  let reversed = 0;
  for (const l of lines) {
    if (l.kind === "earn") earned += l.available + l.pending;
    if (l.kind === "reverse") reversed += l.writtenOff - (l.available + l.pending);
  }
  return { orderId, customerId: first.customer_id, earned, reversed, growth: num(growth.total), lines };
}
