import { sql } from "kysely";
import { type Movements, NO_MOVEMENTS } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";

type Int = string | number | bigint | null;

export const big = (v: Int | undefined): bigint => (v === null || v === undefined ? 0n : BigInt(v));
const isoArray = (dates: Date[]) => sql`${dates.map((d) => d.toISOString())}::timestamptz[]`;

/**
 * Points moved in each [starts[i], starts[i+1]) up to `end` (index i + 1), by kind: one pass over
 * the month's entries, read from kinship_entry_period alone. `mature` moves pending to available
 * (net 0); writeoff, debt, settle and any other kind are `other`, so every point that moved is in
 * one column.
 */
export async function movementsByPeriod(db: Db, programId: number, starts: Date[], end: Date): Promise<Movements[]> {
  const { rows } = await sql<{ b: Int } & Record<keyof Movements, Int>>`
    SELECT width_bucket(occurred_at, ${isoArray(starts)}) AS b,
      sum(available_delta + pending_delta) FILTER (WHERE kind = 'earn') AS issued,
      -sum(available_delta + pending_delta) FILTER (WHERE kind IN ('spend', 'unspend')) AS redeemed,
      -sum(available_delta + pending_delta) FILTER (WHERE kind = 'expire') AS expired,
      -sum(available_delta + pending_delta) FILTER (WHERE kind = 'reverse') AS reversed,
      sum(available_delta + pending_delta) FILTER (WHERE kind = 'adjust') AS adjusted,
      sum(available_delta + pending_delta) FILTER (WHERE kind NOT IN ('earn', 'spend', 'unspend', 'expire', 'reverse', 'adjust')) AS other
    FROM kinship_entry WHERE program_id = ${programId} AND occurred_at >= ${starts[0] ?? end} AND occurred_at < ${end}
    GROUP BY 1`.execute(db);
  const out: Movements[] = Array.from({ length: starts.length + 1 }, () => NO_MOVEMENTS);
  for (const r of rows)
    out[Number(r.b)] = {
      issued: big(r.issued),
      redeemed: big(r.redeemed),
      expired: big(r.expired),
      reversed: big(r.reversed),
      adjusted: big(r.adjusted),
      other: big(r.other),
    };
  return out;
}

export interface LedgerBalance {
  available: bigint;
  pending: bigint;
}

/**
 * The ledger's own balance at each instant of `at` (ascending): Σ available_delta and Σ pending_delta
 * of every entry before it, whatever its kind. Counted apart from movementsByPeriod (other buckets,
 * no kinds, the running sum by Postgres), so the roll-forward is checked against it.
 */
export async function balancesAt(db: Db, programId: number, at: Date[]): Promise<LedgerBalance[]> {
  const last = at[at.length - 1];
  if (!last) return [];
  const first = at[0] as Date;
  // History before the first instant is one plain sum (no buckets to find); after it, by bucket.
  const { rows } = await sql<{ b: Int; available: Int; pending: Int }>`
    SELECT b, sum(sum(a)) OVER (ORDER BY b) AS available, sum(sum(p)) OVER (ORDER BY b) AS pending
    FROM (SELECT 0 AS b, sum(available_delta) AS a, sum(pending_delta) AS p
          FROM kinship_entry WHERE program_id = ${programId} AND occurred_at < ${first}
          UNION ALL
          SELECT width_bucket(occurred_at, ${isoArray(at)}), sum(available_delta), sum(pending_delta)
          FROM kinship_entry WHERE program_id = ${programId} AND occurred_at >= ${first} AND occurred_at < ${last}
          GROUP BY 1) e
    GROUP BY b`.execute(db);
  // Bucket b holds the entries before at[b]; an instant with no entries since the last keeps its balance.
  const byBucket = new Map(rows.map((r) => [Number(r.b), { available: big(r.available), pending: big(r.pending) }]));
  const out: LedgerBalance[] = [];
  let balance: LedgerBalance = { available: 0n, pending: 0n };
  for (let i = 0; i < at.length; i++) {
    balance = byBucket.get(i) ?? balance;
    out.push(balance);
  }
  return out;
}

/** Points expired and redeemed (spent less spends given back) in [from, to): one pass over the window's entries. */
export async function breakageSums(db: Db, programId: number, from: Date, to: Date): Promise<{ expired: bigint; redeemed: bigint }> {
  const { rows } = await sql<{ expired: Int; redeemed: Int }>`
    SELECT -sum(available_delta + pending_delta) FILTER (WHERE kind = 'expire') AS expired,
      -sum(available_delta + pending_delta) FILTER (WHERE kind IN ('spend', 'unspend')) AS redeemed
    FROM kinship_entry WHERE program_id = ${programId} AND occurred_at >= ${from} AND occurred_at < ${to}`.execute(db);
  return { expired: big(rows[0]?.expired), redeemed: big(rows[0]?.redeemed) };
}

/**
 * The balance at `end` as the member rows hold it: Σ(available + pending) of the program's members
 * (the ledger's cache, kept by every write) less what entries dated at or after `end` moved.
 */
export async function membersBalanceAt(db: Db, programId: number, end: Date): Promise<bigint> {
  const { rows } = await sql<{ held: Int; later: Int }>`
    SELECT (SELECT sum(available + pending) FROM kinship_member WHERE program_id = ${programId}) AS held,
      (SELECT sum(available_delta + pending_delta) FROM kinship_entry WHERE program_id = ${programId} AND occurred_at >= ${end}) AS later`.execute(
    db,
  );
  return big(rows[0]?.held) - big(rows[0]?.later);
}
