/**
 * The "floor" section of the webhook benchmark: what this machine does with the least work a
 * webhook intake can do, measured the same way as the real intake. Two parts:
 *
 *   - bare server: webhooks-floor-server.ts (node:http, node:crypto HMAC, JSON.parse, a fixed 200,
 *     nothing stored) under the same autocannon load: the load generator's and the least server's
 *     CPU per request;
 *   - Postgres alone: the intake's own inbox insert (receiveMany), batched as the intake batches
 *     (INBOX_BATCH statements of up to 16 deliveries in flight), from this process, with no HTTP
 *     and no queue: Postgres's CPU per stored delivery.
 *
 * Their sum is a lower bound on the CPU an intake that stores every delivery needs per request
 * here, so cores ÷ that sum bounds any such intake's rate on this machine.
 */
import path from "node:path";
import type { Delivery, Engine } from "../../plugin/engine/src/index.ts";
import { receiveMany } from "../../plugin/engine/src/store/index.ts";
import { INBOX_BATCH } from "../../webhooks/src/intake/store-and-enqueue.ts";
import { dbOf } from "../support/engine-db.ts";
import { fmt, log } from "./support.ts";
import { type LoadResult, orderBody, postOrders } from "./webhooks-load.ts";
import { cpuMeter, type PhaseCpu, startServerChild } from "./webhooks-support.ts";

export interface FloorRun {
  bare: { load: LoadResult; cpu: PhaseCpu };
  postgres: { rows: number; seconds: number; perSecond: number; cpu: PhaseCpu; batch: number; inFlight: number };
}

export interface FloorOptions {
  engine: Engine;
  database: string;
  logDir: string;
  secret: string;
  shop: string;
  seconds: number;
  connections: number;
  customers: number;
  checkpoint(): Promise<void>;
}

export async function runFloor(o: FloorOptions): Promise<FloorRun> {
  log(`floor: bare node:http server (HMAC + JSON.parse, nothing stored), ${o.connections} connections, ${o.seconds} s`);
  const server = await startServerChild(
    { SHOPIFY_API_SECRET: o.secret },
    path.join(o.logDir, "floor-server.log"),
    undefined,
    "test/bench/webhooks-floor-server.ts",
  );
  let bare: FloorRun["bare"];
  try {
    const load = { url: server.url, secret: o.secret, shop: o.shop, customers: o.customers, connections: o.connections };
    await postOrders({ ...load, batch: 5, seconds: 2 });
    const meter = cpuMeter(o.database, () => ({ server }));
    const run = await postOrders({ ...load, batch: 6, seconds: o.seconds });
    bare = { load: run, cpu: meter() };
  } finally {
    await server.stop();
  }
  log(`  ${fmt(bare.load.perSecond)} req/s, p99 ${fmt(bare.load.latencyMs.p99)} ms`);

  const { maxBatch, maxInFlight } = INBOX_BATCH;
  log(`floor: Postgres alone, the inbox insert in batches of ${maxBatch}, ${maxInFlight} in flight, ${o.seconds} s`);
  const bodies = Array.from({ length: 512 }, (_, i) => orderBody(7, i, o.customers));
  let next = 0;
  const delivery = (i: number): Delivery => ({
    source: "shopify",
    programKey: o.shop,
    deliveryKey: `floor-${i}`,
    topic: "orders/paid",
    payload: bodies[i % bodies.length] ?? "",
    meta: { webhookId: `floor-${i}`, apiVersion: "2026-10", triggeredAt: null, shop: o.shop },
  });
  await o.checkpoint();
  const meter = cpuMeter(o.database, () => ({}));
  const until = performance.now() + o.seconds * 1000;
  await Promise.all(
    Array.from({ length: maxInFlight }, async () => {
      while (performance.now() < until) {
        const items = Array.from({ length: maxBatch }, () => ({ delivery: delivery(next++), now: new Date() }));
        const stored = await receiveMany(dbOf(o.engine), items);
        if (stored.some((s) => s.duplicate)) throw new Error("floor: a fresh delivery came back as a duplicate");
      }
    }),
  );
  const cpu = meter();
  const postgres = { rows: next, seconds: cpu.wallSeconds, perSecond: next / cpu.wallSeconds, cpu, batch: maxBatch, inFlight: maxInFlight };
  log(`  ${fmt(postgres.perSecond)} deliveries/s stored`);
  return { bare, postgres };
}
