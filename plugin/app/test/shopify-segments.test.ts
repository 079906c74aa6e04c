import type { Engine, SegmentKey, SegmentSync } from "@kinship/engine";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { dbOf, openEngineOwningDb } from "../../../test/support/engine-db.ts";
import { setInsight } from "../../../test/support/member-insight.ts";
import { simulatedShopifyAdmin } from "../../../test/support/shopify-admin-sim.ts";
import { adminApi } from "../src/shopify/admin-api.ts";
import { SHOPIFY_API_VERSION } from "../src/shopify/api-version.ts";
import { ShopPacer } from "../src/shopify/pacer.ts";
import { pushShopSegments } from "../src/shopify/segments/push-shop.ts";
import { newShop } from "./support.ts";

/**
 * Segments pushed to Shopify as customer tags and kinship.* metafields, against the simulated
 * Admin API (msw). Real Postgres; Shopify's time is the test's clock.
 */
const mock = setupServer();
let engine: Engine;
const START = new Date("2026-12-01T10:00:00Z");
let clock = START;
const now = () => clock;
const SYNC: SegmentSync = {
  enabled: true,
  segments: ["champions", "at_risk", "lapsed"],
  tiers: false,
  tagPrefix: "kinship-",
  metafields: true,
};

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

/** Shopify's 64-bit customer ids. */
const customerId = (i: number) => String(7_602_385_400_000_000n + BigInt(i));

/** A shop whose members 0..n-1 have these segments, with the segment sync on; Shopify simulated. */
async function shopWith(name: string, segments: SegmentKey[], sync: SegmentSync = SYNC, fault?: (i: number) => "throttled" | null) {
  const shop = await newShop(engine, name);
  await setSync(shop, sync);
  for (const [i, segment] of segments.entries()) {
    const r = await engine.apply(shop, { type: "customer.created", customerId: customerId(i), occurredAt: START.toISOString() }, START);
    if (!r.ok) throw new Error(r.error.message);
    await setInsight(dbOf(engine), shop, customerId(i), segment, START, { r: 5, f: 4, m: (i % 5) + 1 });
  }
  const sim = simulatedShopifyAdmin(shop, SHOPIFY_API_VERSION, { clock: () => clock.getTime(), ...(fault ? { fault } : {}) });
  mock.use(sim.handler);
  const pacer = new ShopPacer({
    now: () => clock.getTime(),
    sleep: async (ms) => {
      clock = new Date(clock.getTime() + ms);
    },
  });
  const api = adminApi({ shop, accessToken: "shpat_test", apiVersion: SHOPIFY_API_VERSION, background: true, pacer });
  const push = () => pushShopSegments({ engine, program: shop, api, now });
  const tags = (i: number) => [...(sim.customers.get(customerId(i))?.tags ?? [])].sort();
  const fields = (i: number) => Object.fromEntries(sim.customers.get(customerId(i))?.metafields ?? []);
  return { shop, sim, push, tags, fields };
}

async function setSync(shop: string, sync: Partial<SegmentSync>) {
  const current = await engine.program(shop);
  if (!current.ok) throw new Error(current.error.message);
  const config = { ...current.value.config, segmentSync: { ...current.value.config.segmentSync, ...sync } };
  const r = await engine.updateConfig(shop, config, "test", clock);
  if (!r.ok) throw new Error(r.error.message);
}

describe("segments pushed to Shopify", () => {
  it("sends only changes, 10 customers' tags a call and segment metafields 25 a call; a second run sends nothing", async () => {
    // 23 members: 22 in a chosen segment, one loyal (not chosen: nothing to send for them).
    const segments: SegmentKey[] = [...Array.from({ length: 22 }, (_, i) => (i % 2 ? "champions" : "at_risk") as SegmentKey), "loyal"];
    const { sim, push, tags, fields } = await shopWith("seg-first", segments);
    expect(await push()).toEqual({ pushed: 22, failed: 0, throttled: false });
    const ops = sim.calls.map((c) => c.operation);
    expect(ops.filter((o) => o === "KinshipSegmentTags")).toHaveLength(3);
    // 2 metafields a customer, a customer's two never split: 12 customers a call.
    expect(sim.calls.filter((c) => c.operation === "KinshipMemberMetafields").map((c) => c.metafields)).toEqual([24, 20]);
    expect(tags(0)).toEqual(["kinship-at_risk"]);
    expect(tags(1)).toEqual(["kinship-champions"]);
    expect(tags(22)).toEqual([]);
    expect(fields(1)).toEqual({
      "kinship.segment": { type: "single_line_text_field", value: "champions" },
      "kinship.rfm": { type: "json", value: JSON.stringify({ r: 5, f: 4, m: 2 }) },
    });
    expect(sim.customers.has(customerId(22))).toBe(false);

    const before = sim.calls.length;
    expect(await push()).toEqual({ pushed: 0, failed: 0, throttled: false });
    expect(sim.calls.length).toBe(before);
  });

  it("a segment change sends one removal and one addition, and the new metafields", async () => {
    const { shop, sim, push, tags, fields } = await shopWith("seg-move", ["champions", "champions"]);
    await push();
    const before = sim.calls.length;
    clock = new Date(START.getTime() + 3_600_000);
    await setInsight(dbOf(engine), shop, customerId(0), "lapsed", clock);
    expect(await push()).toEqual({ pushed: 1, failed: 0, throttled: false });
    // One tagsAdd and one tagsRemove (10 points each), then the customer's two metafields.
    const sent = sim.calls.slice(before).map((c) => [c.operation, c.cost, c.metafields]);
    expect(sent).toEqual([
      ["KinshipSegmentTags", 20, 0],
      ["KinshipMemberMetafields", 10, 2],
    ]);
    expect(tags(0)).toEqual(["kinship-lapsed"]);
    expect(tags(1)).toEqual(["kinship-champions"]);
    expect(fields(0)["kinship.segment"]).toEqual({ type: "single_line_text_field", value: "lapsed" });
  });

  it("sync off removes only the tags and metafields Kinship pushed, never the merchant's", async () => {
    const { shop, sim, push, tags, fields } = await shopWith("seg-off", ["champions", "loyal"], { ...SYNC, tiers: true });
    await push();
    expect(tags(0)).toEqual(["kinship-champions", "kinship-tier-member"]);
    // The merchant's own tags, and the tier sync's tag, on the same customers.
    for (const i of [0, 1]) {
      sim.customers.get(customerId(i))?.tags.add("vip");
      sim.customers.get(customerId(i))?.tags.add("kinship-member");
      sim.customers.get(customerId(i))?.metafields.set("custom.note", { type: "single_line_text_field", value: "keep" });
    }
    await setSync(shop, { enabled: false });
    expect(await push()).toEqual({ pushed: 2, failed: 0, throttled: false });
    expect(tags(0)).toEqual(["kinship-member", "vip"]);
    expect(tags(1)).toEqual(["kinship-member", "vip"]);
    expect(fields(0)).toEqual({ "custom.note": { type: "single_line_text_field", value: "keep" } });
    const before = sim.calls.length;
    expect(await push()).toEqual({ pushed: 0, failed: 0, throttled: false });
    expect(sim.calls.length).toBe(before);
  });

  it("a throttled call is retried; Shopify still throttling stops the run and the next run sends it all", async () => {
    // Call 0 throttled once: the client waits and retries it in place.
    const once = await shopWith("seg-throttle-once", ["champions"], SYNC, (i) => (i === 0 ? "throttled" : null));
    expect(await once.push()).toEqual({ pushed: 1, failed: 0, throttled: false });
    expect(once.sim.calls.map((c) => [c.operation, c.throttled])).toEqual([
      ["KinshipSegmentTags", true],
      ["KinshipSegmentTags", false],
      ["KinshipMemberMetafields", false],
    ]);
    expect(once.tags(0)).toEqual(["kinship-champions"]);

    // The metafields call and its retry throttled: nothing recorded, nothing lost.
    const twice = await shopWith("seg-throttle-twice", ["champions", "at_risk"], SYNC, (i) => (i === 1 || i === 2 ? "throttled" : null));
    expect(await twice.push()).toEqual({ pushed: 0, failed: 0, throttled: true });
    expect(twice.fields(0)).toEqual({});
    clock = new Date(clock.getTime() + 60_000);
    expect(await twice.push()).toEqual({ pushed: 2, failed: 0, throttled: false });
    expect(twice.tags(0)).toEqual(["kinship-champions"]);
    expect(twice.fields(1)["kinship.segment"]?.value).toBe("at_risk");
    const calls = twice.sim.calls.length;
    expect(await twice.push()).toEqual({ pushed: 0, failed: 0, throttled: false });
    expect(twice.sim.calls.length).toBe(calls);
  });
});
