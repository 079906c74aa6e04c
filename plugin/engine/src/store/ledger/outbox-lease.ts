import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { type EngineError, ok, type Result } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import { findProgram } from "../programs/programs.ts";
import type { OutboxMessageRow } from "./outbox.ts";

/** A message held under a lease: `claim` names the lease, `seq` the state of the row it was claimed in. */
export interface OutboxClaim extends OutboxMessageRow {
  claim: string;
  seq: string;
}

export interface ClaimOptions {
  /** Rows claimed per call. */
  limit?: number;
  /** Only these topics (the others stay for another consumer). */
  topics?: readonly string[];
  /** How long the rows stay with this claimer; after that another claimer may take them. */
  leaseMs?: number;
  /** Rows that failed this many times are left alone (they show in `attempts`). */
  maxAttempts?: number;
}

export interface OutboxFailure {
  message: OutboxClaim;
  error: string;
  /** Not claimable before. */
  retryAt: Date;
  /** False for a throttled call: it never uses up the row's attempts. */
  countAttempt?: boolean;
}

export interface OutboxOutcome {
  delivered: readonly OutboxClaim[];
  failed: readonly OutboxFailure[];
}

export interface OutboxSettled {
  delivered: number;
  failed: number;
  /** Delivered, but the row was re-armed meanwhile: released, to be delivered again with the newer state. */
  superseded: number;
}

/**
 * Claims due outbox rows of one program, oldest first, for a consumer that calls a platform
 * outside any transaction (Shopify): one statement stamps a fresh claim token and a lease on rows
 * nobody else holds (FOR UPDATE SKIP LOCKED, then a live lease keeps them), and commits. Two
 * claimers never get the same row; a claimer that dies lets go when the lease ends. Rows waiting
 * for their `retry_at` are not due.
 */
export async function claimOutbox(
  db: Db,
  program: string,
  now: Date,
  options: ClaimOptions = {},
): Promise<Result<OutboxClaim[], EngineError>> {
  const found = await findProgram(db, program);
  if (!found.ok) return found;
  const { limit = 100, topics, leaseMs = 60_000, maxAttempts = 10 } = options;
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`claimOutbox: limit must be a positive integer, not ${limit}`);
  if (!Number.isInteger(leaseMs) || leaseMs < 1) throw new Error(`claimOutbox: leaseMs must be a positive integer, not ${leaseMs}`);
  const claim = randomUUID();
  const { rows } = await sql<{
    id: string;
    key: string;
    topic: string;
    payload: unknown;
    created_at: Date;
    attempts: number;
    seq: string;
  }>`
    WITH due AS (
      SELECT id FROM kinship_outbox
      WHERE program_id = ${found.value.id} AND delivered_at IS NULL AND attempts < ${maxAttempts}
        AND (claimed_until IS NULL OR claimed_until <= ${now}) AND (retry_at IS NULL OR retry_at <= ${now})
        ${topics ? sql`AND topic = ANY(${[...topics]}::text[])` : sql``}
      ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    UPDATE kinship_outbox o SET claim_token = ${claim}, claimed_until = ${new Date(now.getTime() + leaseMs)}
    FROM due WHERE o.id = due.id
    RETURNING o.id::text AS id, o.key, o.topic, o.payload, o.created_at, o.attempts, o.seq::text AS seq`.execute(db);
  const claimed = rows.map((row) => ({
    id: row.id,
    key: row.key,
    topic: row.topic,
    payload: (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as Record<string, unknown>,
    createdAt: row.created_at,
    attempts: num(row.attempts),
    claim,
    seq: String(row.seq),
  }));
  return ok(claimed.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1)));
}

/**
 * Records what became of claimed messages, in one transaction (one statement per kind). Only rows
 * still under the claim they were handed out with are touched: a lease that ran out and went to
 * another claimer is that claimer's to settle. A delivered row is stamped only if it was not
 * re-armed since the claim (same `seq`); otherwise it is released and counted as superseded. A
 * failed row counts an attempt (unless told not to), waits until `retryAt` and keeps the error.
 */
export async function settleOutbox(
  db: Db,
  program: string,
  now: Date,
  outcome: OutboxOutcome,
): Promise<Result<OutboxSettled, EngineError>> {
  checkOutcome(outcome);
  const found = await findProgram(db, program);
  if (!found.ok) return found;
  const programId = found.value.id;
  const { delivered, failed } = outcome;
  return db.transaction().execute(async (trx) => {
    const settled: OutboxSettled = { delivered: 0, failed: 0, superseded: 0 };
    if (delivered.length > 0) {
      const { rows } = await sql<{ current: boolean }>`
        UPDATE kinship_outbox o
        SET delivered_at = CASE WHEN o.seq = v.seq THEN ${now}::timestamptz ELSE o.delivered_at END,
            claim_token = NULL, claimed_until = NULL
        FROM unnest(${delivered.map((m) => m.id)}::bigint[], ${delivered.map((m) => m.claim)}::text[],
                    ${delivered.map((m) => m.seq)}::bigint[]) AS v(id, claim, seq)
        WHERE o.id = v.id AND o.program_id = ${programId} AND o.claim_token = v.claim
        RETURNING o.seq = v.seq AS current`.execute(trx);
      for (const row of rows) {
        if (row.current) settled.delivered++;
        else settled.superseded++;
      }
    }
    if (failed.length > 0) {
      const { rows } = await sql<{ id: string }>`
        UPDATE kinship_outbox o
        SET attempts = o.attempts + CASE WHEN v.counted THEN 1 ELSE 0 END, retry_at = v.retry_at, last_error = v.error,
            claim_token = NULL, claimed_until = NULL
        FROM unnest(${failed.map((f) => f.message.id)}::bigint[], ${failed.map((f) => f.message.claim)}::text[],
                    ${failed.map((f) => f.retryAt.toISOString())}::timestamptz[], ${failed.map((f) => f.error)}::text[],
                    ${failed.map((f) => f.countAttempt !== false)}::boolean[]) AS v(id, claim, retry_at, error, counted)
        WHERE o.id = v.id AND o.program_id = ${programId} AND o.claim_token = v.claim
        RETURNING o.id::text AS id`.execute(trx);
      settled.failed = rows.length;
    }
    return ok(settled);
  });
}

/** A malformed outcome is a bug of the caller: refused before anything is written. */
function checkOutcome(outcome: OutboxOutcome): void {
  const seen = new Set<string>();
  const messages = [...outcome.delivered, ...outcome.failed.map((f) => f.message)];
  for (const m of messages) {
    if (!/^[1-9][0-9]{0,18}$/.test(m.id) || !/^[0-9]{1,19}$/.test(m.seq) || typeof m.claim !== "string")
      throw new Error(`settleOutbox: ${JSON.stringify(m.key)} is not a claimed message (id, seq and claim as claimOutbox returns them)`);
    if (seen.has(m.id)) throw new Error(`settleOutbox: message ${m.id} (${m.key}) is settled twice in one outcome`);
    seen.add(m.id);
  }
  for (const f of outcome.failed)
    if (!(f.retryAt instanceof Date) || Number.isNaN(f.retryAt.getTime()))
      throw new Error(`settleOutbox: message ${f.message.id} (${f.message.key}) needs a valid retryAt`);
}
