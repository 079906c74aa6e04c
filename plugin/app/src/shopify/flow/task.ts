import { type PeriodicTask, shopifyClient } from "@kinship/webhooks";
import type { ShopTaskOptions } from "../task-options.ts";
import { shopTokens } from "../tokens.ts";
import { DEFAULT_FLOW_EVERY_MS, sendAllFlowTriggers } from "./send-all.ts";

export { DEFAULT_FLOW_EVERY_MS };

export type FlowTaskOptions = ShopTaskOptions;

/** Shopify Flow triggers as a worker's periodic task (one runner per period across workers on Redis). */
export function shopifyFlowTask(options: FlowTaskOptions): PeriodicTask {
  const { engine, now, log } = options;
  const tokens = shopTokens({ engine, shopify: shopifyClient(options.apiKey, options.apiSecret), now });
  const ensured = new Set<string>();
  return {
    name: "shopify-flow",
    everyMs: options.everyMs,
    // A run ends before its period does: on Redis the next period may go to another worker.
    run: () => sendAllFlowTriggers({ engine, tokens, now, log, ensured, budgetMs: Math.max(1_000, Math.floor(options.everyMs * 0.8)) }),
  };
}
