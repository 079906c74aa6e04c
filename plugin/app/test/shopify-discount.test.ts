import { randomUUID } from "node:crypto";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { benefits, programConfig } from "../../../test/support/program-fixture.ts";
import { FUNCTION_HANDLE } from "../src/shopify/discount/activation.ts";
import { gql, sessionToken } from "./api-support.ts";
import { deliver, drained, type Harness, newShop, startHarness } from "./support.ts";

/**
 * The member-price discount's life on a shop, through the real server (a real engine, Redis and
 * worker) with Shopify's Admin API and token endpoint mocked by msw and nothing else: created at
 * install, its config metafields rewritten when the program's member prices change, forgotten at
 * app/uninstalled, and Shopify's 25-discount limit shown in the app home.
 */
interface AdminCall {
  shop: string;
  operation: string;
  variables: Record<string, unknown>;
}
let calls: AdminCall[] = [];
let createAnswer: () => unknown = () => ({
  automaticAppDiscount: { discountId: `gid://shopify/DiscountAutomaticNode/${calls.length}` },
  userErrors: [],
});

const mock = setupServer(
  http.post("https://:shop/admin/api/:version/graphql.json", async ({ request, params }) => {
    const { query, variables } = (await request.json()) as { query: string; variables?: Record<string, unknown> };
    const operation = /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? "anonymous";
    calls.push({ shop: String(params.shop), operation, variables: variables ?? {} });
    if (operation === "KinshipMemberPriceDiscountCreate")
      return HttpResponse.json({ data: { discountAutomaticAppCreate: createAnswer() } });
    if (operation === "KinshipMemberPriceConfigSet")
      return HttpResponse.json({ data: { metafieldsSet: { metafields: [{ key: "config" }, { key: "collections" }], userErrors: [] } } });
    if (/shop\s*{\s*currencyCode/.test(query)) return HttpResponse.json({ data: { shop: { currencyCode: "USD", ianaTimezone: "UTC" } } });
    // The catalog load at install: Shopify has no bulk operation to offer here.
    return HttpResponse.json({ errors: [{ message: "not simulated" }] });
  }),
  http.post("https://:shop/admin/oauth/access_token", () =>
    HttpResponse.json({
      access_token: `shpat_${randomUUID()}`,
      scope: "read_customers,read_orders,read_products,write_customers,write_discounts",
      expires_in: 3600,
      refresh_token: `shprt_${randomUUID()}`,
      refresh_token_expires_in: 7_776_000,
    }),
  ),
);

let h: Harness;
beforeAll(async () => {
  mock.listen({ onUnhandledFrame: "bypass" });
  setAbstractFetchFunc(globalThis.fetch);
  h = await startHarness("app_discount");
});
afterEach(() => {
  calls = [];
  createAnswer = () => ({
    automaticAppDiscount: { discountId: `gid://shopify/DiscountAutomaticNode/${randomUUID().length}` },
    userErrors: [],
  });
});
afterAll(async () => {
  mock.close();
  await h?.close();
});

async function openApp(shop: string) {
  const res = await fetch(`${h.url}/app/session`, { method: "POST", headers: { authorization: `Bearer ${await sessionToken(shop)}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const creates = (shop: string) => calls.filter((c) => c.shop === shop && c.operation === "KinshipMemberPriceDiscountCreate");
const configSets = (shop: string) => calls.filter((c) => c.shop === shop && c.operation === "KinshipMemberPriceConfigSet");
type Metafield = { namespace: string; key: string; type: string; value: string; ownerId?: string };

describe("the member-price discount", () => {
  it("is created when the app is installed (token exchange), with the function's handle, product class and both config metafields", async () => {
    const shop = `fresh-${randomUUID().slice(0, 8)}.myshopify.com`;
    const opened = await openApp(shop);
    expect(opened.status).toBe(200);
    expect(opened.body.exchanged).toBe(true);
    expect(opened.body.discountProblem).toBeUndefined();

    const [create, ...more] = creates(shop);
    expect(more).toEqual([]);
    const input = create?.variables.discount as Record<string, unknown>;
    expect(input).toMatchObject({
      functionHandle: FUNCTION_HANDLE,
      discountClasses: ["PRODUCT"],
      combinesWith: { orderDiscounts: true, productDiscounts: false, shippingDiscounts: true },
    });
    expect(typeof input.title).toBe("string");
    expect(Number.isNaN(Date.parse(input.startsAt as string))).toBe(false);
    const metafields = input.metafields as Metafield[];
    expect(metafields.map((m) => [m.namespace, m.key, m.type])).toEqual([
      ["$app", "config", "json"],
      ["$app", "collections", "json"],
    ]);
    const config = JSON.parse(metafields[0]?.value ?? "null");
    expect(config).toMatchObject({ v: 1, currency: "USD", benefits: [], collections: [] });
    expect(config.tiers.map((t: { key: string }) => t.key)).toEqual(["member", "silver", "gold"]);
    expect(JSON.parse(metafields[1]?.value ?? "null")).toEqual({ c0: [], c1: [], c2: [], c3: [], c4: [] });

    const recorded = await h.engine.shops.discount(shop);
    expect(recorded?.id).toMatch(/^gid:\/\/shopify\/DiscountAutomaticNode\//);
    expect(recorded?.problem).toBeNull();

    // Opening the app again with nothing changed calls Shopify for nothing.
    calls = [];
    expect((await openApp(shop)).status).toBe(200);
    expect(calls.filter((c) => c.operation.startsWith("KinshipMemberPrice"))).toEqual([]);
  });

  it("has its config metafields rewritten when the program's member prices change, and only then", async () => {
    const shop = await newShop(h.engine, "prices");
    await openApp(shop);
    const id = (await h.engine.shops.discount(shop))?.id;
    expect(id).toBeTruthy();
    calls = [];
    const token = await sessionToken(shop);
    const update = (config: unknown) =>
      gql(`${h.url}/admin/graphql`, "mutation Save($config: JSON!) { updateProgram(config: $config) { version } }", {
        headers: { authorization: `Bearer ${token}` },
        variables: { config },
      });

    const sale = { ...benefits.membersFivePercent, id: "gold-sale", minTier: "gold", scope: { collectionIds: ["3001"] } };
    const saved = await update(programConfig({ benefits: [sale] }));
    expect(saved.body.errors).toBeUndefined();
    const [set, ...more] = configSets(shop);
    expect(more).toEqual([]);
    const metafields = set?.variables.metafields as Metafield[];
    expect(metafields.map((m) => [m.ownerId, m.namespace, m.key, m.type])).toEqual([
      [id, "$app", "config", "json"],
      [id, "$app", "collections", "json"],
    ]);
    expect(JSON.parse(metafields[0]?.value ?? "null").benefits).toEqual([
      { id: "gold-sale", minTier: "gold", scope: { collectionIds: ["3001"] }, discount: { percentOff: 5 } },
    ]);
    expect(JSON.parse(metafields[1]?.value ?? "null").c0).toEqual(["gid://shopify/Collection/3001"]);
    expect(creates(shop)).toEqual([]);

    // A change that leaves tiers and member prices alone (the program's name) writes nothing.
    calls = [];
    expect((await update(programConfig({ benefits: [sale], name: "Renamed" }))).body.errors).toBeUndefined();
    expect(configSets(shop)).toEqual([]);
  });

  it("is forgotten at app/uninstalled: Shopify removes an uninstalled app's discounts, and the token is gone", async () => {
    const shop = await newShop(h.engine, "leaving");
    await openApp(shop);
    expect((await h.engine.shops.discount(shop))?.id).toBeTruthy();
    calls = [];
    const delivered = await deliver(h.url, shop, "app/uninstalled", JSON.stringify({ id: 1, domain: shop }));
    expect(delivered.status).toBe(200);
    await drained(h.engine, shop);
    expect(await h.engine.shops.discount(shop)).toEqual({ id: null, configHash: null, problem: null });
    expect(calls).toEqual([]);
  });

  it("shows Shopify's 25-discount limit in the app home, and is created once a slot is free", async () => {
    const shop = await newShop(h.engine, "crowded");
    createAnswer = () => ({
      automaticAppDiscount: null,
      userErrors: [
        {
          field: ["automaticAppDiscount"],
          message: "You can only have 25 active automatic discounts at a time.",
          code: "MAX_APP_DISCOUNTS",
        },
      ],
    });
    const refused = await openApp(shop);
    expect(refused.status).toBe(200);
    const message = (refused.body.discountProblem as { message: string }).message;
    expect(message).toContain("limit of 25 active function discounts");
    expect(message).toContain("You can only have 25 active automatic discounts at a time.");
    expect(await h.engine.shops.discount(shop)).toEqual({ id: null, configHash: null, problem: message });

    createAnswer = () => ({ automaticAppDiscount: { discountId: "gid://shopify/DiscountAutomaticNode/25" }, userErrors: [] });
    const opened = await openApp(shop);
    expect(opened.body.discountProblem).toBeUndefined();
    expect(await h.engine.shops.discount(shop)).toMatchObject({ id: "gid://shopify/DiscountAutomaticNode/25", problem: null });
    expect(creates(shop)).toHaveLength(2);
  });
});
