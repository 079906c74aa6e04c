import { randomUUID } from "node:crypto";
import { type Engine, priceFor } from "@kinship/engine";
import { shopifyClient } from "@kinship/webhooks";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { HttpResponse, http } from "msw";
import { graphql } from "msw/graphql";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../test/support/engine-db.ts";
import { programConfig } from "../../../test/support/program-fixture.ts";
import { CATALOG_BULK_QUERY, CatalogLoadError, loadShopCatalog, shopApi } from "../src/shopify/catalog/index.ts";
import { shopTokens } from "../src/shopify/tokens.ts";
import { sessionToken } from "./api-support.ts";
import { API_KEY, deliver, drained, fixture, type Harness, newShop, SECRET, startHarness } from "./support.ts";

/**
 * The Shopify catalog: the bulk load, the product and collection webhooks through the real
 * pipeline (server, bull on Redis, worker, Postgres), and collection-scoped earning on Shopify
 * orders. Only Shopify is mocked (msw): its Admin API per shop, its token endpoint and the
 * storage host that serves a bulk operation's JSONL file.
 */
const mock = setupServer();
let h: Harness;
const CUSTOMER = "115310627314723954";
const SUMMER = "501000000001";
const SALE = "502000000002";
const TEE = "8100000000001";
const MUG = "8100000000002";
const BOX = "8100000000003";
const TEE_S = "9100000000011";
const TEE_M = "9100000000012";
const MUG_V = "9007199254740993";
const BOX_V = "9100000000031";
const ALL = [TEE_S, TEE_M, MUG_V, BOX_V];

beforeAll(async () => {
  mock.listen({ onUnhandledFrame: "bypass" });
  // shopify-api captured fetch when it loaded: give it the one msw patched.
  setAbstractFetchFunc(globalThis.fetch);
  h = await startHarness("app_catalog");
});
afterEach(() => {
  mock.resetHandlers();
});
afterAll(async () => {
  mock.close();
  await h?.close();
});

const fileUrl = (shop: string) => `https://storage.googleapis.com/shopify-tiers-assets-prod-us-east1/bulk-operation-outputs/${shop}.jsonl`;
const admin = (shop: string) => graphql.link(`https://${shop}/admin/api/2026-10/graphql.json`);
const gid = (type: string, id: string) => `gid://shopify/${type}/${id}`;

/** The JSONL file in small chunks, so lines arrive split across reads as they do from a real download. */
function chunked(text: string, size = 37): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

interface Asked {
  operation: string;
  variables: Record<string, unknown>;
  token: string | null;
}

/**
 * Shopify's side of a bulk query for `shop`: the run mutation, the polls (answered in turn by
 * `statuses`, the last one repeating) and the file on the storage host.
 */
function bulkShopify(
  shop: string,
  options: { jsonl?: string; statuses?: Record<string, unknown>[]; userErrors?: { field: string[]; message: string }[] } = {},
): Asked[] {
  const asked: Asked[] = [];
  const statuses = options.statuses ?? [
    { status: "RUNNING", url: null },
    { status: "COMPLETED", url: fileUrl(shop), objectCount: "10" },
  ];
  const opId = gid("BulkOperation", String(Math.floor(Math.random() * 1e9)));
  let polls = 0;
  mock.use(
    admin(shop).mutation("CatalogBulkQuery", ({ variables, request }) => {
      asked.push({ operation: "CatalogBulkQuery", variables, token: request.headers.get("x-shopify-access-token") });
      const userErrors = options.userErrors ?? [];
      return HttpResponse.json({
        data: { bulkOperationRunQuery: { bulkOperation: userErrors.length ? null : { id: opId, status: "CREATED" }, userErrors } },
      });
    }),
    admin(shop).query("CatalogBulkStatus", ({ variables, request }) => {
      asked.push({ operation: "CatalogBulkStatus", variables, token: request.headers.get("x-shopify-access-token") });
      const s = statuses[Math.min(polls, statuses.length - 1)];
      polls += 1;
      return HttpResponse.json({
        data: { node: { id: opId, errorCode: null, objectCount: "0", partialDataUrl: null, url: null, ...s } },
      });
    }),
    http.get(
      fileUrl(shop),
      () => new HttpResponse(chunked(options.jsonl ?? fixture("catalog-bulk.jsonl")), { headers: { "content-type": "application/jsonl" } }),
    ),
  );
  return asked;
}

/** A connection of ids page by page, as Shopify answers `product.collections` and `collection.products`. */
function pages(ids: string[][], after: unknown) {
  const i = after === null || after === undefined ? 0 : Number(String(after).slice(1));
  const page = ids[i] ?? [];
  const more = i + 1 < ids.length;
  return { nodes: page.map((id) => ({ id })), pageInfo: { hasNextPage: more, endCursor: more ? `c${i + 1}` : null } };
}

function productCollections(shop: string, product: string, collectionPages: string[][]): Asked[] {
  const asked: Asked[] = [];
  mock.use(
    admin(shop).query("ProductCollections", ({ variables, request }) => {
      asked.push({ operation: "ProductCollections", variables, token: request.headers.get("x-shopify-access-token") });
      if (variables.id !== gid("Product", product)) return HttpResponse.json({ data: { product: null } });
      return HttpResponse.json({
        data: {
          product: {
            collections: pages(
              collectionPages.map((p) => p.map((c) => gid("Collection", c))),
              variables.after,
            ),
          },
        },
      });
    }),
  );
  return asked;
}

function collectionProducts(shop: string, collection: string, productPages: string[][]): Asked[] {
  const asked: Asked[] = [];
  mock.use(
    admin(shop).query("CollectionProducts", ({ variables, request }) => {
      asked.push({ operation: "CollectionProducts", variables, token: request.headers.get("x-shopify-access-token") });
      if (variables.id !== gid("Collection", collection)) return HttpResponse.json({ data: { collection: null } });
      return HttpResponse.json({
        data: {
          collection: {
            products: pages(
              productPages.map((p) => p.map((id) => gid("Product", id))),
              variables.after,
            ),
          },
        },
      });
    }),
  );
  return asked;
}

const shopify = shopifyClient(API_KEY, SECRET);

/** The load as the app runs it (tokens from tokenFor), polling without real waits. */
function load(engine: Engine, shop: string) {
  const tokens = shopTokens({ engine, shopify });
  return loadShopCatalog({ engine, shop, api: shopApi(tokens, shop), now: () => new Date(), pollMs: 1, sleep: async () => {} });
}

async function programId(shop: string): Promise<number> {
  const p = await h.engine.program(shop);
  if (!p.ok) throw new Error(p.error.message);
  return p.value.id;
}

/** The shop's catalog rows for these variants, by variant id. */
async function catalog(shop: string, ids = ALL) {
  const rows = await h.engine.catalog.byIds(await programId(shop), ids);
  return Object.fromEntries(
    rows.map((r) => [r.variantId, { productId: r.productId, price: r.price, collectionIds: [...r.collectionIds].sort() }]),
  );
}

const LOADED = {
  [TEE_S]: { productId: TEE, price: 2500, collectionIds: [SUMMER, SALE] },
  [TEE_M]: { productId: TEE, price: 2550, collectionIds: [SUMMER, SALE] },
  [MUG_V]: { productId: MUG, price: 1299, collectionIds: [SALE] },
  [BOX_V]: { productId: BOX, price: 4000, collectionIds: [] },
};

async function inbox(shop: string) {
  return dbOf(h.engine)
    .selectFrom("kinship_inbox")
    .select(["topic", "status", "last_error"])
    .where("program_key", "=", shop)
    .orderBy("id")
    .execute();
}

async function points(shop: string): Promise<number> {
  const m = await h.engine.member(shop, CUSTOMER, new Date());
  if (!m.ok) throw new Error(m.error.message);
  return m.value.points.available + m.value.points.pending;
}

describe("catalog load (bulk operation)", () => {
  it("a bulk JSONL file loads variants with their product, price in minor units and collections; a later load replaces the catalog", async () => {
    const shop = await newShop(h.engine, "bulk");
    const asked = bulkShopify(shop);
    expect(await load(h.engine, shop)).toEqual({ variants: 4, removed: 0 });
    expect(await catalog(shop)).toEqual(LOADED);
    expect(asked[0]).toMatchObject({ operation: "CatalogBulkQuery", variables: { query: CATALOG_BULK_QUERY }, token: "shpat_test" });
    expect(asked.slice(1).map((a) => a.operation)).toEqual(["CatalogBulkStatus", "CatalogBulkStatus"]);

    // The box is gone from the shop and the mug costs 13.49: the next load removes one, reprices the other.
    mock.resetHandlers();
    const next = fixture("catalog-bulk.jsonl")
      .split("\n")
      .filter((l) => !l.includes(BOX))
      .join("\n")
      .replace('"12.99"', '"13.49"');
    bulkShopify(shop, { jsonl: next });
    expect(await load(h.engine, shop)).toEqual({ variants: 3, removed: 1 });
    expect(await catalog(shop)).toEqual({ ...LOADED, [MUG_V]: { ...LOADED[MUG_V], price: 1349 }, [BOX_V]: undefined });
    expect(await h.engine.catalog.count(await programId(shop))).toBe(3);
  });

  it("a failed bulk operation, a refused query or an unreadable file: a clear error and nothing stored", async () => {
    const shop = await newShop(h.engine, "bulk-fail");
    bulkShopify(shop);
    await load(h.engine, shop);
    const cheaper = fixture("catalog-bulk.jsonl").replaceAll('"25.00"', '"1.00"');

    mock.resetHandlers();
    bulkShopify(shop, {
      jsonl: cheaper,
      statuses: [{ status: "RUNNING" }, { status: "FAILED", errorCode: "INTERNAL_SERVER_ERROR", partialDataUrl: fileUrl(shop) }],
    });
    const failed = load(h.engine, shop);
    await expect(failed).rejects.toBeInstanceOf(CatalogLoadError);
    await expect(failed).rejects.toThrow(
      /catalog was not loaded: bulk operation .* ended FAILED \(INTERNAL_SERVER_ERROR\): nothing was loaded/,
    );
    expect(await catalog(shop)).toEqual(LOADED);

    mock.resetHandlers();
    bulkShopify(shop, {
      userErrors: [{ field: ["query"], message: "A bulk query operation for this app and shop is already in progress" }],
    });
    await expect(load(h.engine, shop)).rejects.toThrow(
      /Shopify refused the catalog's bulk query: A bulk query operation .* already in progress/,
    );

    mock.resetHandlers();
    const lines = cheaper.split("\n");
    lines.splice(2, 0, '{"id":"gid://shopify/ProductVariant/1","price":');
    bulkShopify(shop, { jsonl: lines.join("\n") });
    await expect(load(h.engine, shop)).rejects.toThrow(/line 3 of the JSONL file is not JSON/);

    mock.resetHandlers();
    bulkShopify(shop, { jsonl: cheaper.replace('"12.99"', '"12.999"') });
    await expect(load(h.engine, shop)).rejects.toThrow(/line 6 of the catalog file: price: "12.999" has more than 2 decimals for USD/);
    expect(await catalog(shop)).toEqual(LOADED);
  });
});

describe("Shopify orders and the catalog", () => {
  const summerRule = {
    rules: [
      {
        id: "summer",
        name: "1 point per dollar of summer items",
        trigger: "order.paid",
        lines: { collectionIds: [SUMMER] },
        reward: { points: { perUnit: 1 } },
      },
    ],
  };

  it("a collection-scoped rule earns on a Shopify orders/paid for the line in that collection, not for the line outside it", async () => {
    const shop = await newShop(h.engine, "earn");
    const bare = await newShop(h.engine, "earn-no-catalog");
    for (const s of [shop, bare]) expect((await h.engine.updateConfig(s, programConfig(summerRule), "test", new Date())).ok).toBe(true);
    bulkShopify(shop);
    await load(h.engine, shop);

    for (const s of [shop, bare]) expect((await deliver(h.url, s, "orders/paid", fixture("orders-paid-catalog.json"))).status).toBe(200);
    await drained(h.engine, shop);
    await drained(h.engine, bare);
    // 2 × 25.50 of the summer tee earn 51; the 40.00 gift box, in no collection, earns nothing.
    expect(await points(shop)).toBe(51);
    // Without a catalog Shopify's order says nothing of collections: the rule matches no line.
    expect(await points(bare)).toBe(0);
    expect(await h.engine.verify(shop)).toEqual([]);
  });
});

describe("product and collection webhooks", () => {
  const memberPrice = {
    benefits: [
      {
        id: "summer-10",
        name: "Members: 10% off summer",
        kind: "memberPrice" as const,
        minTier: "member",
        scope: { collectionIds: [SUMMER] },
        discount: { percentOff: 10 },
      },
    ],
  };

  async function memberPriceOf(shop: string, variantId: string) {
    const program = await h.engine.program(shop);
    if (!program.ok) throw new Error(program.error.message);
    const [variant] = await h.engine.catalog.byIds(program.value.id, [variantId]);
    if (!variant) throw new Error(`no variant ${variantId}`);
    return priceFor(program.value.config, "member", variant);
  }

  it("products/update with a new price changes the member price; the product's collections are read from Shopify, page by page", async () => {
    const shop = await newShop(h.engine, "price");
    expect((await h.engine.updateConfig(shop, programConfig(memberPrice), "test", new Date())).ok).toBe(true);
    bulkShopify(shop);
    await load(h.engine, shop);
    expect(await memberPriceOf(shop, TEE_S)).toMatchObject({ basePrice: 2500, memberPrice: 2250 });

    const asked = productCollections(shop, TEE, [[SUMMER], [SALE]]);
    const r = await deliver(h.url, shop, "products/update", fixture("products-update.json"));
    expect(r).toMatchObject({ status: 200, body: { outcome: "queued" } });
    await drained(h.engine, shop);
    expect(await memberPriceOf(shop, TEE_S)).toMatchObject({ basePrice: 2200, memberPrice: 1980 });
    expect(await catalog(shop)).toEqual({ ...LOADED, [TEE_S]: { ...LOADED[TEE_S], price: 2200 } });
    expect(asked).toEqual([
      { operation: "ProductCollections", variables: { id: gid("Product", TEE), after: null }, token: "shpat_test" },
      { operation: "ProductCollections", variables: { id: gid("Product", TEE), after: "c1" }, token: "shpat_test" },
    ]);
    expect(await inbox(shop)).toEqual([{ topic: "products/update", status: "applied", last_error: null }]);
  });

  it("products/update drops the variants a product no longer has and takes the collections Shopify lists now", async () => {
    const shop = await newShop(h.engine, "variants");
    bulkShopify(shop);
    await load(h.engine, shop);
    productCollections(shop, TEE, [[SALE]]);
    const onlySmall = fixture("products-update.json").replace(
      /,\s*\{\s*"admin_graphql_api_id": "gid:\/\/shopify\/ProductVariant\/9100000000012"[\s\S]*?"old_inventory_quantity": 4\s*\}/,
      "",
    );
    expect(onlySmall).not.toContain('"id": 9100000000012');
    await deliver(h.url, shop, "products/update", onlySmall);
    await drained(h.engine, shop);
    expect(await catalog(shop)).toEqual({ ...LOADED, [TEE_S]: { productId: TEE, price: 2200, collectionIds: [SALE] }, [TEE_M]: undefined });
  });

  it("products/delete removes the product's variants; collections/delete removes the collection from every variant; collections/update sets its members from Shopify", async () => {
    const shop = await newShop(h.engine, "deletes");
    bulkShopify(shop);
    await load(h.engine, shop);

    await deliver(h.url, shop, "products/delete", fixture("products-delete.json"));
    await drained(h.engine, shop);
    expect(await catalog(shop)).toEqual({ ...LOADED, [BOX_V]: undefined });

    await deliver(h.url, shop, "collections/delete", fixture("collections-delete.json"));
    await drained(h.engine, shop);
    expect(await catalog(shop)).toEqual({
      [TEE_S]: { ...LOADED[TEE_S], collectionIds: [SUMMER] },
      [TEE_M]: { ...LOADED[TEE_M], collectionIds: [SUMMER] },
      [MUG_V]: { ...LOADED[MUG_V], collectionIds: [] },
    });

    // Summer now holds the mug only (two pages: the mug, then nothing more).
    const asked = collectionProducts(shop, SUMMER, [[MUG], []]);
    await deliver(h.url, shop, "collections/update", fixture("collections-update.json"));
    await drained(h.engine, shop);
    expect(await catalog(shop)).toEqual({
      [TEE_S]: { ...LOADED[TEE_S], collectionIds: [] },
      [TEE_M]: { ...LOADED[TEE_M], collectionIds: [] },
      [MUG_V]: { ...LOADED[MUG_V], collectionIds: [SUMMER] },
    });
    expect(asked.map((a) => a.variables)).toEqual([
      { id: gid("Collection", SUMMER), after: null },
      { id: gid("Collection", SUMMER), after: "c1" },
    ]);
    expect((await inbox(shop)).map((r) => [r.topic, r.status])).toEqual([
      ["products/delete", "applied"],
      ["collections/delete", "applied"],
      ["collections/update", "applied"],
    ]);
  });

  it("a products/update that arrives after the product was deleted (Shopify no longer has it) removes its variants instead of writing them back", async () => {
    const shop = await newShop(h.engine, "late-update");
    bulkShopify(shop);
    await load(h.engine, shop);
    const asked = productCollections(shop, "1", [[SUMMER]]); // answers `product: null` for any other product
    await deliver(h.url, shop, "products/update", fixture("products-update.json"));
    await drained(h.engine, shop);
    expect(asked).toHaveLength(1);
    expect(await catalog(shop)).toEqual({ ...LOADED, [TEE_S]: undefined, [TEE_M]: undefined });
    expect(await inbox(shop)).toEqual([
      {
        topic: "products/update",
        status: "applied",
        last_error: "product.changed carried out as product.deleted: the platform no longer has it",
      },
    ]);
  });

  it("a product webhook for an unknown shop is dropped: nothing stored, Shopify not asked", async () => {
    const nobody = `nobody-${randomUUID().slice(0, 8)}.myshopify.com`;
    const asked = productCollections(nobody, TEE, [[SUMMER]]);
    const r = await deliver(h.url, nobody, "products/update", fixture("products-update.json"));
    expect(r).toMatchObject({ status: 200, body: { outcome: expect.stringMatching(/unknown shop/) } });
    expect(await inbox(nobody)).toEqual([]);
    expect(asked).toEqual([]);
  });

  it("when Shopify cannot say a product's collections, the delivery fails, is retried, then is a dead letter; the catalog is unchanged", async () => {
    const shop = await newShop(h.engine, "lookup-fails");
    bulkShopify(shop);
    await load(h.engine, shop);
    let calls = 0;
    mock.use(
      admin(shop).query("ProductCollections", () => {
        calls += 1;
        return HttpResponse.json({ errors: [{ message: "Internal error" }] }, { status: 500 });
      }),
    );
    await deliver(h.url, shop, "products/update", fixture("products-update.json"));
    await drained(h.engine, shop);
    const [row] = await inbox(shop);
    expect(row).toMatchObject({ topic: "products/update", status: "dead" });
    expect(row?.last_error).toMatch(/Shopify answered HTTP 500/);
    expect(calls).toBe(2);
    expect(await catalog(shop)).toEqual(LOADED);
  });
});

describe("install", () => {
  it("the first token exchange starts the catalog load in the background: the session answers before it ends; GET /app/catalog shows it, POST /app/catalog loads again", async () => {
    const shop = `install-${randomUUID().slice(0, 8)}.myshopify.com`;
    mock.use(
      http.post(`https://${shop}/admin/oauth/access_token`, () =>
        HttpResponse.json({
          access_token: "a-install",
          scope: "read_products",
          expires_in: 3600,
          refresh_token: "r-install",
          refresh_token_expires_in: 7_776_000,
        }),
      ),
      admin(shop).query("KinshipShopSettings", () => HttpResponse.json({ data: { shop: { currencyCode: "USD", ianaTimezone: "UTC" } } })),
    );
    // The bulk operation keeps running until the test lets it finish.
    let finish = false;
    const asked = bulkShopify(shop, { statuses: [{ status: "RUNNING" }] });
    mock.use(
      admin(shop).query("CatalogBulkStatus", ({ variables }) => {
        asked.push({ operation: "CatalogBulkStatus", variables, token: null });
        return HttpResponse.json({
          data: {
            node: {
              id: variables.id,
              status: finish ? "COMPLETED" : "RUNNING",
              errorCode: null,
              objectCount: "10",
              partialDataUrl: null,
              url: finish ? fileUrl(shop) : null,
            },
          },
        });
      }),
    );
    const token = await sessionToken(shop);
    const session = await h.app.inject({ method: "POST", url: "/app/session", headers: { authorization: `Bearer ${token}` } });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ ok: true, shop, exchanged: true });

    const status = async () => {
      const res = await h.app.inject({
        method: "GET",
        url: "/app/catalog",
        headers: { authorization: `Bearer ${await sessionToken(shop)}` },
      });
      expect(res.statusCode).toBe(200);
      return res.json() as { variants: number; load: { status: string; variants?: number } | null };
    };
    expect(await status()).toMatchObject({ variants: 0, load: { status: "running" } });
    expect(asked[0]).toMatchObject({ operation: "CatalogBulkQuery", token: "a-install" });

    finish = true;
    const until = async (want: string) => {
      for (let i = 0; i < 200; i++) {
        const s = await status();
        if (s.load?.status === want) return s;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`the catalog load never reached ${want}`);
    };
    expect(await until("loaded")).toMatchObject({ variants: 4, load: { status: "loaded", variants: 4, removed: 0 } });
    expect(await catalog(shop)).toEqual(LOADED);

    // Loading again (the merchant's retry) goes through the same door: 202 at once, loaded later.
    const again = await h.app.inject({
      method: "POST",
      url: "/app/catalog",
      headers: { authorization: `Bearer ${await sessionToken(shop)}` },
    });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ ok: true, load: { status: "running" } });
    expect(await until("loaded")).toMatchObject({ variants: 4 });
    expect(asked.filter((a) => a.operation === "CatalogBulkQuery")).toHaveLength(2);

    const anonymous = await h.app.inject({ method: "GET", url: "/app/catalog" });
    expect(anonymous.statusCode).toBe(401);
  });
});
