/**
 * What a Shopify shop is called: its permanent `<name>.myshopify.com` domain, which is also the key
 * of its Kinship program. The engine knows only program keys; this check belongs to the Shopify
 * face and runs wherever a shop domain comes in from outside (webhook headers, session tokens, app
 * proxy requests, the server's routes). The `kinship shops connect` CLI keeps its own copy
 * (plugin/engine/src/cli/shopify-domain.ts, the engine may not import this package).
 */
export const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** Whether `domain` is a shop's myshopify domain (lowercase, as Shopify sends it). */
export function isShopDomain(domain: string): boolean {
  return SHOP_DOMAIN.test(domain);
}
