import { expect, it } from "vitest";
import type { Attempt, InboxQueue } from "../../src/queue/types.ts";

export type QueueFactory = (o: { attempts: number; backoffMs: number; concurrency: number }) => InboxQueue;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** The behaviour both queues owe the worker. */
export function queueContract(make: QueueFactory): void {
  it("runs an id enqueued several times (before and while a handler runs) once", async () => {
    const q = make({ attempts: 3, backoffMs: 10, concurrency: 4 });
    try {
      const runs: number[] = [];
      await Promise.all([q.enqueue(1), q.enqueue(1), q.enqueue(1), q.enqueue(2)]);
      let release: () => void = () => {};
      const gate = new Promise<void>((r) => {
        release = r;
      });
      await q.process(async (id) => {
        runs.push(id);
        await gate;
      });
      await until("both to start", () => runs.length === 2);
      await q.enqueue(1); // running: a no-op
      release();
      await until("the queue to drain", async () => {
        const c = await q.counts();
        return (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) === 0;
      });
      expect(runs.sort()).toEqual([1, 2]);
      // Done ids may run again when enqueued again (the worker sees the row settled and returns).
      await q.enqueue(2);
      await until("the re-enqueued id to run", () => runs.length === 3);
    } finally {
      await q.close();
    }
  });

  it("retries with exponential backoff and says which attempt is final", async () => {
    const q = make({ attempts: 3, backoffMs: 40, concurrency: 2 });
    try {
      const seen: (Attempt & { at: number })[] = [];
      await q.process(async (_id, attempt) => {
        seen.push({ ...attempt, at: Date.now() });
        if (attempt.number < 3) throw new Error(`flaky ${attempt.number}`);
      });
      await q.enqueue(7);
      await until("three attempts", () => seen.length === 3);
      expect(seen.map(({ number, final }) => ({ number, final }))).toEqual([
        { number: 1, final: false },
        { number: 2, final: false },
        { number: 3, final: true },
      ]);
      const [a, b, c] = seen.map((s) => s.at);
      // 1× then 3× the base (bull's exponential: (2^n − 1) × delay); timers may fire a little early.
      expect((b ?? 0) - (a ?? 0)).toBeGreaterThanOrEqual(35);
      expect((c ?? 0) - (b ?? 0)).toBeGreaterThanOrEqual(110);
      await sleep(50);
      expect(seen).toHaveLength(3);
      expect((await q.counts()).failed ?? 0).toBe(0);
    } finally {
      await q.close();
    }
  });

  it("keeps a job that failed every attempt as failed, and runs it afresh when enqueued again (replay)", async () => {
    const q = make({ attempts: 2, backoffMs: 10, concurrency: 2 });
    try {
      let broken = true;
      const seen: Attempt[] = [];
      await q.process(async (_id, attempt) => {
        seen.push(attempt);
        if (broken) throw new Error("poison");
      });
      await q.enqueue(9);
      await until("the job to fail for good", async () => (await q.counts()).failed === 1);
      expect(seen).toEqual([
        { number: 1, final: false },
        { number: 2, final: true },
      ]);
      broken = false;
      await q.enqueue(9);
      await until("the replay to run", () => seen.length === 3);
      expect(seen[2]).toEqual({ number: 1, final: false });
      await until("the failed job to be gone", async () => (await q.counts()).failed === 0);
    } finally {
      await q.close();
    }
  });

  it("runs at most `concurrency` jobs at once and loses none", async () => {
    const q = make({ attempts: 1, backoffMs: 10, concurrency: 3 });
    try {
      let active = 0;
      let peak = 0;
      const done = new Set<number>();
      await q.process(async (id) => {
        active += 1;
        peak = Math.max(peak, active);
        await sleep(5);
        active -= 1;
        done.add(id);
      });
      await Promise.all(Array.from({ length: 40 }, (_, i) => q.enqueue(100 + i)));
      await until("all 40 to run", () => done.size === 40);
      expect(peak).toBeLessThanOrEqual(3);
      expect(peak).toBeGreaterThan(1);
    } finally {
      await q.close();
    }
  });

  it("close lets the running job finish, then refuses work", async () => {
    const q = make({ attempts: 3, backoffMs: 10, concurrency: 2 });
    let finished = false;
    await q.process(async () => {
      await sleep(150);
      finished = true;
    });
    await q.enqueue(5);
    await until("the job to start", async () => (await q.counts()).active === 1);
    expect(await q.ping()).toBe(true);
    await q.close();
    expect(finished).toBe(true);
    expect(await q.ping()).toBe(false);
    await expect(q.enqueue(6)).rejects.toThrow();
  });

  it("every: runs a task each period, never two runs of it at once, and no more once closed", async () => {
    const q = make({ attempts: 3, backoffMs: 10, concurrency: 4 });
    let runs = 0;
    let running = 0;
    let overlapped = false;
    try {
      await q.every("tick", 50, async () => {
        running += 1;
        if (running > 1) overlapped = true;
        runs += 1;
        await sleep(80);
        running -= 1;
      });
      await until("three runs", () => runs >= 3, 10_000);
    } finally {
      await q.close();
    }
    const atClose = runs;
    await sleep(200);
    expect(runs).toBe(atClose);
    expect(overlapped).toBe(false);
    expect(running).toBe(0);
  });
}
