import { describe, expect, it } from "vitest";
import { createMemoryQueue } from "../../src/queue/memory.ts";
import { backoffDelay } from "../../src/queue/types.ts";
import { queueContract } from "./contract.ts";

describe("memory queue", () => {
  queueContract((o) => createMemoryQueue(o));

  it("holds ids enqueued before a handler is set", async () => {
    const q = createMemoryQueue({ concurrency: 2 });
    for (let i = 1; i <= 10; i += 1) await q.enqueue(i);
    expect(await q.counts()).toMatchObject({ waiting: 10, active: 0 });
    const seen: number[] = [];
    await q.process(async (id) => {
      seen.push(id);
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await q.close();
  });

  it("drops its pending retries on close (the inbox still has them queued)", async () => {
    const q = createMemoryQueue({ attempts: 3, backoffMs: 30 });
    let runs = 0;
    await q.process(async () => {
      runs += 1;
      throw new Error("fails");
    });
    await q.enqueue(1);
    await new Promise((r) => setTimeout(r, 5));
    expect(await q.counts()).toMatchObject({ delayed: 1 });
    await q.close();
    await new Promise((r) => setTimeout(r, 60));
    expect(runs).toBe(1);
  });

  it("refuses what is not an inbox id", async () => {
    const q = createMemoryQueue();
    await expect(q.enqueue(0)).rejects.toThrow(TypeError);
    await expect(q.enqueue(1.5)).rejects.toThrow(TypeError);
    await q.close();
  });

  it("backs off like bull's exponential strategy", () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(1000, n))).toEqual([1000, 3000, 7000, 15000]);
  });
});
