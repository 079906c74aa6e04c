import type { Engine } from "@kinship/engine";
import { isShopDomain } from "@kinship/webhooks";
import { HttpResponseError, type Shopify } from "@shopify/shopify-api";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { verifySessionToken } from "../api/admin-auth.ts";
import { bearer } from "../api/identity.ts";
import { embeddedFrameAncestors } from "../csp.ts";
import { type CatalogLoads, catalogLoads } from "../shopify/catalog/loads.ts";
import { type MemberPriceDiscounts, memberPriceDiscounts } from "../shopify/discount/activation.ts";
import { missingScopes, scopesMessage } from "../shopify/scopes.ts";
import { ShopSettingsError } from "../shopify/shop-settings.ts";
import { type ThemeEmbedState, themeEmbedState } from "../shopify/theme-embed.ts";
import { ShopTokenError, shopTokens } from "../shopify/tokens.ts";
import { type AdminAssets, adminAssets, defaultAdminDir, registerAdminAssets } from "./admin-assets.ts";
import { DEV_APP_BRIDGE } from "./app-bridge-shim.ts";
import { APP_SCREENS, APP_SESSION, APP_SHELL_CSP, appShell, BAD_SHOP_CSP, BAD_SHOP_PAGE } from "./app-shell.ts";
import { DEV_SHELL_CSP, type DevSignIn, type DevSignInOptions, registerDevSignIn } from "./dev-signin.ts";
import { APP_HOME } from "./route.ts";

export interface AppHomeOptions {
  engine: Engine;
  shopify: Shopify;
  /** The app's API key, for App Bridge's `shopify-api-key` meta. */
  apiKey: string;
  now: () => Date;
  /** The shops' catalog loads (default: run in this process's background with the app's tokens). */
  catalog?: CatalogLoads;
  /** The shops' member-price discounts on Shopify (default: with the app's tokens). */
  discounts?: MemberPriceDiscounts;
  /** The built admin (default: admin-extension/dist/shopify of this checkout). */
  assets?: AdminAssets;
  /** Registers the dev sign-in (only for a server without a Shopify app, or KINSHIP_DEV_SIGNIN=on). */
  devSignIn?: Omit<DevSignInOptions, "engine" | "apiKey" | "now">;
  /** The main theme's launcher embed (default: read through the Admin API when the grant has read_themes). */
  themeEmbed?: (shop: string) => Promise<ThemeEmbedState>;
}

/** GET: the shop's last catalog load in this process; POST: loads the catalog again (202, in the background). */
export const APP_CATALOG = "/app/catalog";

/** What the shell shows: the program of the session token's shop. */
export interface AppStatus {
  ok: true;
  shop: string;
  program: string;
  /** The program's display name (its config's `name`). */
  name: string;
  token: { held: boolean };
  /** This request exchanged the session token for a new offline token (an install, or a re-authorisation). */
  exchanged: boolean;
  members: number;
  tiers: { key: string; name: string; threshold: number }[];
  configVersion: number;
  /** The program's currency (ISO 4217): orders in any other earn nothing. */
  currency: string;
  /** The program's time zone (IANA). */
  timezone: string;
  /** Set when Shopify refused a needed exchange but the shop's old token still works. */
  problem?: string;
  /** Set when orders earned nothing because their currency is not the program's. */
  currencyProblem?: { orders: number; currencies: string[]; message: string };
  /** Set when the shop's recorded grant lacks scopes Kinship requires (shopify.app.toml's). */
  scopesProblem?: { missing: string[]; message: string };
  /** Set when checkout does not charge every member price (Shopify refused the discount, or its limits). */
  discountProblem?: { message: string };
  /** The app's API key (the theme editor's deep link names the app by it). */
  apiKey: string;
  /** The launcher embed in the shop's main theme: "unknown" without read_themes or an answer. */
  themeEmbed: ThemeEmbedState;
  /** Checkout charges member prices: Kinship's automatic discount exists on the shop, with no problem. */
  memberPricesActive: boolean;
}

/**
 * The embedded app's home.
 *
 * - GET /app and every screen's path (/app/<screen>, /app/members/<id>): the HTML shell of the
 *   admin SPA for a valid `shop` (a `<name>.myshopify.com` domain, given once), framed by that
 *   shop's admin only, App Bridge from Shopify's CDN. The shop only decides the framing: identity
 *   comes from the session tokens the SPA sends next. Anything else: 400, a plain page that may
 *   not be framed and echoes nothing; with the dev sign-in on, the sign-in page (or, signed in,
 *   the shell with the local App Bridge shim) instead.
 * - POST /app/session: `Authorization: Bearer <session token>` checked as /admin/graphql checks it.
 *   A shop without a usable token (none, uninstalled, never seen, or flagged as needing a new
 *   exchange) gets the token exchanged now: with Shopify-managed installation the first open of
 *   the app is the install. Answers the program's status as JSON.
 */
export function registerAppHome(app: FastifyInstance, options: AppHomeOptions): void {
  const { engine, shopify, now } = options;
  const tokens = shopTokens({ engine, shopify, now });
  const catalog = options.catalog ?? catalogLoads({ engine, tokens, now, log: app.log });
  const discounts = options.discounts ?? memberPriceDiscounts({ engine, tokens, now });
  const assets = options.assets ?? adminAssets(defaultAdminDir());
  registerAdminAssets(app, assets);
  const dev: DevSignIn | null = options.devSignIn
    ? registerDevSignIn(app, { ...options.devSignIn, engine, apiKey: options.apiKey, now })
    : null;
  const themeEmbed =
    options.themeEmbed ??
    (async (shop: string): Promise<ThemeEmbedState> => {
      const grant = await engine.shops.scopes(shop);
      const granted = new Set(grant?.granted ?? []);
      if (!granted.has("read_themes") && !granted.has("write_themes")) return "unknown";
      return themeEmbedState({ shop, accessToken: () => tokens.tokenFor(shop) });
    });

  const shell = async (req: FastifyRequest, res: FastifyReply) => {
    const shop = (req.query as Record<string, unknown> | undefined)?.shop;
    res.header("cache-control", "no-store").header("x-content-type-options", "nosniff").type("text/html; charset=utf-8");
    if (typeof shop === "string" && isShopDomain(shop))
      return res
        .header("content-security-policy", `${APP_SHELL_CSP}; ${embeddedFrameAncestors(shop)}`)
        .send(appShell(options.apiKey, assets.shell()));
    if (dev && shop === undefined) {
      if (await dev.signedIn(req))
        return res.header("content-security-policy", DEV_SHELL_CSP).send(appShell(options.apiKey, assets.shell(), DEV_APP_BRIDGE));
      if (req.url.split("?")[0] === APP_HOME) return dev.signInPage(res);
      return res.redirect(APP_HOME, 302);
    }
    return res.code(400).header("content-security-policy", BAD_SHOP_CSP).send(BAD_SHOP_PAGE);
  };
  app.get(APP_HOME, shell);
  for (const screen of APP_SCREENS) app.get(`${APP_HOME}/${screen}`, shell);
  app.get(`${APP_HOME}/members/:customerId`, shell);

  app.post(APP_SESSION, async (req, res) => {
    res.header("cache-control", "private, no-store");
    const sessionToken = bearer(req.headers.authorization);
    if (!sessionToken) return refuse(req, res, 401, "the app home needs a Shopify session token");
    const verified = await verifySessionToken(shopify, sessionToken);
    if (!verified.ok) {
      if (verified.retrySession) res.header("x-shopify-retry-invalid-session-request", "1");
      return refuse(req, res, 401, verified.message);
    }
    const { shop } = verified.identity;

    const before = await engine.shops.tokens(shop);
    if (!before.ok && before.error.code !== "UnknownProgram") return refuse(req, res, 503, before.error.message);
    const at = now().getTime();
    const t = before.ok ? before.value : null;
    const expiresAt = t?.accessTokenExpiresAt?.getTime() ?? null;
    const hasToken = t?.installed === true && t.accessToken !== null;
    const stillValid = hasToken && (expiresAt === null || expiresAt > at);
    const notRefused = t?.refused === null;
    const usable = stillValid && notRefused;
    // An expired access token with a refresh token is usable: tokenFor refreshes it.
    const refreshable = hasToken && notRefused && typeof t?.refreshToken === "string";

    let exchanged = false;
    let problem: string | undefined;
    // The dev sign-in's demo shop has no Shopify behind it: nothing to exchange.
    const devShop = dev !== null && shop === options.devSignIn?.shop && (await dev.signedIn(req));
    if (!usable && !refreshable && !devShop) {
      try {
        await tokens.exchange(shop, sessionToken);
        exchanged = true;
        req.log.info({ shop }, "token exchanged");
        // Just installed (or re-installed): the catalog loads in the background, the merchant does not wait for it.
        if (!t?.installed) void catalog.start(shop);
      } catch (e) {
        const message = exchangeFailure(shop, e);
        req.log.error({ shop, err: e, reason: message }, "token exchange failed");
        if (!stillValid) return refuse(req, res, 502, message);
        problem = `${message}. Kinship keeps using the shop's current token until it expires.`;
      }
    }

    const program = await engine.program(shop);
    if (!program.ok) return refuse(req, res, 502, `${shop} has no Kinship program`);
    const config = program.value.config;
    // Creates the member-price discount after install, and again after a refusal (the 25 limit);
    // otherwise only compares the config hash. Outside any transaction: it calls Shopify.
    const discount = exchanged || stillValid || refreshable ? await discounts.sync(shop) : null;
    if (discount?.status === "failed") req.log.error({ shop, reason: discount.problem }, "member-price discount not synced");
    const discountProblem = discount && discount.status !== "skipped" ? discount.problem : null;
    const mismatches = await engine.programs.currencyMismatches(shop);
    // A shop whose grant was never recorded (a custom app's token) has nothing to compare.
    const grant = await engine.shops.scopes(shop);
    const missing = grant ? missingScopes(grant.granted) : [];
    const discountRecord = await engine.shops.discount(shop);
    const held = exchanged || stillValid || refreshable;
    const status: AppStatus = {
      ok: true,
      shop,
      program: program.value.key,
      name: config.name,
      token: { held },
      exchanged,
      members: await engine.members.count(shop),
      tiers: config.tiers.map((tier) => ({ key: tier.key, name: tier.name, threshold: tier.threshold })),
      configVersion: program.value.configVersion,
      currency: config.currency,
      timezone: config.timezone,
      ...(problem ? { problem } : {}),
      ...(mismatches.orders > 0
        ? {
            currencyProblem: {
              orders: mismatches.orders,
              currencies: mismatches.currencies,
              message: currencyMessage(mismatches.orders, mismatches.currencies, config.currency),
            },
          }
        : {}),
      ...(missing.length > 0 ? { scopesProblem: { missing, message: scopesMessage(missing) } } : {}),
      ...(discountProblem ? { discountProblem: { message: discountProblem } } : {}),
      apiKey: options.apiKey,
      themeEmbed: held ? await themeEmbed(shop).catch(() => "unknown" as const) : "unknown",
      memberPricesActive: discountRecord?.id != null && !discountRecord.problem && !discountProblem,
    };
    return res.code(200).type("application/json; charset=utf-8").send(status);
  });

  app.get(APP_CATALOG, async (req, res) => {
    const shop = await sessionShop(req, res);
    if (!shop) return res;
    const program = await engine.program(shop);
    if (!program.ok) return refuse(req, res, 404, `${shop} has no Kinship program`);
    const variants = await engine.catalog.count(program.value.id);
    return res
      .code(200)
      .header("cache-control", "private, no-store")
      .send({ ok: true, shop, variants, load: catalog.state(shop) });
  });

  app.post(APP_CATALOG, async (req, res) => {
    const shop = await sessionShop(req, res);
    if (!shop) return res;
    if (!(await engine.program(shop)).ok) return refuse(req, res, 404, `${shop} has no Kinship program`);
    void catalog.start(shop);
    return res
      .code(202)
      .header("cache-control", "private, no-store")
      .send({ ok: true, shop, load: catalog.state(shop) });
  });

  /** The session token's shop, or null with the 401 sent. */
  async function sessionShop(req: FastifyRequest, res: FastifyReply): Promise<string | null> {
    const sessionToken = bearer(req.headers.authorization);
    if (!sessionToken) {
      refuse(req, res, 401, "the app needs a Shopify session token");
      return null;
    }
    const verified = await verifySessionToken(shopify, sessionToken);
    if (!verified.ok) {
      if (verified.retrySession) res.header("x-shopify-retry-invalid-session-request", "1");
      refuse(req, res, 401, verified.message);
      return null;
    }
    return verified.identity.shop;
  }
}

function refuse(req: FastifyRequest, res: FastifyReply, status: number, error: string): FastifyReply {
  if (status === 401) req.log.info({ url: req.routeOptions.url, reason: error }, "app session refused");
  return res.code(status).type("application/json; charset=utf-8").send({ ok: false, error });
}

/** The merchant's warning: orders that earned nothing because of their currency. */
function currencyMessage(orders: number, currencies: string[], programCurrency: string): string {
  const n = orders === 1 ? "1 order" : `${orders} orders`;
  return `${n} in ${currencies.join(", ")} earned no points: the program's currency is ${programCurrency}.`;
}

/** A clear sentence for the merchant (and the log) when the token exchange did not give a token. */
function exchangeFailure(shop: string, e: unknown): string {
  if (e instanceof ShopTokenError) return `Kinship could not store ${shop}'s token: ${e.message}`;
  if (e instanceof ShopSettingsError)
    return `Kinship could not be installed on ${shop}: ${e.message}. Nothing was stored; open Kinship again to retry`;
  if (e instanceof HttpResponseError) {
    const body = e.response.body as { error?: unknown; error_description?: unknown } | undefined;
    const reason = [body?.error, body?.error_description].filter((x) => typeof x === "string" && x !== "").join(": ");
    return `Shopify refused the token exchange for ${shop} (HTTP ${e.response.code}${reason ? `, ${reason}` : ""})`;
  }
  return `Kinship could not reach Shopify to exchange ${shop}'s token: ${(e as Error)?.message ?? String(e)}`;
}
