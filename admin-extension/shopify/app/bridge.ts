/**
 * The part of App Bridge's `shopify` global the shell uses: a session token per API call and
 * toasts. Shopify's CDN script defines it inside the admin; the dev sign-in's shim outside it.
 */
export interface ShopifyBridge {
  idToken(): Promise<string>;
  toast: { show(message: string, options?: { isError?: boolean; duration?: number }): unknown };
  config?: { shop?: string; apiKey?: string };
}

export function bridge(): ShopifyBridge {
  const shopify = (globalThis as { shopify?: ShopifyBridge }).shopify;
  if (!shopify) throw new Error("App Bridge did not load: open Kinship from your Shopify admin");
  return shopify;
}
