import type { Engine } from "@kinship/engine";
import { verifyMemberToken } from "@kinship/member-token";
import { decodeJwt } from "jose";
import { type Auth, bearer, denied, header, type ShopperIdentity } from "./identity.ts";

interface StorefrontHeaders {
  authorization?: string | string[] | undefined;
  "x-kinship-program"?: string | string[] | undefined;
}

export type SecretLookup = (program: string) => Promise<string | null>;

/**
 * Program secrets for the hot path, each reused for `ttlMs` (a rotated secret stops opening
 * tokens within that time). Only programs that exist are kept, and at most `max` of them, so
 * made-up program names cannot grow it.
 */
export function cachedSecrets(engine: Engine, ttlMs = 5_000, max = 10_000): SecretLookup {
  const cache = new Map<string, { secret: string; at: number }>();
  return async (program) => {
    const hit = cache.get(program);
    if (hit && Date.now() - hit.at < ttlMs) return hit.secret;
    const secret = await engine.programs.webhookSecret(program);
    if (secret === null) cache.delete(program);
    else {
      if (cache.size >= max) cache.clear();
      cache.set(program, { secret, at: Date.now() });
    }
    return secret;
  };
}

/**
 * A headless storefront: `Authorization: Bearer <member token>` (HS256 with the program's secret,
 * signed by the store's own backend) makes the shopper its `sub`; without one the shopper is a
 * guest of the program named in X-Kinship-Program. The token's `iss` is read unverified only to
 * pick the secret to verify it with; a header naming another program is refused.
 */
export async function memberTokenIdentity(secretOf: SecretLookup, headers: StorefrontHeaders, now: Date): Promise<Auth<ShopperIdentity>> {
  const named = header(headers["x-kinship-program"]);
  const token = bearer(headers.authorization);
  if (token === null) {
    if (headers.authorization !== undefined) return denied("the Authorization header is not `Bearer <member token>`");
    if (!named) return denied("a storefront request needs a member token, or X-Kinship-Program for a guest");
    const secret = await secretOf(named);
    if (secret === null) return denied(`no program ${JSON.stringify(named)}`);
    return { ok: true, identity: { program: named, customerId: null } };
  }
  let issuer: unknown;
  try {
    issuer = decodeJwt(token).iss;
  } catch {
    return denied("the member token is not a JWT");
  }
  if (typeof issuer !== "string" || issuer === "") return denied("the member token names no program");
  if (named !== undefined && named !== issuer) return denied("the member token belongs to another program");
  const secret = await secretOf(issuer);
  if (secret === null) return denied("the member token names an unknown program");
  try {
    const claims = await verifyMemberToken(token, secret, issuer, now);
    return { ok: true, identity: { program: claims.program, customerId: claims.customerId } };
  } catch (e) {
    return denied(e instanceof Error ? e.message : "the member token is not valid");
  }
}
