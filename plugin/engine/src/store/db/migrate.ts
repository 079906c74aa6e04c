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

/** Ids of the migrations not applied to this database yet (all of them on an empty one). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('kinship_migrations')::text AS t`.execute(db);
  if (!exists.rows[0]?.t) return migrations.map((m) => m.id);
  const done = new Set((await db.selectFrom("kinship_migrations").select("id").execute()).map((r) => r.id));
  return migrations.filter((m) => !done.has(m.id)).map((m) => m.id);
}

/**
 * One migration as a single SQL script for a host's migration runner (Medusa's, a Rails app's...):
 * it applies the migration and records it in kinship_migrations, and does nothing when it is
 * recorded already, so `migrate()` and the host's runner can both run against one database.
 */
export function hostMigrationScript(id: string): string {
  const m = migrations.find((x) => x.id === id);
  if (!m) throw new Error(`no Kinship migration ${id}`);
  const body = statements(m.sql).map((s) => {
    if (s.includes("$kinship_sql$")) throw new Error(`migration ${id} cannot be wrapped: it contains $kinship_sql$`);
    return `    EXECUTE $kinship_sql$${s}$kinship_sql$;`;
  });
  return `CREATE TABLE IF NOT EXISTS kinship_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL);
DO $kinship$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM kinship_migrations WHERE id = '${id}') THEN
${body.join("\n")}
    INSERT INTO kinship_migrations (id, applied_at) VALUES ('${id}', now());
  END IF;
END $kinship$;`;
}
