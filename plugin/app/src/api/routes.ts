import { type Engine, executeAdmin, executeStorefront } from "@kinship/engine";
import type { Shopify } from "@shopify/shopify-api";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ExecutionResult } from "graphql";
import { type MemberPriceDiscounts, memberPriceDiscounts } from "../shopify/discount/activation.ts";
import { shopTokens } from "../shopify/tokens.ts";
import { adminIdentity } from "./admin-auth.ts";
import { appProxyIdentity } from "./app-proxy.ts";
import { ADMIN_EXTENSIONS_ORIGIN, corsFor } from "./cors.ts";
import { customerAccountIdentity, extensionCors } from "./customer-account.ts";
import { fromBody, fromQuery, graphqlError, type Parsed } from "./graphql-http.ts";
import type { Auth, ShopperIdentity } from "./identity.ts";
import { cachedSecrets, memberTokenIdentity } from "./member-token.ts";
import { storefrontContext } from "./storefront-context.ts";

export interface ApiOptions {
  engine: Engine;
  shopify: Shopify;
  now: () => Date;
  corsOrigins: readonly string[];
  storefrontUrl: (program: string) => string | null;
  /** The shops' member-price discounts on Shopify (default: with the app's tokens). */
  discounts?: MemberPriceDiscounts;
}

/**
 * The GraphQL API, three doors with one rule: identity comes from the edge (a signature or a
 * token), never from the query string or a GraphQL argument, and nothing is read before it is
 * established.
 *
 * - /proxy/graphql: Shopify's app proxy (https://<shop>/apps/kinship/graphql), GET or POST.
 * - /storefront/graphql: headless storefronts, a member token or a guest of X-Kinship-Program.
 * - /customer-account/graphql: the storefront surface for a customer account UI extension, the
 *   shopper being its session token's `sub` on its `dest` shop.
 * - /admin/graphql: a Shopify session token (embedded admin, or an admin UI extension from
 *   Shopify's extensions origin, the one origin it answers CORS for) or an API key (headless).
 */
export function registerApi(app: FastifyInstance, options: ApiOptions): void {
  const { engine, shopify, now } = options;
  const cors = corsFor(options.corsOrigins);
  const adminCors = corsFor([ADMIN_EXTENSIONS_ORIGIN]);
  const secretOf = cachedSecrets(engine);
  const tokens = shopTokens({ engine, shopify, now });
  const discounts = options.discounts ?? memberPriceDiscounts({ engine, tokens, now });

  const storefront = async (req: FastifyRequest, res: FastifyReply, auth: Auth<ShopperIdentity>, clientIp: string | null) => {
    if (!auth.ok) return unauthorized(req, res, auth.message);
    const parsed = parse(req);
    if (!parsed.ok) return graphqlError(res, parsed.status, parsed.message, "BAD_REQUEST");
    const deps = {
      engine,
      storefrontUrl: options.storefrontUrl,
      tokens,
      onError: (e: unknown) => req.log.error({ err: e }, "storefront resolver failed"),
    };
    const ctx = storefrontContext(deps, { ...auth.identity, clientIp }, now());
    return answer(res, await executeStorefront(engine, ctx, parsed.request));
  };

  const proxy = async (req: FastifyRequest, res: FastifyReply) => {
    // Shopify caches nothing it should not: the answer is for one shopper.
    res.header("cache-control", "private, no-store");
    // Shopify's app proxy calls from its own servers and names the shopper's IP first in X-Forwarded-For.
    return storefront(req, res, await appProxyIdentity(shopify, engine, req.raw.url ?? ""), forwardedFor(req));
  };
  app.get("/proxy/graphql", proxy);
  app.post("/proxy/graphql", proxy);

  app.options("/storefront/graphql", async (req, res) => cors.preflight(req, res));
  app.post("/storefront/graphql", async (req, res) => {
    cors.headers(req, res);
    res.header("cache-control", "private, no-store");
    return storefront(req, res, await memberTokenIdentity(secretOf, req.headers, now()), req.ip ?? null);
  });

  const appCredentials = { apiKey: shopify.config.apiKey, apiSecret: shopify.config.apiSecretKey };
  app.options("/customer-account/graphql", async (_req, res) => extensionCors.preflight(res));
  app.post("/customer-account/graphql", async (req, res) => {
    extensionCors.headers(res);
    res.header("cache-control", "private, no-store");
    return storefront(req, res, await customerAccountIdentity(appCredentials, engine, req.headers, now()), req.ip ?? null);
  });

  app.options("/admin/graphql", async (req, res) => adminCors.preflight(req, res));
  app.post("/admin/graphql", async (req, res) => {
    adminCors.headers(req, res);
    res.header("cache-control", "private, no-store");
    const auth = await adminIdentity(shopify, engine, req.headers);
    if (!auth.ok) {
      if (auth.retrySession) res.header("x-shopify-retry-invalid-session-request", "1");
      return unauthorized(req, res, auth.message);
    }
    const parsed = fromBody(req.body);
    if (!parsed.ok) return graphqlError(res, parsed.status, parsed.message, "BAD_REQUEST");
    const ctx = {
      program: auth.identity.program,
      actor: auth.identity.actor,
      now: now(),
      onError: (e: unknown) => req.log.error({ err: e }, "admin resolver failed"),
    };
    const result = await executeAdmin(engine, ctx, parsed.request);
    // A mutation may have changed the tiers or member-price benefits: checkout's discount follows
    // (a config hash compare, a Shopify call only on change; the engine's transaction is over).
    // Creating the discount is the app home's job, so a refused create is not retried on every save.
    if (isMutation(parsed.request.query)) {
      const synced = await discounts.sync(auth.identity.program, { create: false });
      if (synced.status === "failed")
        req.log.error({ shop: auth.identity.program, reason: synced.problem }, "member-price discount not synced");
    }
    return answer(res, result);
  });
}

function isMutation(query: string): boolean {
  return /(^|[}\s])mutation\b/.test(query.replace(/#[^\n]*/g, ""));
}

function parse(req: FastifyRequest): Parsed {
  if (req.method === "GET") {
    const url = req.raw.url ?? "";
    const q = url.indexOf("?");
    return fromQuery(new URLSearchParams(q < 0 ? "" : url.slice(q + 1)));
  }
  return fromBody(req.body);
}

function unauthorized(req: FastifyRequest, res: FastifyReply, message: string): FastifyReply {
  req.log.info({ url: req.routeOptions.url, reason: message }, "api request refused");
  return graphqlError(res, 401, message, "UNAUTHENTICATED");
}

/**
 * GraphQL over HTTP with application/json: every well-formed request is answered 200, its
 * GraphQL errors (parse, validation, field) in the body; only an HTTP-level problem (not JSON, no
 * query, no credentials) gets a 4xx, before anything runs.
 */
function answer(res: FastifyReply, result: ExecutionResult): FastifyReply {
  return res.code(200).type("application/json; charset=utf-8").send(result);
}

function forwardedFor(req: FastifyRequest): string | null {
  const header = req.headers["x-forwarded-for"];
  const first = (Array.isArray(header) ? header[0] : header)?.split(",")[0]?.trim();
  return first || null;
}
