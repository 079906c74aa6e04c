import { sql } from "kysely";
import { dbOf } from "../../../../test/support/engine-db.ts";
import type { Engine } from "../../src/index.ts";

/** Raw ledger rows of a program, as the tests recompute the report from them. */
export interface RawEntry {
  kind: string;
  delta: bigint;
  available: bigint;
  pending: bigint;
  at: Date;
}

type Int = string | number | bigint;

/** Every entry of the program, read straight from kinship_entry (through the engine's own connection). */
export async function rawEntries(engine: Engine, program: string): Promise<RawEntry[]> {
  const db = dbOf(engine);
  const { rows } = await sql<{ kind: string; available_delta: Int; pending_delta: Int; occurred_at: Date }>`
    SELECT e.kind, e.available_delta, e.pending_delta, e.occurred_at FROM kinship_entry e
    JOIN kinship_program p ON p.id = e.program_id WHERE p.key = ${program}`.execute(db);
  return rows.map((r) => ({
    kind: r.kind,
    available: BigInt(r.available_delta),
    pending: BigInt(r.pending_delta),
    delta: BigInt(r.available_delta) + BigInt(r.pending_delta),
    at: new Date(r.occurred_at),
  }));
}

/** Σ available and Σ pending over the program's member rows (the balances the ledger caches). */
export async function memberBalances(engine: Engine, program: string): Promise<{ available: bigint; pending: bigint }> {
  const { rows } = await sql<{ available: Int | null; pending: Int | null }>`
    SELECT sum(m.available) AS available, sum(m.pending) AS pending FROM kinship_member m
    JOIN kinship_program p ON p.id = m.program_id WHERE p.key = ${program}`.execute(dbOf(engine));
  return { available: BigInt(rows[0]?.available ?? 0), pending: BigInt(rows[0]?.pending ?? 0) };
}
