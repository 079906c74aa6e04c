import { type DispatchOptions, dispatchWebhooks, type Engine } from "@kinship/engine";
import type { Logger } from "../queue/types.ts";

/** How often the worker sends due webhook deliveries by default. */
export const DEFAULT_WEBHOOKS_EVERY_MS = 5_000;

/** One run of the dispatcher: every program's due deliveries. A program that fails is logged and the others go on. */
export async function dispatchAllWebhooks(engine: Engine, now: () => Date, log: Logger, options: DispatchOptions = {}): Promise<void> {
  for (const { key } of await engine.programs.list()) {
    try {
      const done = await dispatchWebhooks(engine, key, now, options);
      if (done.delivered + done.failed > 0) log.info({ program: key, ...done }, "webhooks sent");
    } catch (e) {
      log.error({ program: key, err: e }, "webhook dispatch failed: it runs again next period");
    }
  }
}
