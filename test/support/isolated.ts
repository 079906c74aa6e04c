import Bull from "bull";
import pg from "pg";
import { inject } from "vitest";
import { openEngine } from "../../plugin/engine/src/index.ts";

/**
 * A database of its own, migrated, on the run's Postgres. A worker's sweeper looks at every
 * queued row of its database: sharing the run's database would make it pick up (and apply)
 * deliveries other test files leave queued on purpose.
 */
export async function isolatedDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const database = await emptyDatabase(label);
  const engine = await openEngine({ databaseUrl: database.url, max: 1 });
  await engine.close();
  return database;
}

/** A database of its own with nothing in it (a host's migration runner applies the schema). */
export async function emptyDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const base = new URL(inject("databaseUrl"));
  const name = `${base.pathname.slice(1)}_${label}_${process.pid}`.slice(0, 63);
  const adminUrl = new URL(base);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl.toString() });
      await c.connect();
      try {
        // pg's Pool.end() resolves before its sockets are closed: let them go rather than terminating
        // them (FORCE), which makes the closing clients emit unhandled errors.
        await waitFor(
          `the connections to ${name} to close`,
          async () => (await c.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name])).rows[0]?.n === 0,
          5_000,
        ).catch(() => {});
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Removes every key of a bull queue (tests leave failed jobs behind on purpose). */
/** A test's bull queue and the schedule queue of its worker's clock (`<name>-maintain`), gone. */
export async function dropBullQueue(redisUrl: string, name: string): Promise<void> {
  for (const queueName of [name, `${name}-maintain`]) {
    const q = new Bull(queueName, redisUrl);
    try {
      await q.obliterate({ force: true });
    } finally {
      await q.close();
    }
  }
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | false | null | undefined>,
  timeoutMs = 15_000,
  everyMs = 25,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
