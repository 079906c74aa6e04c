import { isShopDomain } from "@kinship/webhooks";

/**
 * A Shopify program's storefront is its shop (the myshopify domain redirects to the primary one).
 * Members' referral links are `<storefront>?ref=<code>`, the code from the engine (an HMAC of the
 * customer id under the program's secret, stored per member so a code resolves to its member).
 */
export function defaultStorefrontUrl(program: string): string | null {
  return isShopDomain(program) ? `https://${program}/` : null;
}
