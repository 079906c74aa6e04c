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

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
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

  it("every: processes sharing a queue set up one schedule, and each period runs once, in one of them", async () => {
    const name = named("every");
    const a = createBullQueue({ redisUrl: REDIS_URL, name });
    const b = createBullQueue({ redisUrl: REDIS_URL, name });
    const starts: { by: string; at: number }[] = [];
    try {
      for (const [by, q] of [
        ["a", a],
        ["b", b],
      ] as const)
        await q.every("tick", 300, async () => void starts.push({ by, at: Date.now() }));
      await until(() => starts.length >= 5, 15_000);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    const at = starts.map((s) => s.at).sort((x, y) => x - y);
    // A period run twice (once in each process) would start twice within a few milliseconds.
    for (let i = 1; i < at.length; i += 1) expect((at[i] ?? 0) - (at[i - 1] ?? 0)).toBeGreaterThan(150);
  });

  it("without Redis: enqueue fails fast, ping says false, close returns", async () => {
    const port = await freePort();
    const q = createBullQueue({ redisUrl: `redis://127.0.0.1:${port}`, name: "nowhere", enqueueTimeoutMs: 200 });
    await expect(q.enqueue(1)).rejects.toThrow(/timed out/);
    expect(await q.ping()).toBe(false);
    await q.close();
  });
});
