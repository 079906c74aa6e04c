import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { PGliteDialect } from "./pglite-dialect.ts";
import { preparingPool } from "./prepared.ts";
import type { Database } from "./schema.ts";

export type Db = Kysely<Database>;

export interface Connection {
  db: Db;
  kind: "postgres" | "pglite";
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** A Postgres URL; when absent, an embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** A pool the host already owns (e.g. Medusa's); Kinship will not close it. */
  pool?: pg.Pool;
  /** PGlite data directory; omit for an in-memory database. */
  dataDir?: string | undefined;
  /** Pool size for a URL connection. */
  max?: number;
  /**
   * Server-side prepared statements for the apply path (default true). Turn off behind a pooler
   * that does not keep them across transactions (PgBouncer in transaction mode before 1.21).
   */
  prepare?: boolean;
}

export async function connect(options: ConnectOptions = {}): Promise<Connection> {
  if (options.pool) {
    // The host owns its pool: Kysely may borrow connections but must never end it.
    const borrowed = preparingPool(options.pool, async () => {}, options.prepare);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: borrowed }) });
    return { db, kind: "postgres", close: () => db.destroy() };
  }
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.max ?? 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool, () => pool.end(), options.prepare) }) });
    return { db, kind: "postgres", close: () => db.destroy() };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: "pglite",
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
