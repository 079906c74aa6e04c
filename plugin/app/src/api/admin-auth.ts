import type { Engine } from "@kinship/engine";
import { isShopDomain } from "@kinship/webhooks";
import type { Shopify } from "@shopify/shopify-api";
import { type AdminIdentity, type Auth, bearer, denied, header } from "./identity.ts";

/** What the engine stores of a key to recognise it in a list (`kin_` + 8 characters). */
const API_KEY_PREFIX = 12;

interface AdminHeaders {
  authorization?: string | string[] | undefined;
  "x-kinship-api-key"?: string | string[] | undefined;
}

/**
 * The admin surface: an API key (`Authorization: Bearer kin_…` or `X-Kinship-Api-Key`) for
 * headless use, or a Shopify session token from App Bridge (HS256 with the app secret, `aud` =
 * the API key, `dest` = the shop, which must be connected). The program is the key's or the
 * token's shop, never a request argument.
 */
export async function adminIdentity(shopify: Shopify, engine: Engine, headers: AdminHeaders): Promise<Auth<AdminIdentity>> {
  const token = bearer(headers.authorization);
  const apiKey = header(headers["x-kinship-api-key"]) ?? (token?.startsWith("kin_") ? token : undefined);
  if (apiKey !== undefined) {
    const found = await engine.apiKeys.verify(apiKey);
    if (!found) return denied("unknown or revoked API key");
    return { ok: true, identity: { program: found.programKey, actor: `apikey:${apiKey.slice(0, API_KEY_PREFIX)}` } };
  }
  if (!token) return denied("an admin request needs a Shopify session token or an API key");
  return sessionTokenIdentity(shopify, engine, token);
}

async function sessionTokenIdentity(shopify: Shopify, engine: Engine, token: string): Promise<Auth<AdminIdentity>> {
  const verified = await verifySessionToken(shopify, token);
  if (!verified.ok) return verified;
  const { shop: domain, user } = verified.identity;
  const shop = await engine.shops.find(domain);
  if (!shop?.installed) return denied(`shop ${domain} is not connected to Kinship`);
  return { ok: true, identity: { program: shop.programKey, actor: `shopify-user:${user}` } };
}

/** Who a valid App Bridge session token speaks for: the shop (`dest`) and the staff user (`sub`). */
export interface SessionTokenIdentity {
  shop: string;
  user: string;
}

/**
 * An App Bridge session token, checked and nothing more: HS256 with the app secret, `exp`/`nbf`,
 * `aud` = our API key, `dest` a myshopify shop that `iss` agrees with, and a user. Whether the
 * shop is connected is the caller's question (the app home installs a shop it has never seen).
 */
export async function verifySessionToken(shopify: Shopify, token: string): Promise<Auth<SessionTokenIdentity>> {
  let claims: Awaited<ReturnType<Shopify["session"]["decodeSessionToken"]>>;
  try {
    // Signature, exp and nbf (10 s of clock tolerance), and aud = our API key.
    claims = await shopify.session.decodeSessionToken(token);
  } catch {
    // App Bridge fetches a new token and retries when it sees this header.
    return denied("invalid or expired session token", true);
  }
  const domain = hostOf(claims.dest);
  if (!domain || !isShopDomain(domain) || hostOf(claims.iss) !== domain) return denied("the session token names no shop");
  if (typeof claims.sub !== "string" || claims.sub === "") return denied("the session token names no user");
  return { ok: true, identity: { shop: domain, user: claims.sub } };
}

function hostOf(url: unknown): string | null {
  if (typeof url !== "string") return null;
  try {
    const u = new URL(url);
    return u.protocol === "https:" ? u.hostname : null;
  } catch {
    return null;
  }
}
