import type { PeriodicTask } from "@kinship/webhooks";
import { referralWelcomeTask } from "../rewards/referral-welcome.ts";
import { shopifyFlowTask } from "./flow/task.ts";
import { DEFAULT_SEGMENTS_EVERY_MS, shopifySegmentsTask } from "./segments/task.ts";
import { shopifySyncTask } from "./sync/task.ts";
import type { ShopTaskOptions } from "./task-options.ts";

/**
 * The app's periodic work in a worker (the server's or each `kinship-worker`): the sync of tiers and
 * points back to Shopify, referees' welcome codes (at the sync's pace), Flow triggers and the
 * segment push (segment and tier tags, segment metafields).
 */
export function shopifyTasks(
  options: Omit<ShopTaskOptions, "everyMs"> & { syncEveryMs: number; flowEveryMs: number; segmentsEveryMs?: number },
): PeriodicTask[] {
  const { syncEveryMs, flowEveryMs, segmentsEveryMs, ...shared } = options;
  return [
    shopifySyncTask({ ...shared, everyMs: syncEveryMs }),
    shopifySegmentsTask({ ...shared, everyMs: segmentsEveryMs ?? DEFAULT_SEGMENTS_EVERY_MS }),
    referralWelcomeTask({ ...shared, everyMs: syncEveryMs }),
    shopifyFlowTask({ ...shared, everyMs: flowEveryMs }),
  ];
}
