import { randomBytes } from "node:crypto";
import { type Engine, openEngine } from "@kinship/engine";
import { DEMO_CUSTOMERS, DEMO_PROGRAM } from "@kinship/engine/demo";
import { createBullQueue, createMemoryQueue, type InboxQueue, mapCustom, mapShopify, shopifyClient, startWorker } from "@kinship/webhooks";
import type { FastifyInstance } from "fastify";
import { defaultStorefrontUrl } from "./api/referral.ts";
import { type AppConfig, configFrom, devSignInEnabled } from "./config.ts";
import { seedDemo } from "./demo/seed.ts";
import { buildServer } from "./server.ts";
import { workerCatalogLookup } from "./shopify/catalog/index.ts";
import { shopifyTasks } from "./shopify/tasks.ts";

export interface RunningApp {
  url: string;
  app: FastifyInstance;
  engine: Engine;
  queue: InboxQueue;
  config: AppConfig;
  /** /app offers the development sign-in (the demo program's admin outside Shopify). */
  devSignIn: boolean;
  close(): Promise<void>;
}

/**
 * `npm start`: the engine (PGlite under ./.kinship/ unless DATABASE_URL), the queue (in-process
 * unless REDIS_URL), a worker in this process (unless KINSHIP_WORKER=off) and the HTTP server.
 * With no environment at all it also seeds a demo program.
 */
export async function startApp(
  env: NodeJS.ProcessEnv = process.env,
  /** The time the worker applies deliveries and maintains programs at (tests move it). */
  options: { now?: () => Date } = {},
): Promise<RunningApp> {
  const config = configFrom(env);
  const engine = await openEngine({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATABASE_URL ? undefined : config.KINSHIP_DATA_DIR,
    tokenKey: config.KINSHIP_TOKEN_KEY,
  });
  const queue = config.REDIS_URL ? createBullQueue({ redisUrl: config.REDIS_URL, name: config.KINSHIP_QUEUE_NAME }) : createMemoryQueue({});
  const apiSecret = config.SHOPIFY_API_SECRET ?? randomBytes(24).toString("hex");
  const demo = (await engine.programs.list()).length === 0 || (await engine.shops.find(DEMO_PROGRAM)) !== null;
  if (demo) await seedDemo(engine, new Date());
  let url = "";
  const devSignIn = devSignInEnabled(config) && demo;
  const app = buildServer({
    engine,
    queue,
    shopify: { apiKey: config.SHOPIFY_API_KEY ?? "kinship-dev", apiSecret },
    logLevel: config.LOG_LEVEL,
    corsOrigins: config.KINSHIP_CORS_ORIGINS,
    // The demo program's storefront is the demo page of this server.
    storefrontUrl: (program) => (program === DEMO_PROGRAM && url ? `${url}/demo` : defaultStorefrontUrl(program)),
    ...(demo ? { demo: { program: DEMO_PROGRAM, customerId: DEMO_CUSTOMERS.grace } } : {}),
    ...(devSignIn ? { devSignIn: { shop: DEMO_PROGRAM } } : {}),
  });
  if (devSignIn && config.SHOPIFY_API_KEY)
    app.log.warn(
      "KINSHIP_DEV_SIGNIN=on with SHOPIFY_API_KEY set: anyone who can reach /app can sign in as the demo program's owner. Never on a server merchants use.",
    );
  const worker =
    config.KINSHIP_WORKER === "on"
      ? await startWorker({
          engine,
          queue,
          mapShopify,
          mapCustom,
          catalog: workerCatalogLookup(engine, shopifyClient(config.SHOPIFY_API_KEY ?? "kinship-dev", apiSecret)),
          log: app.log,
          maintainEveryMs: config.KINSHIP_MAINTAIN_EVERY_MS,
          webhooksEveryMs: config.KINSHIP_WEBHOOKS_EVERY_MS,
          tasks: shopifyTasks({
            engine,
            apiKey: config.SHOPIFY_API_KEY ?? "kinship-dev",
            apiSecret,
            syncEveryMs: config.KINSHIP_SYNC_EVERY_MS,
            flowEveryMs: config.KINSHIP_FLOW_EVERY_MS,
            now: options.now ?? (() => new Date()),
            log: app.log,
          }),
          ...(options.now ? { now: options.now } : {}),
        })
      : null;
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  url = address;
  if (!config.SHOPIFY_API_SECRET)
    app.log.warn("SHOPIFY_API_SECRET is not set: Shopify webhooks are checked against a random development secret");

  return {
    url: address,
    app,
    engine,
    queue,
    config,
    devSignIn,
    async close() {
      await app.close();
      if (worker) await worker.stop();
      else await queue.close();
      await engine.close();
    },
  };
}
