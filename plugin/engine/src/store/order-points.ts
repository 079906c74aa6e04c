import type { Db } from "./connect.ts";
import type { LedgerLine } from "./members.ts";
import { num } from "./schema.ts";

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

/** What one order did to its member's points and growth; null when no ledger line names it. */
export async function orderPoints(db: Db, programId: number, orderId: string): Promise<OrderPoints | null> {
  const rows = await db
    .selectFrom("kinship_entry")
    .innerJoin("kinship_member", "kinship_member.id", "kinship_entry.member_id")
    .select([
      "kinship_member.customer_id",
      "kinship_entry.key",
      "kind",
      "available_delta",
      "pending_delta",
      "debt_delta",
      "written_off",
      "order_id",
      "reason",
      "actor",
      "occurred_at",
    ])
    .where("kinship_entry.program_id", "=", programId)
    .where("kinship_member.program_id", "=", programId)
    .where("kinship_entry.order_id", "=", orderId)
    .orderBy("kinship_entry.id")
    .execute();
  const first = rows[0];
  if (!first) return null;
  const growth = await db
    .selectFrom("kinship_growth")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>("amount"), eb.lit(0)).as("total"))
    .where("program_id", "=", programId)
    .where("order_id", "=", orderId)
    .executeTakeFirstOrThrow();
  let earned = 0;
  let reversed = 0;
  const lines = rows.map((r) => {
    const available = num(r.available_delta);
    const pending = num(r.pending_delta);
    const writtenOff = num(r.written_off);
    if (r.kind === "earn") earned += available + pending;
    if (r.kind === "reverse") reversed += writtenOff - (available + pending);
    return {
      key: r.key,
      kind: r.kind,
      available,
      pending,
      debt: num(r.debt_delta),
      writtenOff,
      orderId: r.order_id,
      reason: r.reason,
      actor: r.actor,
      occurredAt: r.occurred_at.toISOString(),
    };
  });
  return { orderId, customerId: first.customer_id, earned, reversed, growth: num(growth.total), lines };
}
