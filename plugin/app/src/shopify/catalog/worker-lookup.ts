import type { CatalogLookup, Engine } from "@kinship/engine";
import type { Shopify } from "@shopify/shopify-api";
import { shopTokens } from "../tokens.ts";
import { shopApi } from "./loads.ts";
import { shopifyCatalogLookup } from "./lookup.ts";

/** The worker's reads of Shopify for product and collection webhooks, each shop's token from tokenFor. */
export function workerCatalogLookup(engine: Engine, shopify: Pick<Shopify, "auth">, now?: () => Date): CatalogLookup {
  const tokens = shopTokens({ engine, shopify, ...(now ? { now } : {}) });
  return shopifyCatalogLookup((shop) => shopApi(tokens, shop));
}
