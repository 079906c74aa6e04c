import { createHmac } from "node:crypto";
import { SignJWT } from "jose";
import { API_KEY, SECRET } from "./support.ts";

/**
 * The query string Shopify's app proxy sends: `shop`, `logged_in_customer_id`, `path_prefix`,
 * `timestamp` and any of the shopper's own parameters, signed with hex HMAC-SHA256 over the sorted
 * `key=value` pairs (no separator), `signature` excluded.
 */
export function proxyQuery(
  shop: string,
  customerId: string,
  extra: Record<string, string> = {},
  opts: { secret?: string; timestamp?: number; signature?: string | null } = {},
): string {
  const params: Record<string, string> = {
    shop,
    logged_in_customer_id: customerId,
    path_prefix: "/apps/kinship",
    timestamp: String(opts.timestamp ?? Math.floor(Date.now() / 1000)),
    ...extra,
  };
  const message = Object.keys(params)
    .sort((a, b) => a.localeCompare(b))
    .map((k) => `${k}=${params[k]}`)
    .join("");
  const signature =
    opts.signature === undefined
      ? createHmac("sha256", opts.secret ?? SECRET)
          .update(message)
          .digest("hex")
      : opts.signature;
  const q = new URLSearchParams(params);
  if (signature !== null) q.set("signature", signature);
  return q.toString();
}

/** An App Bridge session token: HS256 with the app secret, aud = the API key, dest = the shop. */
export async function sessionToken(
  shop: string,
  opts: { sub?: string; secret?: string; aud?: string; expiresIn?: number; iss?: string } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ dest: `https://${shop}`, sid: "session-1" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(opts.iss ?? `https://${shop}/admin`)
    .setAudience(opts.aud ?? API_KEY)
    .setSubject(opts.sub ?? "42")
    .setIssuedAt(now - 5)
    .setNotBefore(now - 5)
    .setExpirationTime(now + (opts.expiresIn ?? 60))
    .setJti(crypto.randomUUID())
    .sign(new TextEncoder().encode(opts.secret ?? SECRET));
}

export interface GqlAnswer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

export async function gql(
  url: string,
  query: string,
  opts: { headers?: Record<string, string>; variables?: Record<string, unknown>; method?: "GET" | "POST" } = {},
): Promise<GqlAnswer> {
  const res = await fetch(url, {
    method: opts.method ?? "POST",
    headers: { "content-type": "application/json", ...opts.headers },
    ...(opts.method === "GET" ? {} : { body: JSON.stringify({ query, variables: opts.variables }) }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GqlAnswer["body"] };
}

/** A paid order of `amount` cents for a customer, as the engine takes it. */
export function paidOrder(orderId: string, customerId: string, amount: number) {
  return {
    type: "order.paid",
    orderId,
    customerId,
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    currency: "USD",
    lines: [{ lineId: `${orderId}-1`, productId: "p-1", quantity: 1, unitPrice: amount }],
    orderDiscount: 0,
    shipping: 0,
    tax: 0,
  };
}

/**
 * A customer account UI extension's session token (`shopify.sessionToken.get()`): HS256 with the
 * app secret, aud = the API key, dest = the shop's domain, sub = the customer's GID.
 */
export async function customerAccountToken(
  shop: string,
  customerId: string | null,
  opts: { secret?: string; aud?: string; expiresIn?: number; notBefore?: number; dest?: string } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ dest: opts.dest ?? shop })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setAudience(opts.aud ?? API_KEY)
    .setIssuedAt(now - 5)
    .setNotBefore(now + (opts.notBefore ?? -5))
    .setExpirationTime(now + (opts.expiresIn ?? 60))
    .setJti(crypto.randomUUID());
  if (customerId !== null) jwt.setSubject(`gid://shopify/Customer/${customerId}`);
  return jwt.sign(new TextEncoder().encode(opts.secret ?? SECRET));
}
