import type { Engine } from "@kinship/engine";
import { mapShopify } from "@kinship/webhooks";
import { delay, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { dbOf, openEngineOwningDb } from "../../../test/support/engine-db.ts";
import { simulatedShopifyAdmin } from "../../../test/support/shopify-admin-sim.ts";
import { adminApi } from "../src/shopify/admin-api.ts";
import { SHOPIFY_API_VERSION } from "../src/shopify/api-version.ts";
import { ShopPacer, ShopPacers } from "../src/shopify/pacer.ts";
import { syncAllShops } from "../src/shopify/sync/sync-all.ts";
import { syncShop } from "../src/shopify/sync/sync-shop.ts";
import { ShopTokenError } from "../src/shopify/tokens.ts";
import { newShop } from "./support.ts";

/**
 * The sync of members' tiers and points back to Shopify, from the engine's outbox, against a
 * simulated Admin API (msw: Shopify's rules for metafieldsSet and tags, and its leaky bucket).
 * Real Postgres; Shopify's time is the test's clock.
 */
const mock = setupServer();
let engine: Engine;
const START = new Date("2026-12-01T10:00:00Z");
let clock = START;
const now = () => clock;
const silent = { info() {}, warn() {}, error() {}, debug() {} };

beforeAll(async () => {
  mock.listen({ onUnhandledFrame: "error" });
  engine = await openEngineOwningDb({ databaseUrl: inject("databaseUrl"), max: 10 });
});
afterEach(() => {
  mock.resetHandlers();
  clock = START;
});
afterAll(async () => {
  mock.close();
  await engine?.close();
});

const customerId = (i: number) => String(7_602_385_400_000n + BigInt(i));

/** A shop whose program has `count` members, each with one paid order of `amount` minor units. */
async function shopWithMembers(name: string, count: number, amount = 1000): Promise<string> {
  const shop = await newShop(engine, name);
  for (let i = 0; i < count; i++) {
    const r = await engine.apply(
      shop,
      {
        type: "order.paid",
        orderId: `o-${i}`,
        customerId: customerId(i),
        occurredAt: new Date(START.getTime() - 60_000).toISOString(),
        currency: "USD",
        lines: [{ lineId: `l-${i}`, quantity: 1, unitPrice: amount }],
      },
      START,
    );
    if (!r.ok) throw new Error(r.error.message);
  }
  return shop;
}

/** A paced client on the test's clock: its waits move the clock (and refill the simulated bucket). */
function client(shop: string) {
  const waits: number[] = [];
  const pacer = new ShopPacer({
    now: () => clock.getTime(),
    sleep: async (ms) => {
      waits.push(ms);
      clock = new Date(clock.getTime() + ms);
    },
  });
  const api = adminApi({ shop, accessToken: "shpat_test", apiVersion: SHOPIFY_API_VERSION, background: true, pacer });
  return { api, waits };
}

/** Sync runs until the outbox has nothing due, moving the clock past each retry. */
async function syncUntilDone(shop: string, api: ReturnType<typeof client>["api"], rounds = 20) {
  const runs = [];
  for (let i = 0; i < rounds; i++) {
    const r = await syncShop({ engine, program: shop, api, now });
    runs.push(r);
    if (r.synced + r.failed === 0) return runs;
    clock = new Date(clock.getTime() + 60_000);
  }
  throw new Error(`the sync did not finish in ${rounds} rounds`);
}

async function undelivered(shop: string): Promise<number> {
  const row = await dbOf(engine)
    .selectFrom("kinship_outbox")
    .innerJoin("kinship_program", "kinship_program.id", "kinship_outbox.program_id")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("kinship_program.key", "=", shop)
    .where("kinship_outbox.delivered_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The most failed attempts any of the shop's outbox rows has counted. */
async function mostAttempts(shop: string): Promise<number> {
  const row = await dbOf(engine)
    .selectFrom("kinship_outbox")
    .innerJoin("kinship_program", "kinship_program.id", "kinship_outbox.program_id")
    .select((eb) => eb.fn.max("kinship_outbox.attempts").as("most"))
    .where("kinship_program.key", "=", shop)
    .executeTakeFirstOrThrow();
  return Number(row.most);
}

describe("the sync back to Shopify", () => {
  it("1,000 members changing tier: metafields ≤ 25 per call, tier tags added and removed, THROTTLED backs off and completes", async () => {
    const shop = await shopWithMembers("sync-1000", 1000);
    // Shopify's clock is the test's: the bucket refills only as the test's time moves.
    const sim = simulatedShopifyAdmin(shop, SHOPIFY_API_VERSION, {
      clock: () => clock.getTime(),
      restoreRate: 1_000_000,
      // Call 7 is throttled and so is its one retry: the round stops. Call 120 alone: retried in place.
      fault: (i) => (i === 7 || i === 8 || i === 120 ? "throttled" : null),
    });
    mock.use(sim.handler);
    const { api } = client(shop);

    const first = await syncUntilDone(shop, api);
    expect(first.filter((r) => r.throttled)).toHaveLength(1);
    expect(sim.calls.filter((c) => c.throttled)).toHaveLength(3);
    expect(sim.calls[121]?.throttled).toBe(false);
    // Throttled rows wait without using up their attempts.
    expect(await mostAttempts(shop)).toBe(0);
    expect(Math.max(...sim.calls.map((c) => c.metafields))).toBeLessThanOrEqual(25);
    expect(sim.customers.size).toBe(1000);
    for (let i = 0; i < 1000; i++) {
      const c = sim.customers.get(customerId(i));
      expect(c?.metafields.get("$app.tier")).toEqual({ type: "single_line_text_field", value: "member" });
      expect(c?.metafields.get("$app.points")).toEqual({ type: "number_integer", value: "10" });
      expect([...(c?.tags ?? [])]).toEqual(["kinship-member"]);
    }
    expect(await undelivered(shop)).toBe(0);

    // The owner lowers Silver to 5: the clock moves all 1,000 up.
    const program = await engine.program(shop);
    if (!program.ok) throw new Error(program.error.message);
    const tiers = program.value.config.tiers.map((t) => (t.key === "silver" ? { ...t, threshold: 5 } : t));
    const updated = await engine.updateConfig(shop, { ...program.value.config, tiers }, "test", clock);
    expect(updated.ok).toBe(true);
    const maintained = await engine.maintain(shop, clock);
    expect(maintained.tiers.changed).toBe(1000);
    const before = sim.calls.length;
    await syncUntilDone(shop, api);
    const second = sim.calls.slice(before);
    expect(Math.max(...second.map((c) => c.metafields))).toBeLessThanOrEqual(25);
    for (let i = 0; i < 1000; i++) {
      const c = sim.customers.get(customerId(i));
      expect(c?.metafields.get("$app.tier")?.value).toBe("silver");
      expect([...(c?.tags ?? [])]).toEqual(["kinship-silver"]);
    }
    expect(await undelivered(shop)).toBe(0);
  });

  it("paced: the sync keeps half the bucket and waits at its restore rate instead of being throttled", async () => {
    const shop = await shopWithMembers("sync-paced", 30);
    // Another app has left the bucket at 520 of 1,000.
    const sim = simulatedShopifyAdmin(shop, SHOPIFY_API_VERSION, {
      clock: () => clock.getTime(),
      maximumAvailable: 1000,
      initiallyAvailable: 520,
      restoreRate: 50,
    });
    mock.use(sim.handler);
    const { api, waits } = client(shop);
    const r = await syncShop({ engine, program: shop, api, now });
    expect(r.synced).toBe(30);
    expect(sim.calls.some((c) => c.throttled)).toBe(false);
    expect(waits.length).toBeGreaterThan(0);
    // Never below half the bucket (less the call in flight).
    expect(Math.min(...sim.calls.map((c) => c.availableBefore - c.cost))).toBeGreaterThanOrEqual(490);
  });

  it("THROTTLED: one answer, then the client waits until the bucket has refilled to half before the one retry", async () => {
    const shop = await shopWithMembers("sync-throttled", 5);
    const sim = simulatedShopifyAdmin(shop, SHOPIFY_API_VERSION, {
      clock: () => clock.getTime(),
      maximumAvailable: 1000,
      initiallyAvailable: 5,
      restoreRate: 50,
    });
    mock.use(sim.handler);
    const { api } = client(shop);
    const r = await syncShop({ engine, program: shop, api, now });
    expect(r.synced).toBe(5);
    expect(sim.calls.filter((c) => c.throttled)).toHaveLength(1);
    const [throttled, retry] = sim.calls;
    expect(throttled?.throttled).toBe(true);
    // From 5 points to 510 at 50 points/s: 10.1 s later.
    expect((retry?.at ?? 0) - (throttled?.at ?? 0)).toBeGreaterThanOrEqual(10_100);
  });

  it("a failed call is retried from the outbox after its backoff, never lost", async () => {
    const shop = await shopWithMembers("sync-retry", 40);
    const sim = simulatedShopifyAdmin(shop, SHOPIFY_API_VERSION, {
      clock: () => clock.getTime(),
      restoreRate: 1_000_000,
      fault: (i, op) => (i === 1 && op === "KinshipMemberMetafields" ? "error" : null),
    });
    mock.use(sim.handler);
    const { api } = client(shop);
    const first = await syncShop({ engine, program: shop, api, now });
    expect(first.failed).toBeGreaterThan(0);
    expect(first.throttled).toBe(false);
    // A 500 stops the round: that call's members and every one after it wait for the retry.
    expect(first.synced + first.failed).toBe(40);
    const failedIds = [...Array(40).keys()].map(customerId).filter((id) => !sim.customers.get(id)?.metafields.has("$app.tier"));
    expect(failedIds.length).toBeGreaterThan(0);
    expect(failedIds.length).toBeLessThanOrEqual(first.failed);
    const attempts = await dbOf(engine)
      .selectFrom("kinship_outbox")
      .select(["attempts", "last_error"])
      .where("delivered_at", "is", null)
      .where("attempts", ">", 0)
      .execute();
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.every((a) => /HTTP 500/.test(a.last_error ?? ""))).toBe(true);

    // Before the backoff ends nothing is sent again.
    const calls = sim.calls.length;
    const early = await syncShop({ engine, program: shop, api, now });
    expect(early.synced + early.failed).toBe(0);
    expect(sim.calls.length).toBe(calls);

    clock = new Date(clock.getTime() + 31_000);
    const later = await syncShop({ engine, program: shop, api, now });
    expect(later.synced).toBe(first.failed);
    for (const id of failedIds) expect(sim.customers.get(id)?.metafields.get("$app.tier")?.value).toBe("member");
    expect(await undelivered(shop)).toBe(0);
  });

  it("a run whose time runs out leaves the rest for the next run, using no attempts", async () => {
    const shop = await shopWithMembers("sync-budget", 40);
    const sim = simulatedShopifyAdmin(shop, SHOPIFY_API_VERSION, { restoreRate: 1_000_000 });
    // Shopify answers each call after 30 ms; the run may take 50 ms.
    mock.use(
      http.post(`https://${shop}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`, async () => void (await delay(30))),
      sim.handler,
    );
    const { api } = client(shop);
    const first = await syncShop({ engine, program: shop, api, now, budgetMs: 50 });
    expect(first.deferred).toBeGreaterThan(0);
    expect(first.failed).toBe(0);
    expect(first.synced + first.deferred).toBe(40);
    const rest = await syncShop({ engine, program: shop, api, now });
    expect(rest.synced).toBe(first.deferred);
    expect(await undelivered(shop)).toBe(0);
    expect(await mostAttempts(shop)).toBe(0);
  });

  it("a customer Shopify no longer has fails alone: the others of its call are written", async () => {
    const shop = await shopWithMembers("sync-gone", 12);
    const gone = customerId(3);
    const sim = simulatedShopifyAdmin(shop, SHOPIFY_API_VERSION, { restoreRate: 1_000_000, knows: (id) => id !== gone });
    mock.use(sim.handler);
    const { api } = client(shop);
    const r = await syncShop({ engine, program: shop, api, now });
    expect(r.failed).toBe(1);
    expect(r.synced).toBe(11);
    expect(sim.customers.has(gone)).toBe(false);
    expect(sim.customers.get(customerId(4))?.metafields.get("$app.points")?.value).toBe("10");
  });

  it("the customers/update echo of our own write changes nothing", async () => {
    const shop = await shopWithMembers("sync-echo", 1);
    const sim = simulatedShopifyAdmin(shop, SHOPIFY_API_VERSION, { restoreRate: 1_000_000 });
    mock.use(sim.handler);
    const { api } = client(shop);
    await syncUntilDone(shop, api);
    const member = await engine.member(shop, customerId(0), clock);
    const entries = () =>
      dbOf(engine)
        .selectFrom("kinship_entry")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow();
    const ledger = await entries();

    // Shopify tells us the customer changed: its tags now hold the tier tag we wrote.
    const echo = `{"id":${customerId(0)},"email":null,"created_at":"2026-11-30T09:00:00Z","updated_at":"${new Date(clock.getTime() + 1000).toISOString()}","tags":"kinship-member"}`;
    const mapped = mapShopify("customers/update", echo);
    expect(mapped.kind).toBe("apply");
    if (mapped.kind !== "apply") return;
    for (const input of mapped.inputs) expect((await engine.apply(shop, input, clock)).ok).toBe(true);

    const after = await engine.member(shop, customerId(0), clock);
    expect(after.ok && after.value.profile.tags).toEqual([]);
    expect(after).toEqual(member);
    const ledgerAfter = await entries();
    expect(ledgerAfter.n).toBe(ledger.n);
    expect(await undelivered(shop)).toBe(0);
    const calls = sim.calls.length;
    expect((await syncShop({ engine, program: shop, api, now })).synced).toBe(0);
    expect(sim.calls.length).toBe(calls);
  });

  it("an uninstalled shop's rows stop syncing; a shop without a usable token is skipped, its rows kept", async () => {
    const shop = await shopWithMembers("sync-gone-shop", 3);
    const sim = simulatedShopifyAdmin(shop, SHOPIFY_API_VERSION, { restoreRate: 1_000_000 });
    mock.use(sim.handler);
    await engine.shops.markUninstalled(shop, clock);
    const warned: string[] = [];
    const log = { ...silent, warn: (o: { shop?: string }) => void warned.push(String(o.shop)) };
    const tokens = {
      tokenFor: async (s: string) => {
        throw new ShopTokenError("Uninstalled", `${s} has uninstalled Kinship`, false);
      },
    };
    await syncAllShops({ engine, tokens, now, log, pacers: new ShopPacers() });
    expect(sim.calls).toHaveLength(0);
    expect(await undelivered(shop)).toBeGreaterThan(0);

    // A connected shop whose token is refused is skipped and says why.
    const other = await shopWithMembers("sync-no-token", 2);
    const simOther = simulatedShopifyAdmin(other, SHOPIFY_API_VERSION, { restoreRate: 1_000_000 });
    mock.use(simOther.handler);
    await syncAllShops({ engine, tokens, now, log, pacers: new ShopPacers() });
    expect(simOther.calls).toHaveLength(0);
    expect(warned).toContain(other);
    expect(warned).not.toContain(shop);
  });

  it("syncAllShops sends every installed shop's members with the token tokenFor hands out", async () => {
    const shop = await shopWithMembers("sync-all", 5);
    const sim = simulatedShopifyAdmin(shop, SHOPIFY_API_VERSION, { restoreRate: 1_000_000 });
    mock.use(sim.handler);
    const tokens = {
      tokenFor: async (s: string) => (s === shop ? "shpat_fresh" : Promise.reject(new ShopTokenError("NoToken", "none", false))),
    };
    await syncAllShops({ engine, tokens, now, log: silent, pacers: new ShopPacers() });
    expect(sim.customers.size).toBe(5);
    expect(await undelivered(shop)).toBe(0);
  });
});
