import type { Engine, MemberBalance, OutboxClaim } from "@kinship/engine";
import type { AdminAnswer } from "../admin-api.ts";
import { METAFIELDS_SET, type MetafieldsSetAnswer, MUTATION_COST, type TierTagsAnswer, tierTagsCall } from "./operations.ts";
import { type MetafieldInput, metafieldBatches, tagChanges } from "./plan.ts";

/** The outbox topics Shopify is told about; each names a member whose state it shows. */
export const SYNC_TOPICS = ["member.created", "tier.changed", "points.changed", "points.expired"] as const;
/** Topics after which the member's tier tag is set too (points alone change only the metafields). */
const TAG_TOPICS = new Set(["member.created", "tier.changed"]);

export interface AdminCaller {
  request<T>(query: string, variables: Record<string, unknown>, options?: { cost?: number }): Promise<AdminAnswer<T>>;
}

export interface ShopSyncOptions {
  engine: Engine;
  /** The shop's program (its key is the shop's domain). */
  program: string;
  /** The shop's Admin API client, paced as background work. */
  api: AdminCaller;
  now: () => Date;
  /** Outbox rows claimed per round (default 500). */
  limit?: number;
  /** How long a claim is held while Shopify is called (default 5 min). */
  leaseMs?: number;
  /**
   * How long one run may go on (default 60 s): calls not started by then are left for the next
   * run, so a run paced behind a slow bucket does not outlast its period and overlap the next.
   */
  budgetMs?: number;
  /** Wait before a throttled member is tried again (default 10 s). */
  throttledRetryMs?: number;
}

export interface ShopSyncResult {
  /** Members whose metafields (and tags) Shopify now has. */
  synced: number;
  /** Members that failed and are retried later from the outbox. */
  failed: number;
  /** Members left for the next run because this one's time ran out (no attempt used). */
  deferred: number;
  /** Whether a round stopped because Shopify kept throttling. */
  throttled: boolean;
  /** Rows delivered, failed, and superseded (changed again while in flight: sent again). */
  rows: { delivered: number; failed: number; superseded: number };
}

/** `deferred`: not tried in this run (its time ran out); due again at once, no attempt used. */
type Failure = { error: string; throttled: boolean; deferred?: boolean };

/**
 * Sends members' tiers and points to Shopify from the engine's outbox. Each round claims rows
 * (committed, so no lock is held while Shopify answers), reads those members' current state
 * (a message only names who changed: rows delivered twice or out of order still converge),
 * writes their metafields at most 25 per call and, after a tier change, their tier tags, then
 * settles the rows. A member Shopify refused is retried with backoff; a throttled one is retried
 * without using up its attempts, and the round stops instead of pressing on.
 */
export async function syncShop(options: ShopSyncOptions): Promise<ShopSyncResult> {
  const { engine, program, api, now } = options;
  const limit = options.limit ?? 500;
  const budgetMs = options.budgetMs ?? 60_000;
  const started = Date.now();
  const result: ShopSyncResult = { synced: 0, failed: 0, deferred: 0, throttled: false, rows: { delivered: 0, failed: 0, superseded: 0 } };
  const config = await engine.program(program);
  if (!config.ok) throw new Error(config.error.message);
  const tierKeys = config.value.config.tiers.map((t) => t.key);

  const deadline = started + budgetMs;
  while (Date.now() < deadline) {
    const claimed = await engine.outbox.claim(program, now(), { limit, topics: SYNC_TOPICS, leaseMs: options.leaseMs ?? 5 * 60_000 });
    if (!claimed.ok) throw new Error(claimed.error.message);
    const rows = claimed.value;
    if (rows.length === 0) break;

    const byCustomer = new Map<string, OutboxClaim[]>();
    for (const row of rows) {
      const customerId = String(row.payload.customerId ?? "");
      byCustomer.set(customerId, [...(byCustomer.get(customerId) ?? []), row]);
    }
    const read = await engine.members.balances(program, [...byCustomer.keys()]);
    if (!read.ok) throw new Error(read.error.message);
    const failures = await send(api, read.value, byCustomer, tierKeys, deadline);

    const at = now();
    const delivered: OutboxClaim[] = [];
    const failed: { message: OutboxClaim; error: string; retryAt: Date; countAttempt: boolean }[] = [];
    // A customer with no member row (erased, never joined) has nothing to show: delivered.
    for (const [customerId, claims] of byCustomer) {
      const failure = failures.get(customerId);
      if (!failure) {
        delivered.push(...claims);
        continue;
      }
      const wait = (message: OutboxClaim) =>
        failure.deferred ? 0 : failure.throttled ? (options.throttledRetryMs ?? 10_000) : backoff(message.attempts);
      for (const message of claims)
        failed.push({
          message,
          error: failure.error,
          retryAt: new Date(at.getTime() + wait(message)),
          countAttempt: !failure.throttled && !failure.deferred,
        });
    }
    const settled = await engine.outbox.settle(program, at, { delivered, failed });
    if (!settled.ok) throw new Error(settled.error.message);
    result.rows.delivered += settled.value.delivered;
    result.rows.failed += settled.value.failed;
    result.rows.superseded += settled.value.superseded;
    const deferred = [...failures.values()].filter((f) => f.deferred).length;
    result.synced += byCustomer.size - failures.size;
    result.failed += failures.size - deferred;
    result.deferred += deferred;
    if (deferred > 0) break;
    if ([...failures.values()].some((f) => f.throttled)) {
      result.throttled = true;
      break;
    }
    if (rows.length < limit) break;
  }
  return result;
}

/** Writes the members' metafields, then the tags of those whose tier may have changed. Returns who failed and why. */
async function send(
  api: AdminCaller,
  members: readonly MemberBalance[],
  byCustomer: ReadonlyMap<string, readonly OutboxClaim[]>,
  tierKeys: readonly string[],
  deadline: number,
): Promise<Map<string, Failure>> {
  const failures = new Map<string, Failure>();
  const fail = (ids: Iterable<string>, f: Failure) => {
    for (const id of ids) if (!failures.has(id)) failures.set(id, f);
  };
  let stopped: Failure | null = null;
  const outOfTime: Failure = { error: "the run's time ran out before this member was sent", throttled: false, deferred: true };

  for (const batch of metafieldBatches(members)) {
    if (!stopped && Date.now() >= deadline) stopped = outOfTime;
    if (stopped) {
      fail(batch.customerIds, stopped);
      continue;
    }
    let metafields = batch.metafields;
    // metafieldsSet is all or nothing: a call refused for some customers is sent once more without them.
    for (let tries = 0; tries < 2 && metafields.length > 0; tries++) {
      const answer = await api.request<MetafieldsSetAnswer>(METAFIELDS_SET, { metafields }, { cost: MUTATION_COST });
      if (!answer.ok) {
        const f = { error: answer.message, throttled: answer.throttled };
        fail(customersOf(metafields), f);
        if (answer.throttled || answer.retryable) stopped = f;
        break;
      }
      const userErrors = answer.data.metafieldsSet?.userErrors ?? [];
      if (userErrors.length === 0) break;
      const refused = new Set<string>();
      for (const e of userErrors) {
        const at = e.field?.[0] === "metafields" ? Number(e.field[1]) : Number.NaN;
        const owner = metafields[at]?.ownerId;
        const message = `${e.field?.join(".") ?? ""}: ${e.message}`;
        // An error that names no metafield fails the whole call.
        const who = owner ? customersOf(metafields.filter((m) => m.ownerId === owner)) : customersOf(metafields);
        fail(who, { error: message, throttled: false });
        for (const id of who) refused.add(id);
      }
      metafields = metafields.filter((m) => !refused.has(customerOf(m.ownerId)));
      if (tries === 1) fail(customersOf(metafields), { error: "Shopify refused the call twice", throttled: false });
    }
  }

  const tagged = members.filter((m) => !failures.has(m.customerId) && byCustomer.get(m.customerId)?.some((r) => TAG_TOPICS.has(r.topic)));
  for (const changes of tagChanges(tagged, tierKeys)) {
    const ids = changes.map((c) => c.customerId);
    if (!stopped && Date.now() >= deadline) stopped = outOfTime;
    if (stopped) {
      fail(ids, stopped);
      continue;
    }
    const call = tierTagsCall(changes);
    const answer = await api.request<TierTagsAnswer>(call.query, call.variables, { cost: call.mutations * MUTATION_COST });
    if (!answer.ok) {
      const f = { error: answer.message, throttled: answer.throttled };
      fail(ids, f);
      if (answer.throttled || answer.retryable) stopped = f;
      continue;
    }
    changes.forEach((c, i) => {
      const errors = [...(answer.data[`add${i}`]?.userErrors ?? []), ...(answer.data[`remove${i}`]?.userErrors ?? [])];
      if (errors.length > 0) fail([c.customerId], { error: errors.map((e) => e.message).join("; "), throttled: false });
    });
  }
  return failures;
}

function customerOf(ownerId: string): string {
  return ownerId.slice(ownerId.lastIndexOf("/") + 1);
}

function customersOf(metafields: readonly MetafieldInput[]): string[] {
  return [...new Set(metafields.map((m) => customerOf(m.ownerId)))];
}

/** 30 s, doubling with each failed attempt, at most an hour. */
function backoff(attempts: number): number {
  return Math.min(60 * 60_000, 30_000 * 2 ** attempts);
}
