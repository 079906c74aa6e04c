import type { CatalogLookup, DispatchOptions, Engine } from "@kinship/engine";
import { type InboxQueue, type Logger, silentLogger } from "../queue/types.ts";
import { DEFAULT_MAINTAIN_EVERY_MS, startClock } from "./clock.ts";
import { type CustomMapper, DeliveryFailed, deliveryHandler, type ShopifyMapper } from "./deliver.ts";
import { startSweeper } from "./sweeper.ts";
import { DEFAULT_WEBHOOKS_EVERY_MS, dispatchAllWebhooks } from "./webhooks.ts";

export interface WorkerOptions {
  engine: Engine;
  queue: InboxQueue;
  mapShopify: ShopifyMapper;
  mapCustom: CustomMapper;
  /** Reads from Shopify what product and collection webhooks leave out (the app's Admin API client). */
  catalog?: CatalogLookup;
  /** Time between inbox sweeps (default 5 s). */
  sweepEveryMs?: number;
  /** Sweep rows still queued this long after they were received (default 30 s). */
  sweepAfterMs?: number;
  /**
   * Most deliveries applied in one transaction (default 16; 1 applies each alone). Deliveries the
   * queue runs at once are grouped, so its concurrency should be about groupSize × groupsAtOnce.
   */
  groupSize?: number;
  /** Groups (transactions) under way at once (default 4). */
  groupsAtOnce?: number;
  /** How often every program is maintained (maturity, expiry, tiers; default 15 min); 0: never (another process runs the clock). */
  maintainEveryMs?: number;
  /** How often due outbound webhook deliveries are sent (default 5 s); 0: never (another process sends them). */
  webhooksEveryMs?: number;
  /** How the dispatcher calls endpoints (timeout, fetch: tests). */
  webhooks?: DispatchOptions;
  /** The "now" deliveries are applied and programs maintained at (default the clock). */
  now?: () => Date;
  /** A host's own periodic work (the sync back to Shopify), scheduled on the queue like the clock: one runner per period. */
  tasks?: readonly PeriodicTask[];
  log?: Logger;
}

export interface PeriodicTask {
  name: string;
  everyMs: number;
  run(): Promise<void>;
}

export interface Worker {
  /** Stops taking jobs, lets the running ones finish, stops the sweeper and closes the queue. */
  stop(): Promise<void>;
  /** One inbox sweep now (tests, admin); resolves to the number of ids enqueued. */
  sweep(): Promise<number>;
}

export const DEFAULT_GROUP_SIZE = 16;
export const DEFAULT_GROUPS_AT_ONCE = 4;

/** Processes the queue's deliveries through the engine and keeps the queue in step with the inbox. */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const { engine, queue, mapShopify, mapCustom, log = silentLogger, now = () => new Date() } = options;
  const deps = { engine, mapShopify, mapCustom, now, log, ...(options.catalog ? { catalog: options.catalog } : {}) };
  const groupSize = options.groupSize ?? DEFAULT_GROUP_SIZE;
  const deliver = deliveryHandler(
    deps,
    groupSize > 1 ? { maxBatch: groupSize, maxInFlight: options.groupsAtOnce ?? DEFAULT_GROUPS_AT_ONCE } : null,
  );
  await queue.process(async (inboxId, attempt) => {
    try {
      await deliver(inboxId, attempt);
    } catch (e) {
      // DeliveryFailed is logged where it happens; anything else is the database failing under us.
      if (!(e instanceof DeliveryFailed)) log.error({ inboxId, attempt: attempt.number, err: e }, "delivery could not be read");
      throw e;
    }
  });
  const sweeper = startSweeper({
    engine,
    queue,
    everyMs: options.sweepEveryMs ?? 5_000,
    afterMs: options.sweepAfterMs ?? 30_000,
    log,
  });
  const maintainEveryMs = options.maintainEveryMs ?? DEFAULT_MAINTAIN_EVERY_MS;
  if (maintainEveryMs > 0) await startClock({ engine, queue, everyMs: maintainEveryMs, now, log });
  const webhooksEveryMs = options.webhooksEveryMs ?? DEFAULT_WEBHOOKS_EVERY_MS;
  const tasks: PeriodicTask[] = [...(options.tasks ?? [])];
  if (webhooksEveryMs > 0)
    tasks.push({ name: "webhooks", everyMs: webhooksEveryMs, run: () => dispatchAllWebhooks(engine, now, log, options.webhooks) });
  for (const task of tasks) {
    if (task.everyMs <= 0) continue;
    await queue.every(task.name, task.everyMs, async () => {
      try {
        await task.run();
      } catch (e) {
        log.error({ task: task.name, err: e }, "task failed: it runs again next period");
      }
    });
  }
  log.info({}, "worker started");
  let stopping: Promise<void> | null = null;
  return {
    sweep: () => sweeper.sweep(),
    stop(): Promise<void> {
      stopping ??= (async () => {
        await sweeper.stop();
        await queue.close();
        log.info({}, "worker stopped");
      })();
      return stopping;
    },
  };
}
