import { runWorkerProcess, shopifyClient, type WorkerExtension } from "@kinship/webhooks";
import { z } from "zod";
import { workerCatalogLookup } from "./shopify/catalog/index.ts";
import { DEFAULT_FLOW_EVERY_MS } from "./shopify/flow/task.ts";
import { DEFAULT_SYNC_EVERY_MS } from "./shopify/sync/task.ts";
import { shopifyTasks } from "./shopify/tasks.ts";

const SyncEnv = z.object({
  KINSHIP_SYNC_EVERY_MS: z.coerce.number().int().min(0).default(DEFAULT_SYNC_EVERY_MS),
  KINSHIP_FLOW_EVERY_MS: z.coerce.number().int().min(0).default(DEFAULT_FLOW_EVERY_MS),
  SHOPIFY_API_KEY: z.string().min(1).optional(),
  SHOPIFY_API_SECRET: z.string().min(1).optional(),
});

function syncEnv(env: NodeJS.ProcessEnv) {
  const parsed = SyncEnv.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return parsed.data;
}

/**
 * What the app adds to the webhook worker: the sync of members' tiers and points back to Shopify,
 * referees' welcome codes, Flow triggers, and the Admin API reads that product and collection
 * webhooks need.
 */
export const shopifyWorker: WorkerExtension = {
  help: `  KINSHIP_SYNC_EVERY_MS     how often changed members' tiers and points are sent to Shopify
                            (default ${DEFAULT_SYNC_EVERY_MS}; 0: not in this process)
  KINSHIP_FLOW_EVERY_MS     how often Kinship's events are sent to Shopify Flow as triggers
                            (default ${DEFAULT_FLOW_EVERY_MS}; 0: not in this process)
  SHOPIFY_API_KEY, SHOPIFY_API_SECRET  the app's credentials: refreshing shops' expiring tokens needs them
                            (the sync, and product and collection webhooks, call Shopify)
`,
  check: (env) => void syncEnv(env),
  catalog({ engine, env, now }) {
    const s = syncEnv(env);
    return workerCatalogLookup(engine, shopifyClient(s.SHOPIFY_API_KEY ?? "kinship-dev", s.SHOPIFY_API_SECRET ?? "kinship-dev"), now);
  },
  tasks({ engine, env, log, now }) {
    const s = syncEnv(env);
    if (s.KINSHIP_SYNC_EVERY_MS > 0 && (!s.SHOPIFY_API_KEY || !s.SHOPIFY_API_SECRET))
      log.warn({}, "SHOPIFY_API_KEY or SHOPIFY_API_SECRET is not set: shops' expiring tokens cannot be refreshed by this worker");
    return shopifyTasks({
      engine,
      apiKey: s.SHOPIFY_API_KEY ?? "kinship-dev",
      apiSecret: s.SHOPIFY_API_SECRET ?? "kinship-dev",
      syncEveryMs: s.KINSHIP_SYNC_EVERY_MS,
      flowEveryMs: s.KINSHIP_FLOW_EVERY_MS,
      now,
      log,
    });
  },
};

/** `npx kinship-worker`: the webhook worker with the app's periodic work. */
export function runWorker(env: NodeJS.ProcessEnv): Promise<number> {
  return runWorkerProcess(env, undefined, shopifyWorker);
}
