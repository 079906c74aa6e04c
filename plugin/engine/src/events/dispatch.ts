import type { Engine } from "../engine.ts";
import type { EventDelivery } from "../store/events/deliveries.ts";
import { signKinshipPayload } from "./signature.ts";

/** A receiver that has not answered by then failed this attempt (it is retried later). */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface DispatchOptions {
  /** Per request (default 10 s). */
  timeoutMs?: number;
  /** Deliveries claimed per round (default 50). */
  limit?: number;
  /** Claim rounds per run: a member's next event is due only once the earlier one is settled (default 10). */
  rounds?: number;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  /** Attempts before a delivery is dead (default the engine's). */
  maxAttempts?: number;
  fetch?: typeof fetch;
}

export interface Dispatched {
  delivered: number;
  failed: number;
}

/** The body of a webhook delivery as sent and signed. */
export function webhookBody(program: string, d: EventDelivery): string {
  return JSON.stringify({ id: d.eventId, topic: d.topic, program, occurredAt: d.occurredAt.toISOString(), data: d.payload });
}

/**
 * Sends one program's due webhook deliveries: claim (committed at once), POST each outside any
 * transaction with a timeout, settle. A receiver that fails or hangs costs only its own attempt:
 * the ledger never waits on it, and only that endpoint's later events of the same member wait
 * (per-member order). Rounds repeat while there is work, so a member's queued events go in one run.
 * Called on a schedule by whoever hosts the engine: the Shopify side's worker, a Medusa job.
 */
export async function dispatchWebhooks(
  engine: Engine,
  program: string,
  now: () => Date,
  options: DispatchOptions = {},
): Promise<Dispatched> {
  const { timeoutMs = WEBHOOK_TIMEOUT_MS, limit = 50, rounds = 10, concurrency = 8 } = options;
  const send = options.fetch ?? fetch;
  const total: Dispatched = { delivered: 0, failed: 0 };
  for (let round = 0; round < rounds; round++) {
    const claimed = await engine.events.claim(program, "webhook", now(), { limit, leaseMs: timeoutMs + 60_000 });
    if (claimed.length === 0) break;
    const outcomes = await mapLimited(claimed, concurrency, (d) => post(send, program, d, now(), timeoutMs));
    await engine.events.settle(program, now(), outcomes, options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts });
    for (const o of outcomes) {
      if (o.delivered) total.delivered++;
      else total.failed++;
    }
  }
  return total;
}

async function post(send: typeof fetch, program: string, d: EventDelivery, at: Date, timeoutMs: number) {
  const base = { id: d.id, claim: d.claim };
  if (!d.url) return { ...base, delivered: false, status: null, error: "the endpoint has no URL" };
  if (!d.secret)
    return {
      ...base,
      delivered: false,
      status: null,
      error: "the signing secret cannot be opened: run with the KINSHIP_TOKEN_KEY it was made with",
    };
  const body = webhookBody(program, d);
  const timestamp = Math.floor(at.getTime() / 1000);
  try {
    const res = await send(d.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "Kinship-Webhooks/1",
        "x-kinship-topic": d.topic,
        "x-kinship-event-id": d.eventId,
        "x-kinship-delivery-id": d.id,
        "x-kinship-program": program,
        "x-kinship-timestamp": String(timestamp),
        "x-kinship-signature": signKinshipPayload(d.secret, timestamp, body),
      },
      body,
    });
    await res.body?.cancel().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { ...base, delivered: true, status: res.status };
    return { ...base, delivered: false, status: res.status, error: `HTTP ${res.status}` };
  } catch (e) {
    const err = e as Error;
    const timedOut = err.name === "TimeoutError" || err.name === "AbortError";
    const cause = (err.cause as Error | undefined)?.message;
    return {
      ...base,
      delivered: false,
      status: null,
      error: timedOut ? `timed out after ${timeoutMs} ms` : `${err.message}${cause ? `: ${cause}` : ""}`,
    };
  }
}

async function mapLimited<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i] as T);
    }
  });
  await Promise.all(lanes);
  return out;
}
