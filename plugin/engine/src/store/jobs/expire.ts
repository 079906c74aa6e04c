import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import { pointsChangedOf } from "../ledger/outbox.ts";

export interface BatchProgress {
  done: number;
}

/**
 * Expires every lot whose date has passed, in batches of about `batchSize` lots, each its own
 * transaction (resumable: a rerun picks up what is left). Set-based SQL for speed; the same
 * effect as the core's per-member expiry, which the verify check and the tests hold it to.
 * Batches are consecutive ranges of member ids, handed out in member order from the open-lot
 * index, so each one reads only its own lots; `parallel` of them run side by side. Member rows are
 * locked first, in id order, as every per-member writer does.
 */
export async function expireDueLots(
  db: Db,
  programId: number,
  now: Date,
  batchSize = 20_000,
  onBatch?: (n: number) => void,
  /** Batches in flight at once (disjoint member ranges). */
  parallel = 2,
): Promise<number> {
  const nextRange = memberRanges(db, programId, now, batchSize);
  const workers = await Promise.all(Array.from({ length: parallel }, () => expireRanges(db, programId, now, nextRange, onBatch)));
  return workers.reduce((a, b) => a + b, 0);
}

type Range = { after: number; last: number };

/** Successive member-id ranges, each holding about `size` due lots; null when none is left. One query at a time. */
function memberRanges(db: Db, programId: number, now: Date, size: number): () => Promise<Range | null> {
  let after = 0;
  let tail: Promise<unknown> = Promise.resolve();
  return () => {
    const next = tail.then(async () => {
      const { rows } = await sql<{ last: string | null }>`
        SELECT max(member_id) AS last FROM (
          SELECT l.member_id FROM kinship_lot l
          WHERE l.program_id = ${programId} AND l.status IN ('pending', 'available') AND l.expires_at <= ${now} AND l.remaining > 0
            AND l.member_id > ${after}
          ORDER BY l.member_id LIMIT ${size}) AS due`.execute(db);
      const last = rows[0]?.last;
      if (last === null || last === undefined) return null;
      const range = { after, last: num(last) };
      after = range.last;
      return range;
    });
    tail = next.catch(() => undefined);
    return next;
  };
}

async function expireRanges(
  db: Db,
  programId: number,
  now: Date,
  nextRange: () => Promise<Range | null>,
  onBatch?: (n: number) => void,
): Promise<number> {
  let total = 0;
  for (let range = await nextRange(); range; range = await nextRange()) {
    const { after, last } = range;
    const n = await db.transaction().execute(async (trx) => {
      // The program row first, share-locked, as every writer of consumption rows does (see deleteProgram).
      await sql`SELECT 1 FROM kinship_program WHERE id = ${programId} FOR KEY SHARE`.execute(trx);
      const members = await sql<{ id: string }>`
        SELECT m.id FROM kinship_member m
        WHERE m.id > ${after} AND m.id <= ${last} AND m.id IN (
          SELECT l.member_id FROM kinship_lot l
          WHERE l.program_id = ${programId} AND l.status IN ('pending', 'available') AND l.expires_at <= ${now} AND l.remaining > 0
            AND l.member_id > ${after} AND l.member_id <= ${last})
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
        ), changed AS (${pointsChangedOf(programId, now)})
        SELECT count(*)::text AS expired FROM due`.execute(trx);
      return num(result.rows[0]?.expired);
    });
    total += n;
    if (n > 0) onBatch?.(n);
  }
  return total;
}
