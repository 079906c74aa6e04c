import type { Engine } from "@kinship/engine";
import { isShopDomain } from "@kinship/webhooks";
import type { Shopify } from "@shopify/shopify-api";
import { type Auth, denied, type ShopperIdentity } from "./identity.ts";

/**
 * A request Shopify forwarded from https://<shop>/apps/kinship/... : the signature (hex
 * HMAC-SHA256 of the sorted query, with the app secret) is checked before anything is read. The
 * program is the signed `shop`, the shopper the signed `logged_in_customer_id` (empty: a guest).
 */
export async function appProxyIdentity(shopify: Shopify, engine: Engine, rawUrl: string): Promise<Auth<ShopperIdentity>> {
  const q = rawUrl.indexOf("?");
  const params = new URLSearchParams(q < 0 ? "" : rawUrl.slice(q + 1));
  let valid: boolean;
  try {
    valid = await shopify.utils.validateHmac(params, { signator: "appProxy" });
  } catch (e) {
    // InvalidHmacError: no signature, a repeated signed parameter, or a timestamp outside 90 s.
    return denied(`app proxy signature rejected: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!valid) return denied("app proxy signature rejected: bad signature");
  const domain = params.get("shop") ?? "";
  if (!isShopDomain(domain)) return denied("app proxy request names no shop");
  const shop = await engine.shops.find(domain);
  if (!shop?.installed) return denied(`shop ${domain} is not connected to Kinship`);
  const customerId = params.get("logged_in_customer_id") ?? "";
  return { ok: true, identity: { program: shop.programKey, customerId: customerId === "" ? null : customerId, shop } };
}
