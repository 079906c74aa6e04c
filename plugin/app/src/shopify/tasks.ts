import type { PeriodicTask } from "@kinship/webhooks";
import { referralWelcomeTask } from "../rewards/referral-welcome.ts";
import { shopifyFlowTask } from "./flow/task.ts";
import { shopifySyncTask } from "./sync/task.ts";
import type { ShopTaskOptions } from "./task-options.ts";

/**
 * The app's periodic work in a worker (the server's or each `kinship-worker`): the sync of tiers and
 * points back to Shopify, referees' welcome codes (at the sync's pace) and Flow triggers.
 */
export function shopifyTasks(options: Omit<ShopTaskOptions, "everyMs"> & { syncEveryMs: number; flowEveryMs: number }): PeriodicTask[] {
  const { syncEveryMs, flowEveryMs, ...shared } = options;
  return [
    shopifySyncTask({ ...shared, everyMs: syncEveryMs }),
    referralWelcomeTask({ ...shared, everyMs: syncEveryMs }),
    shopifyFlowTask({ ...shared, everyMs: flowEveryMs }),
  ];
}
