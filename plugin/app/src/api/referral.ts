import { createHmac } from "node:crypto";
import { isShopDomain } from "@kinship/webhooks";

/**
 * A member's referral code: an HMAC of their customer id under the program's secret, so it is
 * stable, says nothing about the customer id and cannot be made up for someone else. (A code
 * table comes with the referrals context; rotating the program secret changes the codes.)
 */
export function referralCode(programSecret: string, customerId: string): string {
  return createHmac("sha256", programSecret).update(`referral:${customerId}`, "utf8").digest("base64url").slice(0, 12);
}

/** `<storefront url>?ref=<code>`, or null when the program has no storefront address. */
export function referralLink(storefront: string | null, programSecret: string | null, customerId: string): string | null {
  if (!storefront || !programSecret) return null;
  const url = new URL(storefront);
  url.searchParams.set("ref", referralCode(programSecret, customerId));
  return url.toString();
}

/** A Shopify program's storefront is its shop (the myshopify domain redirects to the primary one). */
export function defaultStorefrontUrl(program: string): string | null {
  return isShopDomain(program) ? `https://${program}/` : null;
}
