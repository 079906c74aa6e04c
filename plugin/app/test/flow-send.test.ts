import type { Engine } from "@kinship/engine";
import { HttpResponse } from "msw";
import { graphql } from "msw/graphql";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { openEngineOwningDb } from "../../../test/support/engine-db.ts";
import { adminApi } from "../src/shopify/admin-api.ts";
import { SHOPIFY_API_VERSION } from "../src/shopify/api-version.ts";
import { sendAllFlowTriggers } from "../src/shopify/flow/send-all.ts";
import { sendFlowTriggers } from "../src/shopify/flow/send-shop.ts";
import { ShopPacer } from "../src/shopify/pacer.ts";
import { ShopTokenError } from "../src/shopify/tokens.ts";
import { newShop } from "./support.ts";

/**
 * Kinship's events sent to Shopify Flow: the engine's "flow" deliveries (real Postgres) claimed,
 * sent with flowTriggerReceive to Shopify's Admin API (msw), settled. Shopify's time and the
 * engine's are the test's clock.
 */
const mock = setupServer();
let engine: Engine;
const START = new Date("2026-12-05T10:00:00Z");
let clock = START;
const now = () => clock;
const silent = { info() {}, warn() {}, error() {}, debug() {} };

beforeAll(async () => {
  mock.listen({ onUnhandledFrame: "error" });
  engine = await openEngineOwningDb({ databaseUrl: inject("databaseUrl"), max: 5 });
});
afterEach(() => {
  mock.resetHandlers();
  clock = START;
});
afterAll(async () => {
  mock.close();
  await engine?.close();
});

interface Received {
  handle: string;
  payload: Record<string, unknown>;
  token: string | null;
}

type Fault = "http429" | "throttled" | "http503" | "userError" | null;

/** Shopify's Admin API for flowTriggerReceive: records what it took; `fault(i)` answers the i-th call (0-based) with a failure instead. */
function flowApi(shop: string, fault: (index: number) => Fault = () => null) {
  const received: Received[] = [];
  let calls = 0;
  const cost = {
    requestedQueryCost: 10,
    actualQueryCost: 10,
    throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1990, restoreRate: 100 },
  };
  mock.use(
    graphql
      .link(`https://${shop}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`)
      .mutation("KinshipFlowTrigger", ({ query, variables, request }) => {
        if (!query.includes("flowTriggerReceive(handle: $handle, payload: $payload)"))
          throw new Error("not the flowTriggerReceive mutation");
        const f = fault(calls++);
        if (f === "http429")
          return HttpResponse.json({ errors: [{ message: "Exceeded 2 calls per second for api client." }] }, { status: 429 });
        if (f === "http503") return HttpResponse.json({ errors: [{ message: "Service unavailable" }] }, { status: 503 });
        if (f === "throttled")
          return HttpResponse.json({
            errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
            extensions: { cost: { ...cost, actualQueryCost: null } },
          });
        if (f === "userError")
          return HttpResponse.json({
            data: { flowTriggerReceive: { userErrors: [{ field: ["body"], message: "Invalid handle" }] } },
            extensions: { cost },
          });
        received.push({
          handle: String(variables.handle),
          payload: variables.payload as Record<string, unknown>,
          token: request.headers.get("x-shopify-access-token"),
        });
        return HttpResponse.json({ data: { flowTriggerReceive: { userErrors: [] } }, extensions: { cost } });
      }),
  );
  return { received, calls: () => calls };
}

/** A paced background client whose waits move the test's clock. */
function client(shop: string) {
  const pacer = new ShopPacer({
    now: () => clock.getTime(),
    sleep: async (ms) => {
      clock = new Date(clock.getTime() + ms);
    },
  });
  return adminApi({ shop, accessToken: "shpat_flow", apiVersion: SHOPIFY_API_VERSION, background: true, pacer });
}

async function paidOrder(shop: string, customerId: string, orderId: string, amount: number, at = START) {
  const r = await engine.apply(
    shop,
    {
      type: "order.paid",
      orderId,
      customerId,
      occurredAt: new Date(at.getTime() - 60_000).toISOString(),
      currency: "USD",
      lines: [{ lineId: `${orderId}-l`, quantity: 1, unitPrice: amount }],
    },
    at,
  );
  if (!r.ok) throw new Error(r.error.message);
}

/** A shop whose program sends to Flow, with members' orders as events. */
async function flowShop(name: string): Promise<string> {
  const shop = await newShop(engine, name);
  await engine.events.ensureSink(shop, "flow", undefined, START);
  return shop;
}

/** Runs the sender until nothing is due, moving the clock past each retry and lease. */
async function sendUntilDone(shop: string, rounds = 20) {
  const api = client(shop);
  for (let i = 0; i < rounds; i++) {
    await sendFlowTriggers({ engine, program: shop, api, now, leaseMs: 30_000 });
    const page = await engine.events.deliveries(shop, { kind: "flow", first: 200 });
    if (!page.ok) throw new Error(page.error.message);
    if (page.value.deliveries.every((d) => d.status === "delivered" || d.status === "dead")) return page.value.deliveries;
    clock = new Date(clock.getTime() + 7 * 3600_000);
  }
  throw new Error("Flow deliveries still due");
}

describe("Flow triggers from the engine's events", () => {
  it("sends flowTriggerReceive with the trigger's handle and a payload of the customer's numeric id and the declared fields", async () => {
    const shop = await flowShop("flow-payload");
    const shopify = flowApi(shop);
    await paidOrder(shop, "7602385400001", "820982911946154508", 12_345);
    const result = await sendFlowTriggers({ engine, program: shop, api: client(shop), now });
    const earned = shopify.received.filter((r) => r.handle === "points-earned");
    expect(earned).toHaveLength(1);
    expect(earned[0]?.payload).toMatchObject({ customer_id: 7602385400001, "Order id": "820982911946154508" });
    expect(earned[0]?.payload.Points).toBeGreaterThan(0);
    expect(earned[0]?.token).toBe("shpat_flow");
    expect(result).toMatchObject({ sent: shopify.received.length, failed: 0, stopped: false });
    // Sent once: a second run finds nothing due.
    await sendFlowTriggers({ engine, program: shop, api: client(shop), now });
    expect(shopify.received.filter((r) => r.handle === "points-earned")).toHaveLength(1);
  });

  it("a 429 or a throttled answer holds the delivery without using an attempt; a 503 is retried with backoff; each is delivered once in the end", async () => {
    const shop = await flowShop("flow-retry");
    // Calls 0–1: HTTP 429 twice (the client's own retry too), call 2: THROTTLED twice, then a 503, then all well.
    const faults: Fault[] = ["http429", "http429", "throttled", "throttled", "http503"];
    const shopify = flowApi(shop, (i) => faults[i] ?? null);
    await paidOrder(shop, "7602385400011", "o-retry-1", 5_000);
    const api = client(shop);

    const first = await sendFlowTriggers({ engine, program: shop, api, now, leaseMs: 30_000 });
    expect(first).toMatchObject({ sent: 0, failed: 0, stopped: true });
    clock = new Date(clock.getTime() + 31_000);
    const second = await sendFlowTriggers({ engine, program: shop, api, now, leaseMs: 30_000 });
    expect(second).toMatchObject({ sent: 0, failed: 0, stopped: true });
    clock = new Date(clock.getTime() + 31_000);
    const third = await sendFlowTriggers({ engine, program: shop, api, now, leaseMs: 30_000 });
    expect(third).toMatchObject({ sent: 0, failed: 1, stopped: true });

    const page = await engine.events.deliveries(shop, { kind: "flow" });
    const failed = page.ok ? page.value.deliveries.find((d) => d.attempts === 1) : undefined;
    expect(failed).toMatchObject({ status: "retrying", lastStatus: 503 });
    const deliveries = await sendUntilDone(shop);
    expect(deliveries.every((d) => d.status === "delivered")).toBe(true);
    expect(shopify.received.filter((r) => r.handle === "points-earned")).toHaveLength(1);
    expect(shopify.calls()).toBe(faults.length + deliveries.length);
  });

  it("keeps each member's order: a member's later triggers wait while an earlier one fails, others go on", async () => {
    const shop = await flowShop("flow-order");
    const a = "7602385400021";
    const b = "7602385400022";
    for (let i = 0; i < 3; i++) {
      await paidOrder(shop, a, `a-${i}`, 1_000 * (i + 1), new Date(START.getTime() + i * 1000));
      await paidOrder(shop, b, `b-${i}`, 1_000 * (i + 1), new Date(START.getTime() + i * 1000));
    }
    // The first call (a's first event) is refused by Shopify; it is retried later.
    const shopify = flowApi(shop, (i) => (i === 0 ? "http503" : null));
    const after = await sendFlowTriggers({ engine, program: shop, api: client(shop), now });
    // The round stopped at the 503: nothing of a's went out of order.
    expect(after.failed).toBe(1);
    await sendUntilDone(shop);
    const orders = (customer: number) =>
      shopify.received.filter((r) => r.handle === "points-earned" && r.payload.customer_id === customer).map((r) => r.payload["Order id"]);
    expect(orders(Number(a))).toEqual(["a-0", "a-1", "a-2"]);
    expect(orders(Number(b))).toEqual(["b-0", "b-1", "b-2"]);
  });

  it("a refusal (userErrors) fails only that delivery, which is retried, and the round goes on", async () => {
    const shop = await flowShop("flow-refused");
    await paidOrder(shop, "7602385400031", "r-1", 2_000);
    await paidOrder(shop, "7602385400032", "r-2", 2_000);
    const shopify = flowApi(shop, (i) => (i === 0 ? "userError" : null));
    const result = await sendFlowTriggers({ engine, program: shop, api: client(shop), now });
    expect(result.failed).toBe(1);
    expect(result.stopped).toBe(false);
    const page = await engine.events.deliveries(shop, { kind: "flow", status: "retrying" });
    expect(page.ok && page.value.deliveries[0]?.lastError).toContain("Invalid handle");
    await sendUntilDone(shop);
    expect(new Set(shopify.received.filter((r) => r.handle === "points-earned").map((r) => r.payload["Order id"]))).toEqual(
      new Set(["r-1", "r-2"]),
    );
  });

  it("every installed shop gets its Flow sink, so its events are kept for Flow from then on; a shop without a usable token is skipped", async () => {
    const shop = await newShop(engine, "flow-all");
    const blocked = await newShop(engine, "flow-blocked");
    const shopify = flowApi(shop);
    const tokens = {
      async tokenFor(domain: string) {
        if (domain === blocked) throw new ShopTokenError("NeedsTokenExchange", "open the app again", false);
        return "shpat_flow";
      },
    };
    const ensured = new Set<string>();
    await sendAllFlowTriggers({ engine, tokens, now, log: silent, ensured });
    expect(ensured.has(shop)).toBe(true);
    await paidOrder(shop, "7602385400041", "all-1", 3_000);
    await paidOrder(blocked, "7602385400042", "blocked-1", 3_000);
    await sendAllFlowTriggers({ engine, tokens, now, log: silent, ensured });
    expect(shopify.received.filter((r) => r.handle === "points-earned").map((r) => r.payload["Order id"])).toEqual(["all-1"]);
    const waiting = await engine.events.deliveries(blocked, { kind: "flow" });
    expect(waiting.ok && waiting.value.deliveries.map((d) => d.status)).toContain("pending");
  });
});
