import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { connect, type Db, type Engine, engineOn } from "@kinship/engine";
import { createBullQueue, mapCustom, mapShopify, shopifyClient, startWorker, type Worker } from "@kinship/webhooks";
import type { FastifyInstance } from "fastify";
import { dbOf, openEngineOwningDb, TEST_TOKEN_KEY } from "../../../test/support/engine-db.ts";
import { dropBullQueue, isolatedDatabase } from "../../../test/support/isolated.ts";
import { shopifyHeaders } from "../../../test/support/shopify-webhook.ts";
import { buildServer, type ServerOptions } from "../src/server.ts";
import { workerCatalogLookup } from "../src/shopify/catalog/index.ts";

export const SECRET = "test-app-secret";
export const API_KEY = "test-key";

export function fixture(name: string): string {
  return readFileSync(new URL(`../../../test/fixtures/shopify/${name}`, import.meta.url), "utf8");
}

export interface Harness {
  url: string;
  app: FastifyInstance;
  engine: Engine;
  worker: Worker;
  /** How many queries the server has sent (its own engine, not the worker's): "nothing read" is provable. */
  queries(): number;
  close(): Promise<void>;
}

type KyselyPlugin = Parameters<Db["withPlugin"]>[0];

/** Counts every query that passes through a Kysely instance. */
function queryCounter(): KyselyPlugin & { count: number } {
  const counter = {
    count: 0,
    transformQuery(args: Parameters<KyselyPlugin["transformQuery"]>[0]) {
      counter.count += 1;
      return args.node;
    },
    transformResult: (args: Parameters<KyselyPlugin["transformResult"]>[0]) => Promise.resolve(args.result),
  };
  return counter;
}

export type HarnessOptions = Pick<ServerOptions, "corsOrigins" | "widgetsDir" | "storefrontUrl">;

const REDIS = "redis://127.0.0.1:6379";

/**
 * The real server on a real port, with bull on the local Redis and an in-process worker, on a
 * Postgres database of its own (the worker's sweeper takes every queued delivery it can see).
 */
export async function startHarness(label: string, options: HarnessOptions = {}): Promise<Harness> {
  const database = await isolatedDatabase(label);
  const engine = await openEngineOwningDb({ databaseUrl: database.url, tokenKey: TEST_TOKEN_KEY });
  // The server gets an engine of its own on a connection whose queries are counted.
  const servedConnection = await connect({ databaseUrl: database.url });
  const queueName = `kinship-test-${randomUUID()}`;
  const queue = createBullQueue({ redisUrl: REDIS, name: queueName, attempts: 2, backoffMs: 50 });
  const counter = queryCounter();
  const served = engineOn({ ...servedConnection, db: servedConnection.db.withPlugin(counter) }, { tokenKey: TEST_TOKEN_KEY });
  const app = buildServer({ engine: served, queue, shopify: { apiKey: API_KEY, apiSecret: SECRET }, logLevel: "silent", ...options });
  // As in production, product and collection webhooks read the rest of the catalog from Shopify (msw in tests).
  const catalog = workerCatalogLookup(engine, shopifyClient(API_KEY, SECRET));
  const worker = await startWorker({ engine, queue, mapShopify, mapCustom, catalog, sweepEveryMs: 500, sweepAfterMs: 1_000 });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url,
    app,
    engine,
    worker,
    queries: () => counter.count,
    async close() {
      await app.close();
      await served.close();
      await worker.stop();
      await engine.close();
      await dropBullQueue(REDIS, queueName);
      await database.drop();
    },
  };
}

export async function newShop(engine: Engine, name: string): Promise<string> {
  const domain = `${name}-${randomUUID().slice(0, 8)}.myshopify.com`;
  const r = await engine.shops.connect(domain, "shpat_test", new Date());
  if (!r.ok) throw new Error(r.error.message);
  return domain;
}

export async function deliver(url: string, shop: string, topic: string, body: string, eventId?: string, secret = SECRET) {
  const res = await fetch(`${url}/webhooks/shopify`, { method: "POST", headers: shopifyHeaders(secret, shop, topic, body, eventId), body });
  return { status: res.status, body: (await res.json()) as { ok: boolean; outcome: string; inboxId?: number } };
}

/** Waits until the inbox has nothing queued for this program (the worker caught up). */
export async function drained(engine: Engine, program: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const row = await dbOf(engine)
      .selectFrom("kinship_inbox")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("program_key", "=", program)
      .where("status", "=", "queued")
      .executeTakeFirstOrThrow();
    if (Number(row.n) === 0) return;
    if (Date.now() - start > timeoutMs) throw new Error(`inbox of ${program} not drained after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
