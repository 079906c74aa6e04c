import { createHmac } from "node:crypto";

/**
 * A member's referral code: an HMAC of their customer id under the program's secret, so it is
 * stable, says nothing about the customer id and cannot be made up for someone else. (Shared by
 * the Shopify app and the Medusa plugin until the referrals context keeps codes of its own;
 * rotating the program secret changes the codes.)
 */
export function referralCode(programSecret: string, customerId: string): string {
  return createHmac("sha256", programSecret).update(`referral:${customerId}`, "utf8").digest("base64url").slice(0, 12);
}

/** `<storefront url>?ref=<code>`, or null when the program has no storefront address or secret. */
export function referralLink(storefront: string | null, programSecret: string | null, customerId: string): string | null {
  if (!storefront || !programSecret) return null;
  const url = new URL(storefront);
  url.searchParams.set("ref", referralCode(programSecret, customerId));
  return url.toString();
}
