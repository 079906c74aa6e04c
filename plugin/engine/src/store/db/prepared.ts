import { createHash } from "node:crypto";
import type { PostgresPool, PostgresPoolClient } from "kysely";
import type pg from "pg";

/**
 * Statements whose text starts with this comment run as named (server-side prepared) statements
 * on Postgres: parsed and planned once per connection instead of on every call. Only hot-path
 * statements carry it (apply, the inbox, storefront reads); their texts vary only with which parts
 * a decision has, never with data, so the number of names stays small. PGlite and other statements
 * are unaffected.
 */
export const PREPARED = "/* kinship:prepared */";

/** A bound on distinct names per process (so per connection): a bug that puts data in a marked text cannot grow it. */
const MAX_STATEMENTS = 256;
const names = new Map<string, string>();

export function statementName(text: string): string | undefined {
  if (!text.startsWith(PREPARED)) return undefined;
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_STATEMENTS) return undefined;
    name = `kinship_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * A pool for Kysely whose clients send marked statements by name (with `prepare` false, a plain
 * pass-through). `end` is the caller's choice: a host's pool is not ours to end.
 */
export function preparingPool(pool: pg.Pool, end: () => Promise<void>, prepare = true): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    options: pool.options,
    end,
    connect: async () => {
      const client = await pool.connect();
      if (!prepare) return client;
      let w = wrapped.get(client);
      if (!w) {
        w = preparingClient(client);
        wrapped.set(client, w);
      }
      return w;
    },
  };
}

function preparingClient(client: pg.PoolClient): PostgresPoolClient {
  // Kysely passes (text, values); anything else (a cursor) goes through untouched.
  const query = (text: unknown, values?: readonly unknown[]) => {
    const name = typeof text === "string" ? statementName(text) : undefined;
    return name
      ? client.query({ name, text: text as string, values: values ? [...values] : [] })
      : client.query(text as string, values as unknown[]);
  };
  return {
    get processID() {
      return (client as { processID?: number }).processID;
    },
    release: (destroy?: boolean) => client.release(destroy),
    query: query as unknown as PostgresPoolClient["query"],
  };
}
