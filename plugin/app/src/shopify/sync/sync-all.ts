import { type EachShopOptions, forEachShop } from "./each-shop.ts";
import { syncShop } from "./sync-shop.ts";

/** How often the members' tiers and points are sent to Shopify by default. */
export const DEFAULT_SYNC_EVERY_MS = 10_000;

export interface SyncAllOptions extends EachShopOptions {
  now: () => Date;
  budgetMs?: number;
}

/** One run of the sync back to Shopify: every installed shop with a token, one after the other. */
export async function syncAllShops(options: SyncAllOptions): Promise<void> {
  const { engine, now, log } = options;
  await forEachShop(options, "sync to Shopify", async ({ domain, programKey, api }) => {
    const done = await syncShop({ engine, program: programKey, api, now, ...(options.budgetMs ? { budgetMs: options.budgetMs } : {}) });
    if (done.synced + done.failed > 0) log.info({ shop: domain, ...done }, "members synced to Shopify");
  });
}
