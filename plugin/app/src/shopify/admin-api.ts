import { ClientError, GraphQLClient } from "graphql-request";
import { processPacers, type ShopPacer } from "./pacer.ts";

export interface AdminApiOptions {
  shop: string;
  /** The token, or where to get a valid one for each call (`tokenFor`: refreshed ahead of expiry). */
  accessToken: string | (() => Promise<string>);
  apiVersion: string;
  /** Longest wait before the one retry of a throttled call (default 2 s). */
  maxThrottleWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  /** The shop's bucket as this process sees it (default: the process's pacer for the shop). */
  pacer?: ShopPacer;
  /**
   * Background work (the sync back to Shopify, catalog loads) keeps half the shop's bucket for the
   * merchant's other apps and waits its turn behind the shop's other background calls; a THROTTLED
   * answer then waits until the bucket has refilled to that level. Interactive calls (a shopper's
   * redemption, the install) spend only what the call costs and retry a THROTTLED answer once.
   */
  background?: boolean;
}

export type AdminAnswer<T> = { ok: true; data: T } | { ok: false; message: string; retryable: boolean; throttled: boolean };

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown> | undefined;
}

interface QueryCost {
  requestedQueryCost?: number;
  actualQueryCost?: number | null;
  throttleStatus?: { maximumAvailable?: number; currentlyAvailable?: number; restoreRate?: number };
}

/** A call's cost before Shopify has priced its operation once: a mutation's. */
const FIRST_GUESS = 10;

/**
 * One Admin GraphQL call. Shopify answers a throttled call with HTTP 200 and
 * `errors[].extensions.code = "THROTTLED"` (nothing was executed, so it is safe to repeat): it
 * is retried once, after the wait its throttle status asks for (bounded; for background calls,
 * until the pacer says the bucket is back to its reserve); still throttled is a retryable failure.
 * Other failures are reported, not retried: the mutation may have run.
 */
export function adminApi(options: AdminApiOptions) {
  const client = new GraphQLClient(`https://${options.shop}/admin/api/${options.apiVersion}/graphql.json`, {
    errorPolicy: "all",
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxWait = options.maxThrottleWaitMs ?? 2_000;
  const token = typeof options.accessToken === "string" ? async () => options.accessToken as string : options.accessToken;
  const pacer = options.pacer ?? processPacers.for(options.shop);
  const background = options.background ?? false;

  /** One request; a throttled answer also says how long to wait. */
  async function once<T>(query: string, variables: Record<string, unknown>, costHint?: number): Promise<[AdminAnswer<T>, number]> {
    let accessToken: string;
    try {
      accessToken = await token();
    } catch (e) {
      const retryable = (e as { retryable?: unknown }).retryable === true;
      return [{ ok: false, message: `no Admin API token: ${(e as Error).message}`, retryable, throttled: false }, 0];
    }
    const operation = operationOf(query);
    const cost = costHint ?? pacer.estimate(operation, FIRST_GUESS);
    if (background) await pacer.take(cost);
    else await pacer.spend(cost);
    try {
      const res = await client.rawRequest<T>(query, variables, { "X-Shopify-Access-Token": accessToken });
      pacer.observe(operation, (res.extensions as { cost?: QueryCost } | undefined)?.cost);
      const errors = (res.errors ?? []) as GraphQLErrorLike[];
      if (errors.some((e) => e.extensions?.code === "THROTTLED"))
        return [{ ok: false, message: "Shopify throttled the call", retryable: true, throttled: true }, waitFor(res.extensions, maxWait)];
      if (errors.length > 0)
        return [{ ok: false, message: errors.map((e) => e.message).join("; "), retryable: false, throttled: false }, 0];
      return [{ ok: true, data: res.data }, 0];
    } catch (e) {
      return [transportFailure(e), 0];
    }
  }

  return {
    /** `cost`: what the call will cost when the caller knows (10 per mutation), else what it cost last time. */
    async request<T>(query: string, variables: Record<string, unknown>, options: { cost?: number } = {}): Promise<AdminAnswer<T>> {
      const [first, waitMs] = await once<T>(query, variables, options.cost);
      if (first.ok || !first.throttled) return first;
      // In the background the pacer makes the second call wait for the refilled bucket.
      if (!background) await sleep(waitMs);
      const [second] = await once<T>(query, variables, options.cost);
      if (second.ok || !second.throttled) return second;
      return { ...second, message: "Shopify is still throttling this shop; try again shortly" };
    },
  };
}

/** HTTP 429 was not executed either, so it is retried like THROTTLED; other statuses and network errors are not. */
function transportFailure(e: unknown): AdminAnswer<never> {
  if (e instanceof ClientError) {
    const status = e.response.status;
    const errors: unknown = e.response.errors;
    const detail = Array.isArray(errors)
      ? errors.map((x: GraphQLErrorLike) => x.message).join("; ")
      : typeof errors === "string"
        ? errors
        : "";
    return {
      ok: false,
      message: `Shopify answered HTTP ${status}${detail ? `: ${detail}` : ""}`,
      retryable: status === 429 || status >= 500,
      throttled: status === 429,
    };
  }
  return { ok: false, message: `could not reach Shopify: ${(e as Error).message}`, retryable: true, throttled: false };
}

/** Milliseconds until the bucket holds this query's cost again, from `extensions.cost`; 1 s when unknown. */
function waitFor(extensions: unknown, maxWait: number): number {
  const cost = (extensions as { cost?: QueryCost } | undefined)?.cost;
  const need = cost?.requestedQueryCost;
  const have = cost?.throttleStatus?.currentlyAvailable;
  const rate = cost?.throttleStatus?.restoreRate;
  const ms = need !== undefined && have !== undefined && rate ? Math.ceil(((need - have) / rate) * 1000) : 1000;
  return Math.min(maxWait, Math.max(50, ms));
}

/** `mutation KinshipTierSync(…)` → KinshipTierSync: the key its cost is remembered under. */
function operationOf(query: string): string {
  return /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? query;
}
