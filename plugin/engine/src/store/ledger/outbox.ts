import { sql } from "kysely";
import { type EngineError, ok, type Result } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import { findProgram } from "../programs/programs.ts";

export interface OutboxMessageRow {
  id: string;
  key: string;
  topic: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  attempts: number;
}

export interface DrainOptions {
  /** Rows claimed per call. */
  limit?: number;
  /** Only these topics (the others stay for another consumer). */
  topics?: readonly string[];
  /** Rows that failed this many times are left alone (they show in `attempts`). */
  maxAttempts?: number;
}

export interface Drained {
  delivered: number;
  failed: { key: string; error: string }[];
}

/** Topics whose row is one per member and re-armed by every later change, not inserted once. */
export const REARMED_TOPICS: readonly string[] = ["points.changed"];

/**
 * How an outbox insert meets an existing key. A message of a re-armed topic (see 0010_outbox_lease)
 * makes the member's one row due again with the newest payload, its failures forgotten and `seq`
 * counted up, so a delivery in flight for the older state settles as superseded; any other message
 * is written once (the conflict leaves the row as it is). One statement must not carry a key twice.
 */
export const rearmOnConflict = sql`ON CONFLICT (program_id, key) DO UPDATE SET delivered_at = NULL, attempts = 0, retry_at = NULL,
  last_error = NULL, seq = kinship_outbox.seq + 1, created_at = EXCLUDED.created_at, payload = EXCLUDED.payload
  WHERE kinship_outbox.topic IN (${sql.join(REARMED_TOPICS.map((t) => sql.lit(t)))})`;

/**
 * The points.changed upsert of a set-based job (maturity, expiry): one per member of the statement's
 * `members` CTE, which returns `customer_id` once per member. Keys as the core's `pointsChanged`.
 */
export function pointsChangedOf(programId: number, now: Date) {
  return sql`INSERT INTO kinship_outbox (program_id, key, topic, payload, created_at)
    SELECT ${programId}, 'points.changed:' || members.customer_id, 'points.changed', jsonb_build_object('customerId', members.customer_id),
      ${now}::timestamptz
    FROM members
    ${rearmOnConflict}`;
}

/**
 * Delivers undelivered outbox rows of one program, oldest first, to `deliver` (a platform sync).
 * Rows are claimed with FOR UPDATE SKIP LOCKED inside one transaction, so two drainers never hand
 * the same row out twice; a delivered row is stamped, a failed one counts an attempt and stays for
 * the next run. `deliver` must be idempotent: a crash after it succeeded but before the commit
 * delivers that row again. Rows under a live lease (claimOutbox) are left to their claimer. It is
 * handed the claiming transaction: read Kinship through it, since a second connection from the
 * same pool per drain can exhaust the pool under concurrent drains.
 */
export async function drainOutbox(
  db: Db,
  program: string,
  now: Date,
  deliver: (message: OutboxMessageRow, trx: Db) => Promise<void>,
  options: DrainOptions = {},
): Promise<Result<Drained, EngineError>> {
  const found = await findProgram(db, program);
  if (!found.ok) return found;
  const programId = found.value.id;
  const { limit = 100, topics, maxAttempts = 10 } = options;
  return db.transaction().execute(async (trx) => {
    const claimed = await sql<{ id: string; key: string; topic: string; payload: unknown; created_at: Date; attempts: number }>`
      SELECT id::text AS id, key, topic, payload, created_at, attempts FROM kinship_outbox
      WHERE program_id = ${programId} AND delivered_at IS NULL AND attempts < ${maxAttempts}
        AND (claimed_until IS NULL OR claimed_until <= ${now})
        ${topics ? sql`AND topic = ANY(${[...topics]}::text[])` : sql``}
      ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`.execute(trx);
    const drained: Drained = { delivered: 0, failed: [] };
    const deliveredIds: string[] = [];
    const failedIds: string[] = [];
    for (const row of claimed.rows) {
      const message: OutboxMessageRow = {
        id: row.id,
        key: row.key,
        topic: row.topic,
        payload: (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as Record<string, unknown>,
        createdAt: row.created_at,
        attempts: num(row.attempts),
      };
      try {
        await deliver(message, trx);
        deliveredIds.push(row.id);
        drained.delivered++;
      } catch (e) {
        failedIds.push(row.id);
        drained.failed.push({ key: row.key, error: (e as Error).message });
      }
    }
    if (deliveredIds.length > 0)
      await sql`UPDATE kinship_outbox SET delivered_at = ${now} WHERE id = ANY(${deliveredIds}::bigint[])`.execute(trx);
    if (failedIds.length > 0)
      await sql`UPDATE kinship_outbox SET attempts = attempts + 1 WHERE id = ANY(${failedIds}::bigint[])`.execute(trx);
    return ok(drained);
  });
}
