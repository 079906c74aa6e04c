import type { Engine, SegmentChange } from "@kinship/engine";
import {
  METAFIELDS_DELETE,
  METAFIELDS_SET,
  type MetafieldsDeleteAnswer,
  type MetafieldsSetAnswer,
  MUTATION_COST,
  type TierTagsAnswer,
  tagsCall,
} from "../sync/operations.ts";
import type { AdminCaller } from "../sync/sync-shop.ts";
import { segmentMetafieldCalls, segmentMetafieldDeletes, segmentTagCalls } from "./plan.ts";

export interface SegmentPushOptions {
  engine: Engine;
  /** The shop's program (its key is the shop's domain). */
  program: string;
  api: AdminCaller;
  now: () => Date;
  /** Changes read per round (default 250). */
  limit?: number;
  /** How long one run may go on (default 60 s): what is left waits for the next run. */
  budgetMs?: number;
}

export interface SegmentPushResult {
  /** Customers whose tags and metafields Shopify now has (recorded). */
  pushed: number;
  /** Customers Shopify refused: tried again next run. */
  failed: number;
  /** Whether the run stopped because Shopify kept throttling (the rest waits for the next run). */
  throttled: boolean;
}

/**
 * Sends the segment changes of one shop: the engine hands out the members whose labels differ
 * from what was last pushed (keyset rounds), their tags are added and removed (10 customers a
 * call), kinship.segment and kinship.rfm written or deleted, and the customers Shopify took are
 * recorded. Nothing is recorded for a customer until every call of theirs succeeded, so a refused
 * or throttled change is simply found again next run; a throttled call stops the run.
 */
export async function pushShopSegments(options: SegmentPushOptions): Promise<SegmentPushResult> {
  const { engine, program, api, now } = options;
  const deadline = Date.now() + (options.budgetMs ?? 60_000);
  const result: SegmentPushResult = { pushed: 0, failed: 0, throttled: false };
  let after: string | null = null;
  while (Date.now() < deadline) {
    const read = await engine.segments.changes(program, "shopify", { limit: options.limit ?? 250, after }, now());
    if (!read.ok) throw new Error(read.error.message);
    const { changes, next } = read.value;
    const failed = new Set<string>();
    const throttled = await send(api, changes, failed);
    const done = changes.filter((c) => !failed.has(c.customerId));
    const recorded = await engine.segments.pushed(
      program,
      "shopify",
      done.map((c) => ({ customerId: c.customerId, labels: c.labels, segment: c.segment, version: c.version })),
      now(),
    );
    if (!recorded.ok) throw new Error(recorded.error.message);
    result.pushed += done.length;
    result.failed += throttled ? 0 : failed.size;
    if (throttled) {
      result.throttled = true;
      break;
    }
    if (next === null) break;
    after = next;
  }
  return result;
}

/** Makes the calls; customers with a failed call land in `failed`. Answers whether Shopify kept throttling (the rest was not sent). */
async function send(api: AdminCaller, changes: readonly SegmentChange[], failed: Set<string>): Promise<boolean> {
  // Throttled even after the client's wait: nobody of this round is recorded, all of it is read again next run.
  const stop = () => {
    for (const c of changes) failed.add(c.customerId);
    return true;
  };
  for (const call of segmentTagCalls(changes)) {
    const { query, variables, mutations } = tagsCall("KinshipSegmentTags", call);
    const answer = await api.request<TierTagsAnswer>(query, variables, { cost: mutations * MUTATION_COST });
    if (!answer.ok) {
      if (answer.throttled) return stop();
      for (const c of call) failed.add(c.customerId);
      continue;
    }
    call.forEach((c, i) => {
      const errors = [...(answer.data[`add${i}`]?.userErrors ?? []), ...(answer.data[`remove${i}`]?.userErrors ?? [])];
      if (errors.length > 0) failed.add(c.customerId);
    });
  }
  for (const metafields of segmentMetafieldCalls(changes)) {
    const answer = await api.request<MetafieldsSetAnswer>(METAFIELDS_SET, { metafields }, { cost: MUTATION_COST });
    if (!answer.ok && answer.throttled) return stop();
    // All or nothing: a refused call leaves every customer in it for the next run.
    if (!answer.ok || (answer.data.metafieldsSet?.userErrors ?? []).length > 0)
      for (const m of metafields) failed.add(customerOf(m.ownerId));
  }
  for (const metafields of segmentMetafieldDeletes(changes)) {
    const answer = await api.request<MetafieldsDeleteAnswer>(METAFIELDS_DELETE, { metafields }, { cost: MUTATION_COST });
    if (!answer.ok && answer.throttled) return stop();
    if (!answer.ok || (answer.data.metafieldsDelete?.userErrors ?? []).length > 0)
      for (const m of metafields) failed.add(customerOf(m.ownerId));
  }
  return false;
}

function customerOf(ownerId: string): string {
  return ownerId.slice(ownerId.lastIndexOf("/") + 1);
}
