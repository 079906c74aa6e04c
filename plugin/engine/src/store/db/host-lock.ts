import { sql } from "kysely";
import type { Db } from "./connect.ts";

/**
 * For hosts (the Medusa plugin) that change their own records on Kinship's behalf: a
 * transaction-scoped advisory lock named `key`, so two processes never create the same tier group
 * or price list. Held until `trx` ends.
 */
export async function takeHostLock(trx: Db, key: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`kinship-host:${key}`}, 0))`.execute(trx);
}

/** Runs `work` in a transaction that holds the host lock `key`. */
export function withHostLock<T>(db: Db, key: string, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await takeHostLock(trx, key);
    return work(trx);
  });
}
