import type { Engine } from "@kinship/engine";
import { isShopDomain } from "@kinship/webhooks";
import type { FastifyReply } from "fastify";
import { errors, jwtVerify } from "jose";
import { type Auth, bearer, denied, type ShopperIdentity } from "./identity.ts";

/** The app's credentials: the secret signs the extension's session tokens, the key is their `aud`. */
export interface AppCredentials {
  apiKey: string;
  apiSecret: string;
}

interface CustomerAccountHeaders {
  authorization?: string | string[] | undefined;
}

const CUSTOMER_GID = /^gid:\/\/shopify\/Customer\/([1-9][0-9]{0,19})$/;
/** Shopify's own libraries allow this much clock skew on exp/nbf. */
const CLOCK_TOLERANCE_S = 10;

/**
 * A customer account UI extension's session token (`shopify.sessionToken.get()`), sent as
 * `Authorization: Bearer`: HS256 with the app secret, `aud` = our API key, `exp`/`nbf` current,
 * `dest` a shop connected to Kinship. The shopper is the token's `sub` (the customer's GID; absent
 * when the app has no protected customer data access: then a guest). Nothing is read before the
 * signature is checked, and nothing from the request body names the customer.
 */
export async function customerAccountIdentity(
  app: AppCredentials,
  engine: Engine,
  headers: CustomerAccountHeaders,
  now: Date,
): Promise<Auth<ShopperIdentity>> {
  const token = bearer(headers.authorization);
  if (token === null) return denied("a customer account request needs `Authorization: Bearer <session token>`");
  let claims: Record<string, unknown>;
  try {
    const verified = await jwtVerify(token, new TextEncoder().encode(app.apiSecret), {
      algorithms: ["HS256"],
      audience: app.apiKey,
      clockTolerance: CLOCK_TOLERANCE_S,
      currentDate: now,
      requiredClaims: ["exp", "nbf", "dest"],
    });
    claims = verified.payload;
  } catch (e) {
    return denied(reasonOf(e));
  }
  const domain = shopOf(claims.dest);
  if (!domain) return denied("the session token names no shop");
  const customerId = customerOf(claims.sub);
  if (customerId === undefined) return denied("the session token's sub is not a customer");
  const shop = await engine.shops.find(domain);
  if (!shop?.installed) return denied(`shop ${domain} is not connected to Kinship`);
  return { ok: true, identity: { program: shop.programKey, customerId, shop } };
}

function reasonOf(e: unknown): string {
  if (e instanceof errors.JWTExpired) return "the session token has expired";
  if (e instanceof errors.JWTClaimValidationFailed && e.claim === "aud") return "the session token is for another app";
  if (e instanceof errors.JWSSignatureVerificationFailed) return "the session token's signature is not valid";
  return "invalid session token";
}

/** `dest` is the shop's domain (bare, or as an https URL). */
function shopOf(dest: unknown): string | null {
  if (typeof dest !== "string") return null;
  let host = dest;
  if (dest.includes("://")) {
    try {
      const url = new URL(dest);
      if (url.protocol !== "https:") return null;
      host = url.hostname;
    } catch {
      return null;
    }
  }
  return isShopDomain(host) ? host : null;
}

/** The numeric id of `gid://shopify/Customer/<id>`, kept as a string (64-bit); null without `sub`; undefined if malformed. */
function customerOf(sub: unknown): string | null | undefined {
  if (sub === undefined) return null;
  if (typeof sub !== "string") return undefined;
  return CUSTOMER_GID.exec(sub)?.[1];
}

/**
 * UI extensions run in a web worker on Shopify's CDN, so their calls are cross-origin. Any origin
 * may call: the credential is the short-lived session token in a header (no cookies), which a
 * holder could send from anywhere anyway; Shopify's own app libraries answer `*` here too.
 */
export const extensionCors = {
  headers(res: FastifyReply): void {
    res.header("access-control-allow-origin", "*");
  },
  preflight(res: FastifyReply): FastifyReply {
    return res
      .header("access-control-allow-origin", "*")
      .header("access-control-allow-methods", "POST, OPTIONS")
      .header("access-control-allow-headers", "authorization, content-type")
      .header("access-control-max-age", "600")
      .code(204)
      .send();
  },
};
