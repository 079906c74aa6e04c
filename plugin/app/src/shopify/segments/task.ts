import { type PeriodicTask, shopifyClient } from "@kinship/webhooks";
import { forEachShop } from "../sync/each-shop.ts";
import type { ShopTaskOptions } from "../task-options.ts";
import { shopTokens } from "../tokens.ts";
import { pushShopSegments } from "./push-shop.ts";

/** How often segment changes are looked for by default: segments move with the engine's clock, not by the second. */
export const DEFAULT_SEGMENTS_EVERY_MS = 5 * 60_000;

/** Segments and tier tags pushed to every shop as a worker's periodic task (one runner per period across workers). */
export function shopifySegmentsTask(options: ShopTaskOptions): PeriodicTask {
  const { engine, now, log } = options;
  const tokens = shopTokens({ engine, shopify: shopifyClient(options.apiKey, options.apiSecret), now });
  const budgetMs = Math.max(1_000, Math.floor(options.everyMs * 0.8));
  return {
    name: "shopify-segments",
    everyMs: options.everyMs,
    run: () =>
      forEachShop({ engine, tokens, log }, "segment push to Shopify", async ({ domain, programKey, api }) => {
        const done = await pushShopSegments({ engine, program: programKey, api, now, budgetMs });
        if (done.pushed + done.failed > 0 || done.throttled) log.info({ shop: domain, ...done }, "segments pushed to Shopify");
      }),
  };
}
