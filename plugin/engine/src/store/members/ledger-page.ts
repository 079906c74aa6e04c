import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";

export interface LedgerLine {
  key: string;
  kind: string;
  available: number;
  pending: number;
  debt: number;
  writtenOff: number;
  orderId: string | null;
  reason: string;
  actor: string | null;
  occurredAt: string;
}

export interface LedgerPage {
  lines: LedgerLine[];
  /** The id of the last line when more follow (newest first: pass it back as `beforeId`). */
  lastId: number | null;
}

/** Ledger entries of one program with their member's customer id, scoped by program on both sides. */
export function programEntries(db: Db, programId: number) {
  return db
    .selectFrom("kinship_entry")
    .innerJoin("kinship_member", "kinship_member.id", "kinship_entry.member_id")
    .select([
      "kinship_entry.id",
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
    .where("kinship_member.program_id", "=", programId);
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof programEntries>["execute"]>>[number];

export function lineOf(r: EntryRow): LedgerLine {
  return {
    key: r.key,
    kind: r.kind,
    available: num(r.available_delta),
    pending: num(r.pending_delta),
    debt: num(r.debt_delta),
    writtenOff: num(r.written_off),
    orderId: r.order_id,
    reason: r.reason,
    actor: r.actor,
    occurredAt: r.occurred_at.toISOString(),
  };
}

/** One member's ledger, newest first, a page at a time (keyset on the entry id). */
export async function ledgerPage(
  db: Db,
  programId: number,
  customerId: string,
  page: { first: number; beforeId: number | null },
): Promise<LedgerPage> {
  let query = programEntries(db, programId).where("kinship_member.customer_id", "=", customerId);
  if (page.beforeId !== null) query = query.where("kinship_entry.id", "<", page.beforeId);
  const rows = await query
    .orderBy("kinship_entry.id", "desc")
    .limit(page.first + 1)
    .execute();
  const shown = rows.slice(0, page.first);
  const last = shown[shown.length - 1];
  return {
    lines: shown.map(lineOf),
    lastId: rows.length > page.first && last ? num(last.id) : null,
  };
}

/**
 * The ledger line an adjustment command wrote under `key` (a debit's is `adjust:<key>`, a credit's
 * `adjust:<key>:earn`), with its member; null when there is none.
 */
export async function adjustmentLine(db: Db, programId: number, key: string): Promise<(LedgerLine & { customerId: string }) | null> {
  const row = await programEntries(db, programId)
    .where("kinship_entry.key", "in", [`adjust:${key}`, `adjust:${key}:earn`])
    .executeTakeFirst();
  return row ? { ...lineOf(row), customerId: row.customer_id } : null;
}
