import type { Engine, RedeemResult, StorefrontContext } from "@kinship/engine";
import { isShopDomain } from "@kinship/webhooks";
import { localIssuer, redeem, shopifyIssuer } from "../rewards/index.ts";
import { SHOPIFY_API_VERSION } from "../shopify/api-version.ts";
import type { ShopTokenSource } from "../shopify/tokens.ts";
import type { ShopperIdentity } from "./identity.ts";

export { SHOPIFY_API_VERSION };

export interface StorefrontDeps {
  engine: Engine;
  storefrontUrl: (program: string) => string | null;
  /** Where a shop's Admin API token comes from (refreshed ahead of expiry). */
  tokens: Pick<ShopTokenSource, "tokenFor">;
  onError?: (error: unknown) => void;
}

/**
 * What executeStorefront needs for one shopper. Redemption is bound to the shopper the edge
 * established (a guest has none, and the engine answers UNAUTHENTICATED); codes are issued on the
 * shop when it has an Admin API token (through `tokenFor`), locally when the program has no platform to issue them on
 * (the demo, custom programs, a shop connected without a token).
 */
export function storefrontContext(deps: StorefrontDeps, who: ShopperIdentity & { clientIp?: string | null }, now: Date): StorefrontContext {
  const { engine } = deps;
  const { program, customerId } = who;
  const ctx: StorefrontContext = {
    program,
    customerId,
    now,
    // Links carry the member's code from the engine (the same HMAC as before, now stored and resolvable).
    storefrontUrl: deps.storefrontUrl(program),
    clientIp: who.clientIp ?? null,
  };
  if (deps.onError) ctx.onError = deps.onError;
  if (customerId !== null)
    ctx.redeem = async (rewardId, key): Promise<RedeemResult> => {
      const shop = who.shop ?? (isShopDomain(program) ? await engine.shops.find(program) : null);
      // A code made locally would mean nothing at the checkout of a shop that removed the app.
      if (shop && !shop.installed)
        return { ok: false, error: { code: "ShopUninstalled", message: `${shop.domain} no longer has Kinship installed` } };
      const domain = shop?.domain;
      const issuer =
        domain && shop.hasToken
          ? shopifyIssuer({ shop: domain, accessToken: () => deps.tokens.tokenFor(domain), apiVersion: SHOPIFY_API_VERSION })
          : localIssuer();
      const r = await redeem({ engine, issuer, program, customerId, rewardId, now, ...(key === undefined ? {} : { key }) });
      if (!r.ok) return { ok: false, error: { code: r.error.code, message: r.error.message } };
      return { ok: true, value: { rewardId: r.value.rewardId, code: r.value.code, points: r.value.points } };
    };
  return ctx;
}
