import type { Engine } from "@kinship/engine";
import type { Logger } from "@kinship/webhooks";
import { adminApi } from "../admin-api.ts";
import { SHOPIFY_API_VERSION } from "../api-version.ts";
import type { ShopPacers } from "../pacer.ts";
import { ShopTokenError, type ShopTokenSource } from "../tokens.ts";
import type { AdminCaller } from "./sync-shop.ts";

export interface EachShopOptions {
  engine: Engine;
  tokens: Pick<ShopTokenSource, "tokenFor">;
  log: Logger;
  pacers?: ShopPacers;
  fetch?: typeof fetch;
}

/**
 * Background work for every installed shop with a token, one after the other, each with its paced
 * Admin API client. A shop whose token cannot be had (uninstalled since, or the merchant must open
 * the app again) is skipped, its work left for when it can; a shop that fails is logged and the
 * others go on. `what` names the work in the logs.
 */
export async function forEachShop(
  options: EachShopOptions,
  what: string,
  work: (shop: { domain: string; programKey: string; api: AdminCaller }) => Promise<void>,
): Promise<void> {
  const { engine, tokens, log } = options;
  for (const { domain, programKey } of await engine.shops.installed()) {
    try {
      await tokens.tokenFor(domain);
    } catch (e) {
      if (e instanceof ShopTokenError) {
        log.warn({ shop: domain, reason: e.message }, `${what} skipped: no usable token`);
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
      await work({ domain, programKey, api });
    } catch (e) {
      log.error({ shop: domain, err: e }, `${what} failed: it runs again next period`);
    }
  }
}
