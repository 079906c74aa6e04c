/**
 * For the CLI only (`kinship shops connect`): whether a domain is a Shopify shop's
 * `<name>.myshopify.com`. The engine itself knows only program keys; the server and the webhook
 * intake use `isShopDomain` from @kinship/webhooks, which this package may not import. Keep the
 * two alike.
 */
const SHOPIFY_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export function isShopifyDomainForCli(domain: string): boolean {
  return SHOPIFY_DOMAIN.test(domain);
}
