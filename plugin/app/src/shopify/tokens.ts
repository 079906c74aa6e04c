import type { Engine, TokenPair } from "@kinship/engine";
import { HttpResponseError, RequestedTokenType, type Session, type Shopify } from "@shopify/shopify-api";
import { SHOPIFY_API_VERSION } from "./api-version.ts";
import { scopesOf } from "./scopes.ts";
import { type ShopSettings, shopSettings } from "./shop-settings.ts";

/** Why no token could be given; `retryable` says whether asking again later may work. */
export type ShopTokenProblem = "UnknownShop" | "Uninstalled" | "NoToken" | "NoTokenKey" | "NeedsTokenExchange" | "RefreshFailed";

export class ShopTokenError extends Error {
  override name = "ShopTokenError";
  readonly code: ShopTokenProblem;
  readonly retryable: boolean;
  constructor(code: ShopTokenProblem, message: string, retryable: boolean) {
    super(message);
    this.code = code;
    this.retryable = retryable;
  }
}

export interface ShopTokensOptions {
  engine: Engine;
  /** The app's shopify-api instance: refreshes go through `shopify.auth.refreshToken`. */
  shopify: Pick<Shopify, "auth">;
  now?: () => Date;
  /** A token expiring within this is refreshed first (default 5 min). */
  marginMs?: number;
  /** How long one refresher holds the shop's lease (default 30 s): a refresher that dies or loses Shopify's answer lets go by then. */
  leaseMs?: number;
  /** How long a caller waits for another's refresh before giving up (real time, default 10 s). */
  waitMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** At install, the shop's currency and time zone (default: `shop { currencyCode ianaTimezone }` with the new token). */
  settings?: (shop: string, accessToken: string) => Promise<ShopSettings>;
}

export interface ShopTokenSource {
  /** A valid Admin API access token for the shop, refreshed ahead of expiry; throws ShopTokenError. */
  tokenFor(shop: string): Promise<string>;
  /**
   * Install: exchanges an App Bridge session token for an expiring offline token pair and stores
   * it, connecting the shop (and creating its program) when it is not connected. A shop being
   * connected has its currency and time zone read from Shopify first; when that fails nothing is
   * stored and this throws (ShopSettingsError): the next open of the app exchanges again.
   */
  exchange(shop: string, sessionToken: string): Promise<void>;
}

/**
 * The one way code gets a shop's Admin API token. A token expiring within the margin is
 * refreshed by exactly one caller across every process: it takes the shop's lease (a committed
 * compare-and-set, so no database lock is held while Shopify answers), refreshes with
 * `shopify.auth.refreshToken`, and saves the new pair in one statement; the others poll the row
 * and read the new token. A refresh whose answer is lost keeps the lease until it expires, then
 * the next caller retries with the stored refresh token (Shopify keeps it usable until its
 * replacement is used). A refresh token Shopify refuses (invalid_grant) marks the shop as needing
 * a new token exchange; its access token is still used while it is valid.
 */
export function shopTokens(options: ShopTokensOptions): ShopTokenSource {
  const { engine, shopify } = options;
  const now = options.now ?? (() => new Date());
  const marginMs = options.marginMs ?? 5 * 60_000;
  const leaseMs = options.leaseMs ?? 30_000;
  const waitMs = options.waitMs ?? 10_000;
  const pollMs = options.pollMs ?? 50;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const settings =
    options.settings ??
    ((shop: string, accessToken: string) => shopSettings({ shop, accessToken, apiVersion: SHOPIFY_API_VERSION, sleep }));

  async function tokenFor(shop: string): Promise<string> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const read = await engine.shops.tokens(shop);
      if (!read.ok) {
        if (read.error.code === "UnknownProgram") throw new ShopTokenError("UnknownShop", `no shop ${shop} is connected to Kinship`, false);
        throw new ShopTokenError("NoTokenKey", read.error.message, false);
      }
      const t = read.value;
      if (!t.installed) throw new ShopTokenError("Uninstalled", `${shop} has uninstalled Kinship`, false);
      if (!t.accessToken)
        throw new ShopTokenError("NoToken", `${shop} has no Admin API token: open Kinship in the shop's admin to install it`, false);
      const at = now().getTime();
      const expiresAt = t.accessTokenExpiresAt?.getTime() ?? null;
      // A custom app's token (kinship shops connect) does not expire.
      if (expiresAt === null || expiresAt - at > marginMs) return t.accessToken;
      const valid = expiresAt > at;
      if (t.refused || !t.refreshToken) {
        if (valid) return t.accessToken;
        throw new ShopTokenError(
          "NeedsTokenExchange",
          `${shop}'s access token expired and ${t.refused ? `Shopify refused its refresh token (${t.refused.reason})` : "there is no refresh token"}: the merchant must open Kinship in the shop's admin to authorise it again`,
          false,
        );
      }
      const claim = await engine.shops.claimRefresh(shop, new Date(at), leaseMs, t.version);
      if (!claim.ok) {
        if (claim.error.code === "UnknownProgram") throw new ShopTokenError("UnknownShop", claim.error.message, false);
        throw new ShopTokenError("Uninstalled", claim.error.message, false);
      }
      if (claim.value.claimed) return refresh(shop, t.refreshToken, t.accessToken, valid, claim.value.until);
      if (claim.value.reason === "changed") continue;
      // Another process is refreshing: wait for its pair, bounded.
      if (Date.now() >= deadline) {
        if (valid) return t.accessToken;
        throw new ShopTokenError(
          "RefreshFailed",
          `${shop}'s token is being refreshed and the refresh has not finished; try again shortly`,
          true,
        );
      }
      await sleep(pollMs);
    }
  }

  async function refresh(shop: string, refreshToken: string, current: string, valid: boolean, until: Date): Promise<string> {
    let session: Session;
    try {
      ({ session } = await shopify.auth.refreshToken({ shop, refreshToken }));
    } catch (e) {
      const refusal = invalidGrant(e);
      if (refusal) {
        await engine.shops.refuseRefresh(shop, refusal, now());
        if (valid) return current;
        throw new ShopTokenError(
          "NeedsTokenExchange",
          `Shopify refused ${shop}'s refresh token (${refusal}): the merchant must open Kinship in the shop's admin to authorise it again`,
          false,
        );
      }
      // The answer may be lost after Shopify rotated the pair: the lease stays until it expires
      // (a pause before the next try), then the stored refresh token is tried again.
      if (valid) return current;
      throw new ShopTokenError("RefreshFailed", `could not refresh ${shop}'s token: ${(e as Error).message}`, true);
    }
    const saved = await engine.shops.saveTokens(shop, pairOf(session, now()), now());
    if (!saved.ok) {
      await engine.shops.releaseRefresh(shop, until);
      throw new ShopTokenError("Uninstalled", saved.error.message, false);
    }
    return session.accessToken ?? current;
  }

  async function exchange(shop: string, sessionToken: string): Promise<void> {
    // Checked before Shopify is asked: a pair that cannot be stored would be lost.
    if (!engine.shops.storesTokens)
      throw new ShopTokenError("NoTokenKey", "KINSHIP_TOKEN_KEY is not set: Kinship cannot store the shop's token", false);
    const { session } = await shopify.auth.tokenExchange({
      shop,
      sessionToken,
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
      expiring: true,
    });
    // Shopify-managed installation: the first exchange of a shop never seen (or uninstalled
    // since) connects it, creating its program in the shop's currency and time zone, once
    // Shopify has answered both the exchange and the shop query, so a refused exchange or a
    // failed query stores nothing (no program in a guessed currency whose orders would earn nothing).
    // A shop re-installed keeps its program and that program's config: nothing to read.
    const known = await engine.shops.find(shop);
    if (!known?.installed) {
      const { currency, timezone } = known ? { currency: undefined, timezone: undefined } : await settings(shop, session.accessToken ?? "");
      const connected = await engine.shops.connect(shop, null, now(), currency, timezone);
      if (!connected.ok) throw new ShopTokenError("UnknownShop", connected.error.message, false);
    }
    const saved = await engine.shops.saveTokens(shop, pairOf(session, now()), now());
    if (!saved.ok)
      throw new ShopTokenError(saved.error.code === "UnknownProgram" ? "UnknownShop" : "Uninstalled", saved.error.message, false);
    // The scopes this token carries (Shopify's answer names them). The token is stored either way: a
    // list the engine refuses leaves the grant as it was, and app/scopes_update records later changes.
    if (typeof session.scope === "string") await engine.shops.recordScopes(shop, scopesOf(session.scope), now());
  }

  return { tokenFor, exchange };
}

/**
 * The pair in a session shopify-api made from Shopify's answer. The library dates expiries from
 * the wall clock when it read the answer; they are carried over to this source's clock as
 * durations. No `expires_in`: no expiry here, and the engine keeps a conservative one. No
 * refresh token: the stored one is kept.
 */
export function pairOf(session: Session, now: Date): TokenPair {
  const wall = Date.now();
  const shift = (d: Date | undefined) => (d ? new Date(now.getTime() + (d.getTime() - wall)) : undefined);
  return {
    accessToken: session.accessToken ?? "",
    accessTokenExpiresAt: shift(session.expires),
    refreshToken: session.refreshToken || undefined,
    refreshTokenExpiresAt: shift(session.refreshTokenExpires),
  };
}

/** Shopify's OAuth refusal of a grant (`{"error":"invalid_grant"}`), as a short reason; null for anything else. */
function invalidGrant(e: unknown): string | null {
  if (!(e instanceof HttpResponseError)) return null;
  const body = e.response.body as { error?: unknown; error_description?: unknown } | undefined;
  if (body?.error !== "invalid_grant") return null;
  return typeof body.error_description === "string" && body.error_description
    ? `invalid_grant: ${body.error_description}`
    : "invalid_grant";
}
