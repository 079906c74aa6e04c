import type { Api } from "@shopify/ui-extensions/admin.customer-details.block.render";
import type {} from "@shopify/ui-extensions/admin.order-details.block.render";
import { type AdminBlocksClient, adminBlocksClient } from "./data/client.ts";
import { type BlockResource, idOfGid } from "./data/gid.ts";

/**
 * The Kinship server's origin. Keep it equal to `application_url`'s origin in
 * plugin/app/shopify.app.toml (a test checks they agree): Shopify adds the ID token only to fetches
 * to the app's own domain.
 */
export const APP_URL = "https://kinship.example.com";

/** The part of the extension's `shopify` global the blocks use (the same on both targets). */
type ShopifyGlobal = Pick<Api, "auth" | "data">;

const shopifyGlobal = (): ShopifyGlobal => (globalThis as unknown as { shopify: ShopifyGlobal }).shopify;

/** A client for the signed-in staff user: the host's ID token on every call to the app's /admin/graphql. */
export function hostClient(appUrl = APP_URL): AdminBlocksClient {
  const shopify = shopifyGlobal();
  return adminBlocksClient(`${appUrl}/admin/graphql`, { idToken: () => shopify.auth.idToken(), fetch: (...args) => fetch(...args) });
}

/** The Kinship id of the customer or order whose page the block is on. */
export function selectedId(type: BlockResource): string {
  return idOfGid(shopifyGlobal().data.selected[0]?.id, type);
}
