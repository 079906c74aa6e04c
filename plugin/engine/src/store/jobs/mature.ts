import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import { pointsChangedOf } from "../ledger/outbox.ts";

/**
 * Makes pending lots spendable once their return window has closed, in resumable batches.
 * Members who owe points are left to the per-member path (their new points repay the debt first).
 */
export async function matureDueLots(db: Db, programId: number, now: Date, batchSize = 20_000): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const members = await sql<{ id: string }>`
        SELECT m.id FROM kinship_member m
        WHERE m.debt = 0 AND m.id IN (
          SELECT l.member_id FROM kinship_lot l
          WHERE l.program_id = ${programId} AND l.status = 'pending' AND l.remaining > 0 AND l.available_at <= ${now}
          ORDER BY l.member_id LIMIT ${batchSize})
        ORDER BY m.id FOR UPDATE`.execute(trx);
      if (members.rows.length === 0) return 0;
      const ids = members.rows.map((r) => num(r.id));
      const result = await sql<{ matured: string }>`
        WITH due AS (
          SELECT l.id, l.member_id, l.key, l.remaining, l.order_id, l.available_at
          FROM kinship_lot l
          WHERE l.member_id = ANY(${ids}::bigint[]) AND l.status = 'pending' AND l.remaining > 0 AND l.available_at <= ${now}
        ), lots AS (
          UPDATE kinship_lot l SET status = 'available' WHERE l.id = ANY(ARRAY(SELECT id FROM due)) RETURNING l.id
        ), entries AS (
          INSERT INTO kinship_entry (program_id, member_id, key, kind, available_delta, pending_delta, debt_delta, written_off,
                                     lot_id, order_id, reason, actor, occurred_at, recorded_at)
          SELECT ${programId}, due.member_id, due.key || ':mature', 'mature', due.remaining, -due.remaining, 0, 0,
                 due.id, due.order_id, 'return window closed', NULL, due.available_at, ${now}
          FROM due
        ), per_member AS (
          SELECT member_id, sum(remaining) AS points FROM due GROUP BY member_id
        ), members AS (
          UPDATE kinship_member m SET available = m.available + p.points, pending = m.pending - p.points, updated_at = ${now}
          FROM per_member p WHERE m.id = p.member_id
          RETURNING m.customer_id
        ), changed AS (${pointsChangedOf(programId, now)})
        SELECT count(*)::text AS matured FROM due`.execute(trx);
      return num(result.rows[0]?.matured);
    });
    if (n === 0) return total;
    total += n;
  }
}
