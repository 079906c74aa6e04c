import type { Engine } from "@kinship/engine";
import { adminApi } from "../admin-api.ts";
import { SHOPIFY_API_VERSION } from "../api-version.ts";
import type { ShopTokenSource } from "../tokens.ts";
import type { AdminApi, BulkQueryOptions } from "./bulk-operation.ts";
import { type CatalogLoaded, loadShopCatalog } from "./load.ts";

/** Where a shop's last catalog load stands in this process. */
export type CatalogLoadState =
  | { status: "running"; startedAt: Date }
  | { status: "loaded"; startedAt: Date; finishedAt: Date; variants: number; removed: number }
  | { status: "failed"; startedAt: Date; finishedAt: Date; error: string; retryable: boolean };

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface CatalogLoadsOptions extends BulkQueryOptions {
  engine: Engine;
  tokens: ShopTokenSource;
  now: () => Date;
  log: Log;
  fetch?: typeof fetch;
}

export interface CatalogLoads {
  /**
   * Starts loading the shop's catalog in the background (a load already running is not started
   * twice) and returns at once; the outcome is logged and kept in `state`. Resolves when it ends.
   */
  start(shop: string): Promise<CatalogLoadState>;
  /** The shop's last load in this process, or null. */
  state(shop: string): CatalogLoadState | null;
}

/** The Admin API client of a shop, its token from tokenFor (refreshed ahead of expiry). */
export function shopApi(tokens: ShopTokenSource, shop: string): AdminApi {
  return adminApi({ shop, accessToken: () => tokens.tokenFor(shop), apiVersion: SHOPIFY_API_VERSION });
}

/** Catalog loads run in the background of this process, so no request waits for a bulk operation. */
export function catalogLoads(options: CatalogLoadsOptions): CatalogLoads {
  const { engine, tokens, now, log } = options;
  const states = new Map<string, CatalogLoadState>();
  const running = new Map<string, Promise<CatalogLoadState>>();

  async function run(shop: string, startedAt: Date): Promise<CatalogLoadState> {
    let state: CatalogLoadState;
    try {
      const loaded: CatalogLoaded = await loadShopCatalog({ ...options, engine, shop, api: shopApi(tokens, shop), now });
      state = { status: "loaded", startedAt, finishedAt: now(), ...loaded };
      log.info({ shop, variants: loaded.variants, removed: loaded.removed }, "catalog loaded");
    } catch (e) {
      const retryable = (e as { retryable?: unknown }).retryable === true;
      state = { status: "failed", startedAt, finishedAt: now(), error: (e as Error).message, retryable };
      log.error(
        { shop, err: e, retryable },
        "catalog load failed: nothing was stored; start it again from the app (POST /app/catalog/sync)",
      );
    }
    states.set(shop, state);
    return state;
  }

  return {
    start(shop) {
      const already = running.get(shop);
      if (already) return already;
      const startedAt = now();
      states.set(shop, { status: "running", startedAt });
      const done = run(shop, startedAt).finally(() => running.delete(shop));
      running.set(shop, done);
      return done;
    },
    state: (shop) => states.get(shop) ?? null,
  };
}
