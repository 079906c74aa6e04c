import { sql } from "kysely";
import type { Db } from "./connect.ts";
import { migrations } from "./migrations/index.ts";

/** Applies pending migrations in order, once, even with several processes starting together. */
export async function migrate(db: Db): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended('kinship:migrate', 0))`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS kinship_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL)`.execute(trx);
    const done = new Set((await trx.selectFrom("kinship_migrations").select("id").execute()).map((r) => r.id));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      for (const statement of statements(m.sql)) await sql.raw(statement).execute(trx);
      await trx.insertInto("kinship_migrations").values({ id: m.id, applied_at: new Date() }).execute();
      applied.push(m.id);
    }
    return applied;
  });
}

/** One statement at a time: PGlite's extended protocol takes a single statement per query. */
export function statements(script: string): string[] {
  return script
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
