import { type Io, main } from "@kinship/engine/cli";
import { SHOPIFY_API_VERSION } from "./shopify/api-version.ts";
import { shopSettings } from "./shopify/shop-settings.ts";

/**
 * `kinship-shopify`: the engine's `kinship` CLI with what only the Shopify app can do added, so
 * `shops connect` reads a new program's currency and time zone from the shop, with the same
 * Admin API query the install uses.
 */
export function kinshipShopify(argv: readonly string[], io?: Io): Promise<number> {
  return main(argv, io, {
    shopSettings: (shop, accessToken) => shopSettings({ shop, accessToken, apiVersion: SHOPIFY_API_VERSION }),
  });
}
