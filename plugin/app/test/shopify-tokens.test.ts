import type { Engine } from "@kinship/engine";
import { shopifyClient } from "@kinship/webhooks";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { delay, HttpResponse, http } from "msw";
import { graphql } from "msw/graphql";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { dbOf, openEngineOwningDb, TEST_TOKEN_KEY } from "../../../test/support/engine-db.ts";
import { shopifyIssuer } from "../src/rewards/index.ts";
import { ShopTokenError, type ShopTokenSource, shopTokens } from "../src/shopify/tokens.ts";
import { sessionToken } from "./api-support.ts";
import { API_KEY, SECRET } from "./support.ts";

/**
 * tokenFor against Shopify's token endpoint contract (POST https://{shop}/admin/oauth/access_token,
 * grant_type refresh_token; answers access_token, expires_in, refresh_token,
 * refresh_token_expires_in), mocked with msw. Two engines on two connections stand for two
 * processes; time is a fake clock.
 */
const NOW = new Date("2026-12-05T12:00:00Z");
const MIN = 60_000;
const mock = setupServer();
const shopify = shopifyClient(API_KEY, SECRET);
let a: Engine;
let b: Engine;
let clock = NOW;

interface Hit {
  shop: string;
  body: Record<string, string>;
}
let hits: Hit[] = [];

beforeAll(async () => {
  mock.listen({ onUnhandledFrame: "bypass" });
  // shopify-api captured fetch when it loaded: give it the one msw patched.
  setAbstractFetchFunc(globalThis.fetch);
  a = await openEngineOwningDb({ databaseUrl: inject("databaseUrl"), max: 10, tokenKey: TEST_TOKEN_KEY });
  b = await openEngineOwningDb({ databaseUrl: inject("databaseUrl"), max: 10, tokenKey: TEST_TOKEN_KEY });
});
afterEach(() => {
  mock.resetHandlers();
  hits = [];
  clock = NOW;
});
afterAll(async () => {
  mock.close();
  await a?.close();
  await b?.close();
});

const source = (engine: Engine, waitMs = 5_000): ShopTokenSource =>
  shopTokens({ engine, shopify, now: () => clock, leaseMs: 30_000, waitMs, pollMs: 10 });

let n = 0;
/** A connected shop holding an expiring pair: access token a1 expiring `inMs` from NOW, refresh token r1. */
async function shopWithPair(prefix: string, inMs: number): Promise<string> {
  n += 1;
  const shop = `${prefix}-${process.pid}-${n}-${Date.now().toString(36)}.myshopify.com`;
  const connected = await a.shops.connect(shop, null, NOW);
  if (!connected.ok) throw new Error(connected.error.message);
  const saved = await a.shops.saveTokens(
    shop,
    {
      accessToken: "a1",
      accessTokenExpiresAt: new Date(NOW.getTime() + inMs),
      refreshToken: "r1",
      refreshTokenExpiresAt: new Date(NOW.getTime() + 90 * 24 * 60 * MIN),
    },
    NOW,
  );
  if (!saved.ok) throw new Error(saved.error.message);
  return shop;
}

/** Shopify's token endpoint for every shop; `answer` decides each response. */
function tokenEndpoint(answer: (hit: Hit) => Response | Promise<Response>) {
  mock.use(
    http.post("https://:shop/admin/oauth/access_token", async ({ request, params }) => {
      const hit = { shop: String(params.shop), body: (await request.json()) as Record<string, string> };
      hits.push(hit);
      return answer(hit);
    }),
  );
}

const pair = (access: string, refresh: string, extra: Record<string, unknown> = {}) => ({
  access_token: access,
  scope: "read_customers,read_orders,write_discounts",
  expires_in: 3600,
  refresh_token: refresh,
  refresh_token_expires_in: 7_776_000,
  ...extra,
});

async function problem(p: Promise<unknown>): Promise<ShopTokenError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof ShopTokenError)) throw new Error(`expected a ShopTokenError, got ${String(e)}`);
  return e;
}

describe("tokenFor", () => {
  it("gives a fresh token as it is, without asking Shopify", async () => {
    const shop = await shopWithPair("fresh", 30 * MIN);
    tokenEndpoint(() => HttpResponse.json(pair("a2", "r2")));
    expect(await source(a).tokenFor(shop)).toBe("a1");
    expect(hits).toHaveLength(0);
  });

  it("20 concurrent calls around expiry, from two processes: exactly one refresh, and every caller gets the new token", async () => {
    const shop = await shopWithPair("twenty", 2 * MIN);
    tokenEndpoint(async () => {
      await delay(150);
      return HttpResponse.json(pair("a2", "r2"));
    });
    const [one, two] = [source(a), source(b)];
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).tokenFor(shop)));
    expect(hits).toHaveLength(1);
    expect(hits[0]?.body).toMatchObject({ grant_type: "refresh_token", refresh_token: "r1", client_id: API_KEY, client_secret: SECRET });
    expect(tokens).toEqual(Array(20).fill("a2"));
    const stored = await a.shops.tokens(shop);
    expect(stored).toMatchObject({ ok: true, value: { accessToken: "a2", refreshToken: "r2", refreshingUntil: null } });
    if (!stored.ok) return;
    // Shopify's 3600 s, on this source's clock.
    expect(Math.abs((stored.value.accessTokenExpiresAt?.getTime() ?? 0) - (NOW.getTime() + 60 * MIN))).toBeLessThan(5_000);
    expect(await source(b).tokenFor(shop)).toBe("a2");
    expect(hits).toHaveLength(1);
  });

  it("an answer without expires_in is stored with a conservative expiry (50 min), and refreshed again before that", async () => {
    const shop = await shopWithPair("noexp", 1 * MIN);
    tokenEndpoint(({ body }) =>
      HttpResponse.json(body.refresh_token === "r1" ? pair("a2", "r2", { expires_in: undefined }) : pair("a3", "r3")),
    );
    expect(await source(a).tokenFor(shop)).toBe("a2");
    const t = await a.shops.tokens(shop);
    expect(t).toMatchObject({
      ok: true,
      value: { accessToken: "a2", refreshToken: "r2", accessTokenExpiresAt: new Date(NOW.getTime() + 50 * MIN) },
    });
    clock = new Date(NOW.getTime() + 44 * MIN);
    expect(await source(a).tokenFor(shop)).toBe("a2");
    clock = new Date(NOW.getTime() + 46 * MIN);
    expect(await source(a).tokenFor(shop)).toBe("a3");
    expect(hits.map((h) => h.body.refresh_token)).toEqual(["r1", "r2"]);
  });

  it("a lost refresh answer is recovered: the lease expires and the stored refresh token is tried again", async () => {
    const shop = await shopWithPair("lost", -1 * MIN);
    // Shopify rotates on the first call but the answer never arrives; it keeps r1 usable until r2 is used.
    let rotated = false;
    tokenEndpoint(({ body }) => {
      if (body.refresh_token !== "r1") return HttpResponse.json({ error: "invalid_grant" }, { status: 400 });
      if (!rotated) {
        rotated = true;
        return HttpResponse.error();
      }
      return HttpResponse.json(pair("a2", "r2"));
    });
    const first = await problem(source(a).tokenFor(shop));
    expect(first.code).toBe("RefreshFailed");
    expect(first.retryable).toBe(true);
    // The lease is still held: the next caller waits (bounded) and calls Shopify no more.
    const waiting = await problem(source(b, 100).tokenFor(shop));
    expect(waiting.code).toBe("RefreshFailed");
    expect(waiting.message).toMatch(/being refreshed/);
    expect(hits).toHaveLength(1);
    // The stored pair was never lost.
    expect(await a.shops.tokens(shop)).toMatchObject({ ok: true, value: { accessToken: "a1", refreshToken: "r1" } });
    clock = new Date(NOW.getTime() + 31_000);
    expect(await source(b).tokenFor(shop)).toBe("a2");
    expect(hits.map((h) => h.body.refresh_token)).toEqual(["r1", "r1"]);
    expect(await a.shops.tokens(shop)).toMatchObject({ ok: true, value: { accessToken: "a2", refreshToken: "r2", refused: null } });
  });

  it("a lost answer while the old token is still valid: callers keep using it until the retry succeeds", async () => {
    const shop = await shopWithPair("lostvalid", 3 * MIN);
    let calls = 0;
    tokenEndpoint(() => (++calls === 1 ? HttpResponse.error() : HttpResponse.json(pair("a2", "r2"))));
    expect(await source(a).tokenFor(shop)).toBe("a1");
    expect(await source(b, 50).tokenFor(shop)).toBe("a1");
    clock = new Date(NOW.getTime() + 31_000);
    expect(await source(a).tokenFor(shop)).toBe("a2");
    expect(hits).toHaveLength(2);
  });

  it("invalid_grant: the shop is flagged as needing a token exchange, the old token is used while valid, then a clear error", async () => {
    const shop = await shopWithPair("refused", 2 * MIN);
    tokenEndpoint(() =>
      HttpResponse.json({ error: "invalid_grant", error_description: "The refresh token is invalid or expired" }, { status: 400 }),
    );
    expect(await source(a).tokenFor(shop)).toBe("a1");
    const flagged = await a.shops.tokens(shop);
    expect(flagged).toMatchObject({
      ok: true,
      value: { refused: { reason: "invalid_grant: The refresh token is invalid or expired" }, refreshingUntil: null },
    });
    // No retry storm: the flag stops further refreshes.
    expect(await source(b).tokenFor(shop)).toBe("a1");
    expect(hits).toHaveLength(1);
    clock = new Date(NOW.getTime() + 3 * MIN);
    const e = await problem(source(a).tokenFor(shop));
    expect(e.code).toBe("NeedsTokenExchange");
    expect(e.retryable).toBe(false);
    expect(e.message).toMatch(/Shopify refused .*refresh token .*open Kinship in the shop's admin/);
    expect(hits).toHaveLength(1);
  });

  it("an uninstalled shop is refused without a call to Shopify; one uninstalled during a refresh keeps no token", async () => {
    const gone = await shopWithPair("gone", 1 * MIN);
    tokenEndpoint(async ({ shop }) => {
      if (shop !== gone) await a.shops.markUninstalled(shop, NOW);
      return HttpResponse.json(pair("a2", "r2"));
    });
    await a.shops.markUninstalled(gone, NOW);
    expect((await problem(source(a).tokenFor(gone))).code).toBe("Uninstalled");
    expect(hits).toHaveLength(0);

    const racing = await shopWithPair("racing", 1 * MIN);
    expect((await problem(source(a).tokenFor(racing))).code).toBe("Uninstalled");
    expect(hits).toHaveLength(1);
    const row = await dbOf(a).selectFrom("kinship_shop").selectAll().where("domain", "=", racing).executeTakeFirstOrThrow();
    expect([row.access_token_sealed, row.refresh_token_sealed]).toEqual([null, null]);
    expect((await problem(source(a).tokenFor("nobody.myshopify.com"))).code).toBe("UnknownShop");
  });

  it("a shop connected with a custom app's token (no expiry) gets it as it is; a shop without a token gets a clear error", async () => {
    const custom = `custom-${process.pid}-${Date.now().toString(36)}.myshopify.com`;
    expect((await a.shops.connect(custom, "shpat_custom", NOW)).ok).toBe(true);
    tokenEndpoint(() => HttpResponse.json(pair("x", "y")));
    clock = new Date(NOW.getTime() + 365 * 24 * 60 * MIN);
    expect(await source(a).tokenFor(custom)).toBe("shpat_custom");
    const bare = `bare-${process.pid}-${Date.now().toString(36)}.myshopify.com`;
    expect((await a.shops.connect(bare, null, NOW)).ok).toBe(true);
    expect((await problem(source(a).tokenFor(bare))).code).toBe("NoToken");
    expect(hits).toHaveLength(0);
  });

  it("the tokens are unreadable in the database without the key", async () => {
    const shop = await shopWithPair("unreadable", 2 * MIN);
    tokenEndpoint(() => HttpResponse.json(pair("shpat_new_secret", "shprt_new_secret")));
    expect(await source(a).tokenFor(shop)).toBe("shpat_new_secret");
    const row = await dbOf(a).selectFrom("kinship_shop").selectAll().where("domain", "=", shop).executeTakeFirstOrThrow();
    expect(row.access_token).toBeNull();
    expect(String(row.access_token_sealed)).toMatch(/^k1:/);
    expect(JSON.stringify(row)).not.toMatch(/shpat_new_secret|shprt_new_secret/);
    const keyless = await openEngineOwningDb({ databaseUrl: inject("databaseUrl"), max: 1, tokenKey: "" });
    try {
      const e = await problem(shopTokens({ engine: keyless, shopify, now: () => clock }).tokenFor(shop));
      expect(e.code).toBe("NoTokenKey");
      expect(e.message).toMatch(/KINSHIP_TOKEN_KEY is not set/);
    } finally {
      await keyless.close();
    }
  });
});

describe("the install's token exchange", () => {
  it("exchanges the App Bridge session token for an expiring offline pair and stores it sealed", async () => {
    const shop = `install-${process.pid}-${Date.now().toString(36)}.myshopify.com`;
    expect((await a.shops.connect(shop, null, NOW)).ok).toBe(true);
    tokenEndpoint(() => HttpResponse.json(pair("a-installed", "r-installed")));
    await source(a).exchange(shop, await sessionToken(shop));
    expect(hits[0]?.body).toMatchObject({
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
      expiring: "1",
    });
    expect(await a.shops.tokens(shop)).toMatchObject({ ok: true, value: { accessToken: "a-installed", refreshToken: "r-installed" } });
  });
});

describe("redemption's Admin API calls go through tokenFor", () => {
  it("a code created after the token expired carries the refreshed token", async () => {
    const shop = await shopWithPair("issuer", 1 * MIN);
    tokenEndpoint(() => HttpResponse.json(pair("a-fresh", "r-fresh")));
    const sent: (string | null)[] = [];
    mock.use(
      graphql.link(`https://${shop}/admin/api/2026-10/graphql.json`).mutation("KinshipRewardCode", ({ request }) => {
        sent.push(request.headers.get("x-shopify-access-token"));
        return HttpResponse.json({
          data: { discountCodeBasicCreate: { codeDiscountNode: { id: "gid://shopify/DiscountCodeNode/9" }, userErrors: [] } },
        });
      }),
    );
    const tokens = source(a);
    const issuer = shopifyIssuer({ shop, apiVersion: "2026-10", accessToken: () => tokens.tokenFor(shop) });
    const issued = await issuer.issue({
      program: shop,
      customerId: "1",
      reward: { id: "five", name: "$5 off", cost: 500, kind: "amountOff", value: 500, enabled: true },
      code: "KIN-TEST-1",
      currency: "USD",
      now: NOW,
    });
    expect(issued.ok).toBe(true);
    expect(sent).toEqual(["a-fresh"]);
    expect(hits).toHaveLength(1);
  });
});
