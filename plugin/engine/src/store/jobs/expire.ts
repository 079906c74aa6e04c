import { sql } from "kysely";
import type { Db } from "../connect.ts";
import { num } from "../schema.ts";

export interface BatchProgress {
  done: number;
}

/**
 * Expires every lot whose date has passed, in batches of `batchSize` lots, each its own
 * transaction (resumable: a rerun picks up what is left). Set-based SQL for speed; the same
 * effect as the core's per-member expiry, which the verify check and the tests hold it to.
 * Member rows are locked first, in id order, as every per-member writer does.
 */
export async function expireDueLots(
  db: Db,
  programId: number,
  now: Date,
  batchSize = 20_000,
  onBatch?: (n: number) => void,
  /** Members are split into this many disjoint shares (by id), expired side by side. */
  parallel = 2,
): Promise<number> {
  const shares = await Promise.all(
    Array.from({ length: parallel }, (_, share) => expireShare(db, programId, now, batchSize, share, parallel, onBatch)),
  );
  return shares.reduce((a, b) => a + b, 0);
}

async function expireShare(
  db: Db,
  programId: number,
  now: Date,
  batchSize: number,
  share: number,
  shares: number,
  onBatch?: (n: number) => void,
): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const members = await sql<{ id: string }>`
        SELECT m.id FROM kinship_member m
        WHERE m.id IN (
          SELECT l.member_id FROM kinship_lot l
          WHERE l.program_id = ${programId} AND l.status IN ('pending', 'available') AND l.remaining > 0 AND l.expires_at <= ${now}
            AND l.member_id % ${shares} = ${share}
          ORDER BY l.member_id LIMIT ${batchSize})
        ORDER BY m.id FOR UPDATE`.execute(trx);
      if (members.rows.length === 0) return 0;
      const ids = members.rows.map((r) => num(r.id));
      const result = await sql<{ expired: string }>`
        WITH due AS (
          SELECT l.id, l.member_id, l.key, l.remaining, l.status, l.order_id, l.expires_at
          FROM kinship_lot l
          WHERE l.member_id = ANY(${ids}::bigint[]) AND l.status IN ('pending', 'available') AND l.remaining > 0 AND l.expires_at <= ${now}
        ), lots AS (
          UPDATE kinship_lot l SET status = 'expired', remaining = 0 WHERE l.id = ANY(ARRAY(SELECT id FROM due)) RETURNING l.id
        ), entries AS (
          INSERT INTO kinship_entry (program_id, member_id, key, kind, available_delta, pending_delta, debt_delta, written_off,
                                     lot_id, order_id, reason, actor, occurred_at, recorded_at)
          SELECT ${programId}, due.member_id, due.key || ':expire', 'expire',
                 CASE WHEN due.status = 'available' THEN -due.remaining ELSE 0 END,
                 CASE WHEN due.status = 'pending' THEN -due.remaining ELSE 0 END,
                 0, 0, due.id, due.order_id, 'lot expired', NULL, due.expires_at, ${now}
          FROM due
          RETURNING id, lot_id
        ), consumed AS (
          INSERT INTO kinship_consumption (entry_id, lot_id, points)
          SELECT entries.id, entries.lot_id, due.remaining FROM entries JOIN due ON due.id = entries.lot_id
        ), per_member AS (
          SELECT member_id,
                 sum(CASE WHEN status = 'available' THEN remaining ELSE 0 END) AS available,
                 sum(CASE WHEN status = 'pending' THEN remaining ELSE 0 END) AS pending,
                 sum(remaining) AS points,
                 array_agg(key ORDER BY key) AS lot_keys
          FROM due GROUP BY member_id
        ), members AS (
          UPDATE kinship_member m SET available = m.available - p.available, pending = m.pending - p.pending, updated_at = ${now}
          FROM per_member p WHERE m.id = p.member_id
          RETURNING m.id, m.customer_id
        ), outbox AS (
          INSERT INTO kinship_outbox (program_id, key, topic, payload, created_at)
          SELECT ${programId}, 'expired:' || members.customer_id || ':' || ${now.toISOString()}, 'points.expired',
                 jsonb_build_object('customerId', members.customer_id, 'points', p.points, 'lots', to_jsonb(p.lot_keys)), ${now}
          FROM members JOIN per_member p ON p.member_id = members.id
          ON CONFLICT (program_id, key) DO NOTHING
        )
        SELECT count(*)::text AS expired FROM due`.execute(trx);
      return num(result.rows[0]?.expired);
    });
    if (n === 0) return total;
    total += n;
    onBatch?.(n);
  }
}
