import type { Engine } from "@kinship/engine";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openEngineOwningDb } from "../../../test/support/engine-db.ts";
import { mapCustom, mapShopify } from "../../src/mappers/index.ts";
import { createBullQueue } from "../../src/queue/bull.ts";
import { startWorker } from "../../src/worker/run.ts";
import {
  balance,
  customBody,
  freePort,
  isolatedDatabase,
  newProgram,
  REVIEW_POINTS,
  receiveCustom,
  receiveShopify,
  redisCli,
  SLOW_MACHINE_MS,
  settled,
  shopifyOrderBody,
  startRedis,
  statuses,
  uniqueQueueName,
  waitFor,
} from "./support.ts";

let db: { url: string; drop(): Promise<void> };
let engine: Engine;
const cleanup: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  db = await isolatedDatabase("redis");
  engine = await openEngineOwningDb({ databaseUrl: db.url, max: 8 });
});

afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => {});
  await engine?.close();
  await db?.drop();
});

/** n deliveries (custom reviews and Shopify orders) into the inbox; returns their ids and expected balances. */
async function receiveMany(program: string, n: number, tag: string, expected: Map<string, number>): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i += 1) {
    if (i % 2 === 0) {
      const customerId = `r-${i % 6}`;
      expected.set(customerId, (expected.get(customerId) ?? 0) + REVIEW_POINTS);
      ids.push((await receiveCustom(engine, program, customBody({ id: `${tag}-${i}`, customerId }), `${tag}-${i}`)).id);
    } else {
      const customerId = `720000000000000${i % 4}`;
      const dollars = 3 + i;
      expected.set(customerId, (expected.get(customerId) ?? 0) + dollars);
      const orderId = `53${tag.length}${String(i).padStart(3, "0")}${Date.now() % 1_000_000}`;
      ids.push(
        (await receiveShopify(engine, program, "orders/paid", shopifyOrderBody({ orderId, customerId, dollars }), `${tag}-evt-${i}`)).id,
      );
    }
  }
  return ids;
}

async function expectBalances(program: string, expected: Map<string, number>) {
  for (const [customer, points] of expected) expect(await balance(engine, program, customer), customer).toBe(points);
  expect(await engine.verify(program)).toEqual([]);
}

it("Redis restarted empty before the worker starts: the sweeper re-enqueues from the inbox", async () => {
  const port = await freePort();
  let redis = await startRedis(port);
  cleanup.push(() => redis.kill());
  const program = await newProgram(engine, "rr");
  const name = uniqueQueueName("rr");
  const expected = new Map<string, number>();

  // Accepted while no worker runs: in the inbox and on the queue.
  const producer = createBullQueue({ redisUrl: redis.url, name, enqueueTimeoutMs: SLOW_MACHINE_MS });
  const ids = await receiveMany(program, 40, "a", expected);
  for (const id of ids) await producer.enqueue(id);
  expect((await producer.counts()).waiting).toBe(40);
  await producer.close();

  await redis.kill();
  redis = await startRedis(port);
  expect(await redisCli(port, "DBSIZE")).toBe("0");

  const queue = createBullQueue({
    redisUrl: redis.url,
    name,
    lockDurationMs: 2000,
    stalledIntervalMs: 500,
    enqueueTimeoutMs: SLOW_MACHINE_MS,
  });
  const worker = await startWorker({ engine, queue, mapShopify, mapCustom, sweepEveryMs: 200, sweepAfterMs: 100 });
  try {
    expect(await settled(engine, program)).toEqual({ applied: 40 });
    await expectBalances(program, expected);
  } finally {
    await worker.stop();
  }
});

it("Redis restarted under a running worker: it reconnects and nothing accepted meanwhile is lost", async () => {
  const port = await freePort();
  let redis = await startRedis(port);
  cleanup.push(() => redis.kill());
  const program = await newProgram(engine, "rw");
  const name = uniqueQueueName("rw");
  const expected = new Map<string, number>();
  const queue = createBullQueue({ redisUrl: redis.url, name, lockDurationMs: 2000, stalledIntervalMs: 500, enqueueTimeoutMs: 300 });
  const worker = await startWorker({ engine, queue, mapShopify, mapCustom, sweepEveryMs: 200, sweepAfterMs: 100 });
  try {
    for (const id of await receiveMany(program, 10, "b", expected)) await queue.enqueue(id);
    expect(await settled(engine, program)).toEqual({ applied: 10 });

    await redis.kill();
    expect(await queue.ping()).toBe(false);
    // Intake keeps accepting: the enqueue fails (the delivery is still answered 200, it is in the inbox).
    const during = await receiveMany(program, 10, "c", expected);
    const enqueued = await Promise.allSettled(during.map((id) => queue.enqueue(id)));
    expect(enqueued.every((r) => r.status === "rejected")).toBe(true);
    expect((await statuses(engine, program)).queued).toBe(10);

    redis = await startRedis(port);
    await waitFor("the queue to reconnect", () => queue.ping());
    expect(await settled(engine, program)).toEqual({ applied: 20 });
    await expectBalances(program, expected);
  } finally {
    await worker.stop();
  }
});
