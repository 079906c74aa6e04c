import type { Api } from "@shopify/ui-extensions/customer-account.page.render";
import { type LoyaltyClient, loyaltyClient } from "./data/client.ts";

/**
 * The Kinship server's origin. Keep it equal to `application_url`'s origin in
 * plugin/app/shopify.app.toml (`shopify app config link` sets that one; a test checks they agree).
 */
export const APP_URL = "https://kinship.example.com";

/** The part of the extension's `shopify` global Kinship uses (the same on the page and the profile block). */
type ShopifyGlobal = Pick<Api, "sessionToken">;

/** A client for the signed-in customer, from the host's `shopify` global and its fetch. */
export function hostClient(appUrl = APP_URL): LoyaltyClient {
  const { shopify } = globalThis as unknown as { shopify: ShopifyGlobal };
  return loyaltyClient(`${appUrl}/customer-account/graphql`, { sessionToken: shopify.sessionToken, fetch: (...args) => fetch(...args) });
}
