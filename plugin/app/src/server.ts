import type { Engine } from "@kinship/engine";
import { customIntake, type InboxQueue, type IntakeReply, shopifyClient, shopifyIntake } from "@kinship/webhooks";
import Fastify, { type FastifyInstance, type FastifyReply, LogController } from "fastify";
import pino from "pino";
import { defaultStorefrontUrl } from "./api/referral.ts";
import { registerApi } from "./api/routes.ts";
import { registerHtmlCsp } from "./csp.ts";
import { type DemoOptions, registerDemo } from "./demo/route.ts";
import { adminAssets } from "./home/admin-assets.ts";
import { registerAppHome } from "./home/app-route.ts";
import { registerHome } from "./home/route.ts";
import { registerFlowActions } from "./shopify/flow/action-route.ts";
import { defaultWidgetsDir } from "./widgets/assets.ts";
import { registerWidgets } from "./widgets/routes.ts";

export interface ServerOptions {
  engine: Engine;
  queue: InboxQueue;
  shopify: { apiKey: string; apiSecret: string };
  logLevel?: string;
  now?: () => Date;
  /** Origins allowed to call /storefront/graphql from a browser (headless storefronts). */
  corsOrigins?: readonly string[];
  /** Where a program's shoppers shop (referral links); default: https://<shop> for Shopify programs. */
  storefrontUrl?: (program: string) => string | null;
  /** The built widgets (embed.js, widgets.js); default: storefront-widgets/dist. */
  widgetsDir?: string;
  /** Serve the demo storefront page at /demo for this program and member. */
  demo?: DemoOptions;
  /** Offer the admin's development sign-in for this (demo) shop (main.ts: only without a Shopify app, or KINSHIP_DEV_SIGNIN=on). */
  devSignIn?: { shop: string };
  /** The built Shopify admin (default: admin-extension/dist/shopify). */
  adminDir?: string;
}

let stdoutDestination: pino.DestinationStream | undefined;

/** One asynchronous stdout for every server in the process (pino flushes it on exit). */
function stdoutLog(): pino.DestinationStream {
  stdoutDestination ??= pino.destination({ dest: 1, sync: false });
  return stdoutDestination;
}

/** Shopify's limit is far below this; anything larger is not a webhook. */
export const BODY_LIMIT = 1024 * 1024;

function send(res: FastifyReply, r: IntakeReply): FastifyReply {
  res.log.info(r.log, "webhook");
  return res.code(r.status).send(r.body);
}

export function buildServer(options: ServerOptions): FastifyInstance {
  // Each webhook logs one line of its own outcome; per-request access logs would double it.
  const app = Fastify({
    // Written asynchronously: a line per webhook must not cost a blocking write each.
    logger: { level: options.logLevel ?? "info", stream: stdoutLog() },
    bodyLimit: BODY_LIMIT,
    logController: new LogController({ disableRequestLogging: true }),
  });
  // Webhook signatures cover the exact bytes: keep every body raw.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string", bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));

  const shopify = shopifyIntake({
    ...options.shopify,
    engine: options.engine,
    queue: options.queue,
    ...(options.now ? { now: options.now } : {}),
  });
  const custom = customIntake({ engine: options.engine, queue: options.queue, ...(options.now ? { now: options.now } : {}) });

  app.post("/webhooks/shopify", async (req, res) => send(res, await shopify({ rawBody: String(req.body ?? ""), headers: req.headers })));

  app.post("/webhooks/events", async (req, res) => {
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    return send(
      res,
      await custom({
        rawBody: String(req.body ?? ""),
        program: header("x-kinship-program"),
        timestamp: header("x-kinship-timestamp"),
        signature: header("x-kinship-signature"),
      }),
    );
  });

  const now = options.now ?? (() => new Date());
  const shopifyApi = shopifyClient(options.shopify.apiKey, options.shopify.apiSecret);
  registerHtmlCsp(app);
  registerHome(app, { demo: options.demo !== undefined, devSignIn: options.devSignIn !== undefined });
  registerAppHome(app, {
    engine: options.engine,
    shopify: shopifyApi,
    apiKey: options.shopify.apiKey,
    now,
    ...(options.adminDir ? { assets: adminAssets(options.adminDir) } : {}),
    ...(options.devSignIn ? { devSignIn: { shop: options.devSignIn.shop, apiSecret: options.shopify.apiSecret } } : {}),
  });
  registerApi(app, {
    engine: options.engine,
    shopify: shopifyApi,
    now,
    corsOrigins: options.corsOrigins ?? [],
    storefrontUrl: options.storefrontUrl ?? defaultStorefrontUrl,
  });
  registerFlowActions(app, { engine: options.engine, apiSecret: options.shopify.apiSecret, now });
  const widgetUrl = registerWidgets(app, options.widgetsDir ?? defaultWidgetsDir());
  if (options.demo) registerDemo(app, { engine: options.engine, now, widgetUrl, ...options.demo });

  app.get("/healthz", async () => ({ ok: true }));

  app.get("/readyz", async (_req, res) => {
    const checks = { database: await options.engine.ping(), queue: await options.queue.ping().catch(() => false) };
    return res.code(checks.database && checks.queue ? 200 : 503).send({ ok: checks.database && checks.queue, ...checks });
  });

  app.setErrorHandler((error: { statusCode?: number; message?: string }, req, res) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) req.log.error({ err: error }, "request failed");
    return res
      .code(status)
      .send({ ok: false, error: status === 413 ? "body over 1 MB" : status >= 500 ? "internal error" : error.message });
  });
  return app;
}
