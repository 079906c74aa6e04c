import { sql } from "kysely";
import type { Db } from "./connect.ts";
import { PREPARED } from "./prepared.ts";
import type { ProgramRow } from "./programs.ts";
import { num } from "./schema.ts";

export interface Claimed {
  /** Null when no such program. */
  program: ProgramRow | null;
  /** False when the key was claimed before (already applied); true when there is no key. */
  claimed: boolean;
}

/**
 * The first statement of an apply: finds the program (share-locked, as every ledger writer does
 * first: see deleteProgram), claims the input's key in the unique index, takes the advisory locks
 * in the order given (order before customer), then the member's row lock.
 * The row is locked here, before anything about the member is read, so the reads that follow
 * (a later statement, a fresh snapshot) see the last writer's commit even when that writer is a
 * job that locks member rows without the advisory locks. Every CTE the statement needs run is
 * read by the final SELECT: a CTE nothing reads is never run (the member lock with no customer,
 * say, is planned away).
 */
export async function claimAndLock(
  trx: Db,
  program: { key: string } | { id: number },
  key: string | null,
  type: string,
  locks: string[],
  customerId: string | null,
  now: Date,
): Promise<Claimed> {
  const where = "key" in program ? sql`key = ${program.key}` : sql`id = ${program.id}`;
  const result = await sql<ProgramRow & { claimed: string | number }>`${sql.raw(PREPARED)}
    WITH p AS (SELECT id, key, platform, config_version, created_at FROM kinship_program WHERE ${where} FOR KEY SHARE),
    claim AS (
      INSERT INTO kinship_event (program_id, key, type, status, received_at)
      SELECT p.id, ${key}::text, ${type}::text, 'applied', ${now}::timestamptz FROM p WHERE ${key}::text IS NOT NULL
      ON CONFLICT (program_id, key) DO NOTHING RETURNING key),
    locked AS (
      SELECT count(*) AS n FROM (SELECT pg_advisory_xact_lock(hashtextextended(p.id || ':' || t.k, 0))
        FROM p, unnest(${locks}::text[]) WITH ORDINALITY AS t(k, n) ORDER BY t.n) AS taken),
    member AS (
      SELECT m.id FROM locked, p, kinship_member m
      WHERE locked.n >= 0 AND m.program_id = p.id AND m.customer_id = ${customerId}::text FOR UPDATE OF m)
    SELECT p.id, p.key, p.platform, p.config_version, p.created_at, (SELECT count(*) FROM claim) AS claimed,
      (SELECT n FROM locked) AS locks, (SELECT count(*) FROM member) AS members FROM p`.execute(trx);
  const row = result.rows[0];
  if (!row) return { program: null, claimed: false };
  const { claimed, ...programRow } = row;
  return { program: programRow, claimed: key === null || num(claimed) > 0 };
}

/**
 * A refund or cancellation names only its order: once the order is locked, its customer is read
 * and locked (advisory lock, then the member's row), in one statement. Null when the order is unknown.
 */
export async function lockCustomerOfOrder(trx: Db, programId: number, orderId: string): Promise<string | null> {
  const result = await sql<{ customer_id: string }>`${sql.raw(PREPARED)}
    WITH c AS (
      SELECT m.customer_id FROM kinship_order o JOIN kinship_member m ON m.id = o.member_id
      WHERE o.program_id = ${programId} AND o.order_id = ${orderId}),
    locked AS (
      SELECT count(*) AS n FROM (SELECT pg_advisory_xact_lock(hashtextextended(${`${programId}:customer:`}::text || c.customer_id, 0))
        FROM c) AS taken),
    member AS (
      SELECT m.id FROM locked, c, kinship_member m
      WHERE locked.n >= 0 AND m.program_id = ${programId} AND m.customer_id = c.customer_id FOR UPDATE OF m)
    SELECT c.customer_id, (SELECT n FROM locked) AS locks, (SELECT count(*) FROM member) AS members FROM c`.execute(trx);
  return result.rows[0]?.customer_id ?? null;
}
