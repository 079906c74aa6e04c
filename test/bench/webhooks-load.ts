/**
 * The load side of the webhook benchmark: distinct signed orders/paid deliveries and autocannon.
 *
 * Every delivery is the realistic paid order of test/fixtures/shopify/orders-paid-customer.json
 * with its order id and customer id rewritten as text (64-bit ids: the document is never parsed
 * and re-serialised), a fresh X-Shopify-Event-Id and an HMAC computed over the exact bytes.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import { shopifyHeaders } from "../support/shopify-webhook.ts";

const TEMPLATE = readFileSync(new URL("../fixtures/shopify/orders-paid-customer.json", import.meta.url), "utf8");
const FIXTURE_ORDER = "820982911946154508";
const FIXTURE_CUSTOMER = "115310627314723954";
/** 380.97 after discounts, 1 point (and 1 growth) per whole unit in the default program: 380 per order. */
export const POINTS_PER_ORDER = 380;
export const BODY_BYTES = Buffer.byteLength(TEMPLATE);

for (const [what, id, times] of [
  ["order", FIXTURE_ORDER, 2],
  ["customer", FIXTURE_CUSTOMER, 3],
] as const)
  if (TEMPLATE.split(id).length - 1 !== times) throw new Error(`fixture changed: expected the ${what} id ${id} ${times} times`);

const ORDER_PARTS = TEMPLATE.split(FIXTURE_ORDER);

/** 19-digit ids above 2^53 (as Shopify's), distinct per batch (one batch per benchmark phase). */
export function orderId(batch: number, i: number): string {
  return `7${batch % 10}${String(i).padStart(17, "0")}`;
}

export function customerId(c: number): string {
  return `61${String(c).padStart(17, "0")}`;
}

export function orderBody(batch: number, i: number, customers: number): string {
  return ORDER_PARTS.join(orderId(batch, i)).replaceAll(FIXTURE_CUSTOMER, customerId(i % customers));
}

export interface LoadOptions {
  url: string;
  secret: string;
  shop: string;
  /** Distinguishes the order ids of one phase from another's. */
  batch: number;
  customers: number;
  connections: number;
  /** Run this long (s), or until `amount` responses. */
  seconds?: number;
  amount?: number;
  /** Requests per second over all connections (postOrdersPaced; autocannon's own limit sends in bursts). */
  rate?: number;
}

export interface LoadResult {
  connections: number;
  seconds: number;
  /** Responses received (any status). */
  responses: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  perSecond: number;
  latencyMs: { mean: number; p50: number; p90: number; p97_5: number; p99: number; p99_9: number; max: number };
  statusCodes: Record<string, number>;
  /** The intake's own verdict per 2xx answer (queued, duplicate, dropped: unknown shop, ...). */
  outcomes: Record<string, number>;
  /** Order numbers handed out (the last few may not have been sent when the run stopped). */
  built: number;
}

interface Histogram {
  mean: number;
  average: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  p99_9: number;
  max: number;
}

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
  latency: Histogram;
  requests: { total: number };
  statusCodeStats: Record<string, { count: number }>;
}

interface RequestData {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

interface AutocannonOptions {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  timeout: number;
  method: "POST";
  requests: { setupRequest(req: RequestData): RequestData; onResponse(status: number, body: string): void }[];
}

// autocannon ships no types; this is the part of its API used here.
const autocannon = createRequire(import.meta.url)("autocannon") as (options: AutocannonOptions) => Promise<AutocannonResult>;

/** Fires signed orders/paid deliveries at POST /webhooks/shopify from this process. */
export async function postOrders(o: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const outcomes: Record<string, number> = {};
  const result = await autocannon({
    url: `${o.url}/webhooks/shopify`,
    connections: o.connections,
    ...(o.amount !== undefined ? { amount: o.amount } : { duration: o.seconds ?? 10 }),
    timeout: 30,
    method: "POST",
    requests: [
      {
        setupRequest(req) {
          const i = next++;
          const body = orderBody(o.batch, i, o.customers);
          // shopifyHeaders: a random UUID as X-Shopify-Event-Id (the delivery key) and webhook id.
          req.headers = shopifyHeaders(o.secret, o.shop, "orders/paid", body);
          req.body = body;
          req.method = "POST";
          return req;
        },
        onResponse(status, body) {
          if (status < 200 || status >= 300) return;
          let outcome = "unreadable answer";
          try {
            outcome = String((JSON.parse(body) as { outcome?: unknown }).outcome);
          } catch {}
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        },
      },
    ],
  });
  const l = result.latency;
  return {
    connections: o.connections,
    seconds: result.duration,
    responses: result.requests.total,
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    perSecond: result.duration > 0 ? result["2xx"] / result.duration : 0,
    latencyMs: { mean: l.mean ?? l.average, p50: l.p50, p90: l.p90, p97_5: l.p97_5, p99: l.p99, p99_9: l.p99_9, max: l.max },
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])),
    outcomes,
    built: next,
  };
}

/**
 * Open-loop pacing: deliveries sent evenly at `rate` per second (due ones every 2 ms), whatever the
 * answers, over at most `connections` keep-alive sockets, after `warmupSeconds` at that pace that
 * are not counted (sockets opening). Latency runs from when a request was due, so a stalled server
 * is charged for the requests it held up. (autocannon's own rate limit lets each
 * connection send at full speed until its share of the second is used, then wait: bursts, not a pace.)
 */
export async function postOrdersPaced(o: LoadOptions & { rate: number; seconds: number; warmupSeconds: number }): Promise<LoadResult> {
  const warmupMs = o.warmupSeconds * 1000;
  const target = new URL(`${o.url}/webhooks/shopify`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const outcomes: Record<string, number> = {};
  let errors = 0;
  let next = 0;
  const total = Math.round(o.rate * (o.seconds + o.warmupSeconds));
  const started = performance.now();
  const send = (dueAt: number) =>
    new Promise<void>((resolve) => {
      const body = orderBody(o.batch, next++, o.customers);
      const req = http.request(target, { method: "POST", agent, headers: shopifyHeaders(o.secret, o.shop, "orders/paid", body) }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          if (dueAt - started < warmupMs) return resolve();
          latencies.push(performance.now() - dueAt);
          const status = res.statusCode ?? 0;
          statusCodes[status] = (statusCodes[status] ?? 0) + 1;
          if (status >= 200 && status < 300) {
            let outcome = "unreadable answer";
            try {
              outcome = String((JSON.parse(Buffer.concat(chunks).toString()) as { outcome?: unknown }).outcome);
            } catch {}
            outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
          }
          resolve();
        });
      });
      req.on("error", () => {
        errors += 1;
        resolve();
      });
      req.end(body);
    });
  const inFlight: Promise<void>[] = [];
  let sent = 0;

  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * o.rate));
      for (; sent < due; sent += 1) inFlight.push(send(started + (sent * 1000) / o.rate));
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000 - o.warmupSeconds;
  agent.destroy();
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
  const ok = Object.entries(statusCodes).reduce((n, [k, v]) => (Number(k) >= 200 && Number(k) < 300 ? n + v : n), 0);
  return {
    connections: o.connections,
    seconds,
    responses: latencies.length,
    ok,
    non2xx: latencies.length - ok,
    errors,
    timeouts: 0,
    perSecond: seconds > 0 ? ok / seconds : 0,
    latencyMs: {
      mean: Math.round((sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)) * 100) / 100,
      p50: at(50),
      p90: at(90),
      p97_5: at(97.5),
      p99: at(99),
      p99_9: at(99.9),
      max: Math.round(sorted[sorted.length - 1] ?? 0),
    },
    statusCodes,
    outcomes,
    built: next,
  };
}
