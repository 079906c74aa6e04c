import { afterAll, describe, expect, it } from "vitest";
import { createBullQueue, jobIdOf } from "../../src/queue/bull.ts";
import { dropBullQueue, freePort, uniqueQueueName } from "../worker/support.ts";
import { queueContract } from "./contract.ts";

const REDIS_URL = process.env.KINSHIP_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const names: string[] = [];

function named(label: string): string {
  const name = uniqueQueueName(label);
  names.push(name);
  return name;
}

afterAll(async () => {
  for (const name of names) await dropBullQueue(REDIS_URL, name);
});

describe("bull queue", () => {
  queueContract((o) =>
    createBullQueue({ redisUrl: REDIS_URL, name: named("contract"), ...o, lockDurationMs: 2000, stalledIntervalMs: 500 }),
  );

  it("keys jobs by inbox id: three enqueues, one waiting job", async () => {
    const q = createBullQueue({ redisUrl: REDIS_URL, name: named("jobid") });
    try {
      await Promise.all([q.enqueue(42), q.enqueue(42), q.enqueue(42)]);
      expect(await q.counts()).toMatchObject({ waiting: 1, active: 0, failed: 0 });
      expect(jobIdOf(42)).toBe("inbox-42");
    } finally {
      await q.close();
    }
  });

  it("without Redis: enqueue fails fast, ping says false, close returns", async () => {
    const port = await freePort();
    const q = createBullQueue({ redisUrl: `redis://127.0.0.1:${port}`, name: "nowhere", enqueueTimeoutMs: 200 });
    await expect(q.enqueue(1)).rejects.toThrow(/timed out/);
    expect(await q.ping()).toBe(false);
    await q.close();
  });
});
