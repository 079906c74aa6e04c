import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import { PREPARED } from "../db/prepared.ts";
import { num } from "../db/schema.ts";
import type { ProgramRow } from "../programs/programs.ts";

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

/** What claimAndLockMany claims and locks for one input. */
export interface ClaimRequest {
  program: string;
  key: string | null;
  type: string;
  locks: string[];
  customerId: string | null;
}

/**
 * claimAndLock for a group of inputs in ONE statement: the programs are found, every key claimed,
 * every advisory lock taken in the order given (input by input), then every member row named is
 * locked. A key given twice is claimed by its first input only. Answers in the order given.
 */
export async function claimAndLockMany(trx: Db, requests: ClaimRequest[], now: Date): Promise<Claimed[]> {
  if (requests.length === 0) return [];
  const col = <T>(f: (r: ClaimRequest) => T) => requests.map(f);
  const lockPrograms = requests.flatMap((r) => r.locks.map(() => r.program));
  const lockNames = requests.flatMap((r) => r.locks);
  const { rows } = await sql<
    ProgramRow & { claimed: string[] | null; locks: string | number; members: string | number }
  >`${sql.raw(PREPARED)}
    WITH i AS (
      SELECT * FROM unnest(${col((r) => r.program)}::text[], ${col((r) => r.key)}::text[], ${col((r) => r.type)}::text[])
        WITH ORDINALITY AS i(program_key, key, type, n)),
    p AS (SELECT id, key, platform, config_version, created_at FROM kinship_program WHERE key IN (SELECT program_key FROM i) FOR KEY SHARE),
    claim AS (
      INSERT INTO kinship_event (program_id, key, type, status, received_at)
      SELECT p.id, i.key, i.type, 'applied', ${now}::timestamptz FROM i JOIN p ON p.key = i.program_key WHERE i.key IS NOT NULL ORDER BY i.n
      ON CONFLICT (program_id, key) DO NOTHING RETURNING program_id, key),
    locked AS (
      SELECT count(*) AS n FROM (SELECT pg_advisory_xact_lock(hashtextextended(p.id || ':' || l.k, 0))
        FROM unnest(${lockPrograms}::text[], ${lockNames}::text[]) WITH ORDINALITY AS l(program_key, k, n)
        JOIN p ON p.key = l.program_key ORDER BY l.n) AS taken),
    member AS (
      SELECT m.id FROM locked, p, kinship_member m,
        unnest(${col((r) => r.program)}::text[], ${col((r) => r.customerId)}::text[]) AS c(program_key, customer_id)
      WHERE locked.n >= 0 AND p.key = c.program_key AND m.program_id = p.id AND m.customer_id = c.customer_id FOR UPDATE OF m)
    SELECT p.id, p.key, p.platform, p.config_version, p.created_at,
      (SELECT array_agg(claim.key) FROM claim WHERE claim.program_id = p.id) AS claimed,
      (SELECT n FROM locked) AS locks, (SELECT count(*) FROM member) AS members
    FROM p`.execute(trx);
  const programs = new Map(
    rows.map(({ claimed, locks: _l, members: _m, ...program }) => [program.key, { program, claimed: new Set(claimed ?? []) }]),
  );
  const seen = new Set<string>();
  return requests.map((r) => {
    const found = programs.get(r.program);
    if (!found) return { program: null, claimed: false };
    if (r.key === null) return { program: found.program, claimed: true };
    const id = JSON.stringify([r.program, r.key]);
    const first = !seen.has(id);
    seen.add(id);
    return { program: found.program, claimed: first && found.claimed.has(r.key) };
  });
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
