import { isShopDomain } from "@kinship/webhooks";

const MYSHOPIFY = ".myshopify.com";

/**
 * The `host` values Shopify may send for a shop: the base64 (or base64url, padded or not) of its
 * admin's address, `admin.shopify.com/store/<name>` (the unified admin) or `<shop>/admin`.
 * Comparing against these, rather than decoding what came in, leaves no lenient decoding to trust.
 */
function hostsOf(shop: string): Set<string> {
  const name = shop.slice(0, -MYSHOPIFY.length);
  const hosts = new Set<string>();
  for (const admin of [`admin.shopify.com/store/${name}`, `${shop}/admin`])
    for (const encoding of ["base64", "base64url"] as const) {
      const encoded = Buffer.from(admin, "utf8").toString(encoding);
      hosts.add(encoded);
      hosts.add(encoded.replace(/=+$/, ""));
    }
  return hosts;
}

/**
 * The shop of a request that comes from inside the Shopify admin: `shop` is a `<name>.myshopify.com`
 * domain and `host` is that same shop's admin, each given once. Anything else (missing, repeated,
 * malformed, or a host of another shop) is null. This only says where the request claims to come
 * from, it proves nothing: identity comes from a session token, never from a query string.
 */
export function embeddedShop(query: unknown): string | null {
  if (typeof query !== "object" || query === null) return null;
  const { shop, host } = query as Record<string, unknown>;
  if (typeof shop !== "string" || typeof host !== "string" || !isShopDomain(shop)) return null;
  return hostsOf(shop).has(host) ? shop : null;
}
