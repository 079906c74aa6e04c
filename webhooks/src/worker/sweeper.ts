import type { Engine } from "@kinship/engine";
import { type InboxQueue, type Logger, silentLogger } from "../queue/types.ts";

export interface SweeperOptions {
  engine: Engine;
  queue: InboxQueue;
  /** Time between sweeps. */
  everyMs?: number;
  /** Only rows received longer ago than this (younger ones are still being enqueued by intake). */
  afterMs?: number;
  /** Rows per sweep (oldest first). */
  batch?: number;
  /** The wall clock `received_at` is compared with. */
  clock?: () => number;
  log?: Logger;
}

export interface Sweeper {
  /** One sweep now; resolves to the number of ids handed to the queue. */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

const PARALLEL = 32;

/**
 * Hands inbox rows still `queued` to the queue again: a delivery whose job was lost (Redis
 * restarted empty, the process died between insert and enqueue, a job bull gave up on as
 * stalled) or a dead letter put back by `kinship dlq replay` (requeueDead) is applied anyway.
 * Enqueueing an id the queue already holds is a no-op, so sweeping is always safe.
 */
export function startSweeper(options: SweeperOptions): Sweeper {
  const { engine, queue, everyMs = 5_000, afterMs = 30_000, batch = 1000, clock = Date.now, log = silentLogger } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | null = null;
  let stopped = false;

  async function sweepOnce(): Promise<number> {
    const before = new Date(clock() - afterMs);
    let handed = 0;
    let seen = 0;
    // Page by id so a backlog larger than one batch is walked through, not re-read.
    for (let after = 0; !stopped; ) {
      const ids = await engine.inbox.queuedIds(before, batch, after);
      seen += ids.length;
      for (let i = 0; i < ids.length && !stopped; i += PARALLEL) {
        const results = await Promise.allSettled(ids.slice(i, i + PARALLEL).map((id) => queue.enqueue(id)));
        for (const r of results) {
          if (r.status === "fulfilled") handed += 1;
          else log.warn({ err: r.reason }, "sweeper could not enqueue");
        }
      }
      if (ids.length < batch) break;
      after = ids[ids.length - 1] ?? after;
    }
    if (seen) log.info({ queued: seen, enqueued: handed }, "sweeper re-enqueued waiting deliveries");
    return handed;
  }

  function sweep(): Promise<number> {
    running ??= sweepOnce().finally(() => {
      running = null;
    });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      sweep()
        .catch((e: unknown) => log.warn({ err: e }, "sweep failed"))
        .finally(schedule);
    }, everyMs);
  }

  sweep()
    .catch((e: unknown) => log.warn({ err: e }, "sweep failed"))
    .finally(schedule);

  return {
    sweep,
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => 0);
    },
  };
}
