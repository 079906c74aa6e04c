import type { Engine } from "@kinship/engine";
import type { Logger } from "@kinship/webhooks";
import { adminApi } from "../admin-api.ts";
import { SHOPIFY_API_VERSION } from "../api-version.ts";
import type { ShopPacers } from "../pacer.ts";
import { ShopTokenError, type ShopTokenSource } from "../tokens.ts";
import { syncShop } from "./sync-shop.ts";

/** How often the members' tiers and points are sent to Shopify by default. */
export const DEFAULT_SYNC_EVERY_MS = 10_000;

export interface SyncAllOptions {
  engine: Engine;
  tokens: Pick<ShopTokenSource, "tokenFor">;
  now: () => Date;
  log: Logger;
  pacers?: ShopPacers;
  fetch?: typeof fetch;
  budgetMs?: number;
}

/**
 * One run of the sync back to Shopify: every installed shop with a token, one after the other.
 * A shop whose token cannot be had (uninstalled since, or the merchant must open the app again)
 * is skipped, its rows left for when it can; a shop that fails is logged and the others go on.
 */
export async function syncAllShops(options: SyncAllOptions): Promise<void> {
  const { engine, tokens, now, log } = options;
  for (const { domain, programKey } of await engine.shops.installed()) {
    try {
      await tokens.tokenFor(domain);
    } catch (e) {
      if (e instanceof ShopTokenError) {
        log.warn({ shop: domain, reason: e.message }, "sync to Shopify skipped: no usable token");
        continue;
      }
      throw e;
    }
    try {
      const api = adminApi({
        shop: domain,
        accessToken: () => tokens.tokenFor(domain),
        apiVersion: SHOPIFY_API_VERSION,
        background: true,
        ...(options.pacers ? { pacer: options.pacers.for(domain) } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      const done = await syncShop({ engine, program: programKey, api, now, ...(options.budgetMs ? { budgetMs: options.budgetMs } : {}) });
      if (done.synced + done.failed > 0) log.info({ shop: domain, ...done }, "members synced to Shopify");
    } catch (e) {
      log.error({ shop: domain, err: e }, "sync to Shopify failed: it runs again next period");
    }
  }
}
