import { type PeriodicTask, shopifyClient } from "@kinship/webhooks";
import type { ShopTaskOptions } from "../task-options.ts";
import { shopTokens } from "../tokens.ts";
import { DEFAULT_SYNC_EVERY_MS, syncAllShops } from "./sync-all.ts";

export { DEFAULT_SYNC_EVERY_MS };

export type ShopifySyncTaskOptions = ShopTaskOptions;

/** The sync back to Shopify as a worker's periodic task (one runner per period across workers). */
export function shopifySyncTask(options: ShopifySyncTaskOptions): PeriodicTask {
  const { engine, now, log } = options;
  const tokens = shopTokens({ engine, shopify: shopifyClient(options.apiKey, options.apiSecret), now });
  return {
    name: "shopify-sync",
    everyMs: options.everyMs,
    // A run ends before its period does: on Redis the next period may go to another worker.
    run: () => syncAllShops({ engine, tokens, now, log, budgetMs: Math.max(1_000, Math.floor(options.everyMs * 0.8)) }),
  };
}
