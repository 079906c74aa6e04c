import { backoffDelay, type InboxHandler, type InboxQueue, type Logger, silentLogger } from "./types.ts";

export interface MemoryQueueOptions {
  /** Runs per delivery before it is a dead letter. */
  attempts?: number;
  /** Exponential backoff base, as bull: retries wait 1×, 3×, 7×, ... this. */
  backoffMs?: number;
  /** Jobs run at once. */
  concurrency?: number;
  log?: Logger;
}

interface Job {
  inboxId: number;
  /** Failed runs so far. */
  failures: number;
}

/**
 * The in-process queue used when REDIS_URL is unset: the same attempts and backoff as bull, on
 * timers. While it is open an enqueued id is never dropped (it waits for a handler if none is
 * set yet). What it holds is gone with the process; the inbox still has those rows `queued` and
 * the worker's sweeper enqueues them again at the next start.
 */
export function createMemoryQueue(options: MemoryQueueOptions = {}): InboxQueue {
  const { attempts = 5, backoffMs = 1000, concurrency = 4, log = silentLogger } = options;
  const waiting: Job[] = [];
  const delayed = new Map<number, NodeJS.Timeout>();
  /** Ids waiting, delayed or running: enqueueing them again is a no-op. */
  const pending = new Set<number>();
  /** Dead letters (last error by id), until the id is enqueued again. */
  const failed = new Map<number, string>();
  let active = 0;
  let handler: InboxHandler | null = null;
  let closed = false;
  let idle: (() => void)[] = [];
  const schedules: NodeJS.Timeout[] = [];
  /** Scheduled runs under way: close waits for them. */
  const scheduled = new Set<Promise<void>>();

  function pump(): void {
    while (!closed && handler && active < concurrency) {
      const job = waiting.shift();
      if (!job) break;
      void run(handler, job);
    }
    if (active === 0) {
      for (const resolve of idle) resolve();
      idle = [];
    }
  }

  async function run(h: InboxHandler, job: Job): Promise<void> {
    active += 1;
    const number = job.failures + 1;
    try {
      await h(job.inboxId, { number, final: number >= attempts });
      pending.delete(job.inboxId);
    } catch (e) {
      job.failures = number;
      if (number >= attempts || closed) {
        pending.delete(job.inboxId);
        if (number >= attempts) failed.set(job.inboxId, e instanceof Error ? e.message : String(e));
      } else {
        const timer = setTimeout(
          () => {
            delayed.delete(job.inboxId);
            waiting.push(job);
            pump();
          },
          backoffDelay(backoffMs, number),
        );
        delayed.set(job.inboxId, timer);
      }
    } finally {
      active -= 1;
      pump();
    }
  }

  return {
    async enqueue(inboxId: number): Promise<void> {
      if (!Number.isSafeInteger(inboxId) || inboxId <= 0) throw new TypeError(`not an inbox id: ${inboxId}`);
      if (closed) throw new Error("memory queue is closed");
      if (pending.has(inboxId)) return;
      pending.add(inboxId);
      failed.delete(inboxId);
      waiting.push({ inboxId, failures: 0 });
      pump();
    },

    async process(h: InboxHandler): Promise<void> {
      if (handler) throw new Error("memory queue already has a handler");
      if (closed) throw new Error("memory queue is closed");
      handler = h;
      pump();
    },

    async every(task: string, everyMs: number, run: () => Promise<void>): Promise<void> {
      if (!Number.isSafeInteger(everyMs) || everyMs < 1) throw new RangeError(`everyMs must be a positive integer, got ${everyMs}`);
      if (closed) throw new Error("memory queue is closed");
      let current: Promise<void> | null = null;
      const timer = setInterval(() => {
        if (closed || current) return;
        current = run()
          .catch((e: unknown) => log.error({ err: e, task }, "scheduled task failed: it runs again next period"))
          .finally(() => {
            if (current) scheduled.delete(current);
            current = null;
          });
        scheduled.add(current);
      }, everyMs);
      schedules.push(timer);
    },

    async ping(): Promise<boolean> {
      return !closed;
    },

    async counts(): Promise<Record<string, number>> {
      return { waiting: waiting.length, active, delayed: delayed.size, failed: failed.size };
    },

    async close(): Promise<void> {
      if (!closed) {
        closed = true;
        for (const timer of delayed.values()) clearTimeout(timer);
        for (const timer of schedules) clearInterval(timer);
        if (delayed.size || waiting.length)
          log.info({ waiting: waiting.length, delayed: delayed.size }, "memory queue closed: the inbox keeps these deliveries queued");
      }
      if (active > 0) await new Promise<void>((resolve) => idle.push(resolve));
      await Promise.all(scheduled);
    },
  };
}
