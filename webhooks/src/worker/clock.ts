import type { Engine } from "@kinship/engine";
import type { InboxQueue, Logger } from "../queue/types.ts";

/** How often the engine's clock runs by default: pending points mature, due lots expire, tiers are evaluated. */
export const DEFAULT_MAINTAIN_EVERY_MS = 15 * 60_000;

/**
 * The engine's clock on the Shopify side: `maintain` for every program, every period, without
 * anyone running `kinship maintain`. Scheduled on the queue, so with Redis one process of many
 * runs each period. A program that fails is logged and the others go on; it runs again next time.
 */
export async function startClock(options: {
  engine: Engine;
  queue: InboxQueue;
  everyMs: number;
  now: () => Date;
  log: Logger;
}): Promise<void> {
  const { engine, queue, everyMs, now, log } = options;
  await queue.every("maintain", everyMs, () => maintainAll(engine, now(), log));
  log.info({ everyMs }, "clock started: every program is maintained each period");
}

/** One tick of the clock: every program maintained at `now`. */
export async function maintainAll(engine: Engine, now: Date, log: Logger): Promise<void> {
  for (const { key } of await engine.programs.list()) {
    try {
      const done = await engine.maintain(key, now);
      const changed =
        done.matured + done.expired + done.perMember + done.droppedHeld + done.tiers.changed + done.prunedDeliveries > 0 ||
        done.insight !== null;
      if (changed) log.info({ program: key, ...done }, "program maintained");
    } catch (e) {
      log.error({ program: key, err: e }, "maintain failed: it runs again next period");
    }
  }
}
