import { isShopDomain } from "@kinship/webhooks";

export { referralCode, referralLink } from "@kinship/engine";

/** A Shopify program's storefront is its shop (the myshopify domain redirects to the primary one). */
export function defaultStorefrontUrl(program: string): string | null {
  return isShopDomain(program) ? `https://${program}/` : null;
}
