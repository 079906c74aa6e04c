import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Engine } from "@kinship/engine";
import { createMemoryQueue } from "@kinship/webhooks";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import type { FastifyInstance } from "fastify";
import { HttpResponse, http } from "msw";
import { graphql } from "msw/graphql";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { dbOf, openEngineOwningDb, TEST_TOKEN_KEY } from "../../../test/support/engine-db.ts";
import { isolatedDatabase } from "../../../test/support/isolated.ts";
import { buildServer } from "../src/server.ts";
import { paidOrder, sessionToken } from "./api-support.ts";
import { API_KEY, SECRET } from "./support.ts";

/**
 * The embedded app's home as buildServer serves it (requests by inject, a real engine with a
 * token key), with Shopify's token endpoint (POST https://{shop}/admin/oauth/access_token) and
 * Admin API (the install's `shop { currencyCode ianaTimezone }`, the member-price discount's creation)
 * mocked by msw and nothing else.
 * Unless a test says otherwise every shop is a USD shop in UTC.
 */
const mock = setupServer(
  http.post("https://:shop/admin/api/:version/graphql.json", async ({ request }) => {
    // After the install, Kinship switches member prices on at checkout (shopify-discount.test.ts tells that story).
    if (((await request.json()) as { query: string }).query.includes("discountAutomaticAppCreate"))
      return HttpResponse.json({
        data: {
          discountAutomaticAppCreate: { automaticAppDiscount: { discountId: "gid://shopify/DiscountAutomaticNode/1" }, userErrors: [] },
        },
      });
    return HttpResponse.json({ data: { shop: { currencyCode: "USD", ianaTimezone: "UTC" } } });
  }),
);
let db: { url: string; drop(): Promise<void> };
let engine: Engine;
let app: FastifyInstance;

interface Hit {
  shop: string;
  body: Record<string, string>;
}
let hits: Hit[] = [];

beforeAll(async () => {
  mock.listen({ onUnhandledFrame: "error" });
  // shopify-api captured fetch when it loaded: give it the one msw patched.
  setAbstractFetchFunc(globalThis.fetch);
  db = await isolatedDatabase("app_home_shell");
  engine = await openEngineOwningDb({ databaseUrl: db.url, tokenKey: TEST_TOKEN_KEY });
  app = buildServer({ engine, queue: createMemoryQueue(), shopify: { apiKey: API_KEY, apiSecret: SECRET }, logLevel: "silent" });
  await app.ready();
});
afterEach(() => {
  mock.resetHandlers();
  hits = [];
});
afterAll(async () => {
  mock.close();
  await app?.close();
  await engine?.close();
  await db?.drop();
});

function tokenEndpoint(answer: (hit: Hit) => Response) {
  mock.use(
    http.post("https://:shop/admin/oauth/access_token", async ({ request, params }) => {
      const hit = { shop: String(params.shop), body: (await request.json()) as Record<string, string> };
      hits.push(hit);
      return answer(hit);
    }),
  );
}

const pair = (access: string, refresh: string, scope = "read_customers,read_orders,read_products,write_customers,write_discounts") => ({
  access_token: access,
  scope,
  expires_in: 3600,
  refresh_token: refresh,
  refresh_token_expires_in: 7_776_000,
});

const newDomain = (name: string) => `${name}-${randomUUID().slice(0, 8)}.myshopify.com`;

function csp(res: { headers: Record<string, unknown> }): string {
  const value = res.headers["content-security-policy"];
  expect(typeof value, "content-security-policy").toBe("string");
  return value as string;
}

async function session(token: string | null) {
  const res = await app.inject({
    method: "POST",
    url: "/app/session",
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: res.statusCode, headers: res.headers, body: res.json() as Record<string, unknown> };
}

async function programCount(): Promise<number> {
  const row = await dbOf(engine)
    .selectFrom("kinship_program")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("GET /app", () => {
  it("is the shell for the shop: framed by its admin only, App Bridge from Shopify's CDN first, the API key in its meta", async () => {
    const shop = "corner-store.myshopify.com";
    const host = Buffer.from("admin.shopify.com/store/corner-store").toString("base64url");
    const res = await app.inject(`/app?embedded=1&hmac=abc&host=${host}&id_token=x.y.z&locale=en&shop=${shop}&timestamp=1767225600`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    const policy = csp(res);
    expect(policy).toContain(`frame-ancestors https://${shop} https://admin.shopify.com`);
    // Scripts: App Bridge's CDN folder and this origin's bundle, never inline.
    expect(policy).toContain("script-src 'self' https://cdn.shopify.com/shopifycdn/;");
    expect(policy.split("; ").find((d) => d.startsWith("script-src"))).not.toContain("unsafe-inline");
    expect(res.body).toContain(`<meta name="shopify-api-key" content="${API_KEY}">`);
    const scripts = [...res.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts[0]?.[1]).toBe(' src="https://cdn.shopify.com/shopifycdn/app-bridge.js"');
    for (const script of scripts) expect(script[2]).toBe("");
    // Nothing from the request is written into the page.
    expect(res.body).not.toContain("corner-store");
  });

  it("every screen's path is the same shell; other paths under /app are not", async () => {
    const shop = "corner-store.myshopify.com";
    for (const path of [
      "/app/settings",
      "/app/members",
      "/app/activity",
      "/app/dashboard",
      "/app/members/gid%3A%2F%2Fshopify%2FCustomer%2F7",
    ]) {
      const res = await app.inject(`${path}?shop=${shop}`);
      expect(res.statusCode, path).toBe(200);
      expect(csp(res)).toContain(`frame-ancestors https://${shop} https://admin.shopify.com`);
    }
    expect((await app.inject(`/app/nowhere?shop=${shop}`)).statusCode).toBe(404);
    expect((await app.inject("/app/settings")).statusCode).toBe(400);
    // No dev sign-in on a server with a Shopify app.
    expect((await app.inject("/app/dev/token")).statusCode).toBe(404);
  });

  it("links the built admin by its hashed names, served immutable for a year, gzipped when asked", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kinship-admin-"));
    await writeFile(join(dir, "app-ABC123.js"), "console.log('admin');\n");
    await writeFile(join(dir, "polaris-def456.css"), "body{margin:0}\n");
    await writeFile(join(dir, "manifest.json"), JSON.stringify({ script: "app-ABC123.js", stylesheet: "polaris-def456.css" }));
    const built = buildServer({
      engine,
      queue: createMemoryQueue(),
      shopify: { apiKey: API_KEY, apiSecret: SECRET },
      logLevel: "silent",
      adminDir: dir,
    });
    try {
      const page = await built.inject("/app?shop=corner-store.myshopify.com");
      expect(page.body).toContain('<script type="module" src="/app/assets/app-ABC123.js"></script>');
      expect(page.body).toContain('<link rel="stylesheet" href="/app/assets/polaris-def456.css">');
      expect(page.body.indexOf("app-bridge.js")).toBeLessThan(page.body.indexOf("app-ABC123.js"));
      const js = await built.inject({ url: "/app/assets/app-ABC123.js", headers: { "accept-encoding": "gzip" } });
      expect(js.statusCode).toBe(200);
      expect(js.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(js.headers["content-type"]).toBe("text/javascript; charset=utf-8");
      expect(js.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(js.rawPayload).toString()).toBe("console.log('admin');\n");
      expect((await built.inject("/app/assets/polaris-def456.css")).headers["content-type"]).toBe("text/css; charset=utf-8");
      expect((await built.inject("/app/assets/manifest.json")).statusCode).toBe(404);
      expect((await built.inject("/app/assets/..%2Fmanifest.json")).statusCode).toBe(404);
    } finally {
      await built.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("without a built admin the shell says how to build it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kinship-admin-none-"));
    const built = buildServer({
      engine,
      queue: createMemoryQueue(),
      shopify: { apiKey: API_KEY, apiSecret: SECRET },
      logLevel: "silent",
      adminDir: dir,
    });
    try {
      const page = await built.inject("/app?shop=corner-store.myshopify.com");
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("npm run build -w @kinship/admin");
    } finally {
      await built.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  const bad: [string, string][] = [
    ["no shop", ""],
    ["a shop that is not a myshopify domain", "?shop=evil.example"],
    ["a myshopify look-alike", "?shop=corner-store.myshopify.com.evil.example"],
    ["a shop with markup", "?shop=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E.myshopify.com"],
    ["the shop twice", "?shop=corner-store.myshopify.com&shop=other-store.myshopify.com"],
    ["an upper-case shop", "?shop=Corner-Store.myshopify.com"],
  ];
  it.each(bad)("%s → 400, a plain page nobody may frame, nothing echoed", async (_name, query) => {
    const res = await app.inject(`/app${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(csp(res)).toContain("frame-ancestors 'none'");
    expect(csp(res)).toContain("default-src 'none'");
    expect(res.body).not.toContain("<script");
    for (const raw of ["evil", "alert", "corner-store", "Corner-Store", "other-store", API_KEY]) expect(res.body).not.toContain(raw);
  });

  it("GET / from inside the admin now redirects to /app", async () => {
    const shop = "corner-store.myshopify.com";
    const query = `shop=${shop}&host=${Buffer.from(`${shop}/admin`).toString("base64url")}&embedded=1`;
    const res = await app.inject(`/?${query}`);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/app?${query}`);
  });
});

describe("POST /app/session", () => {
  it("first open of a shop never seen: one token exchange, the program created, its status answered; the next open exchanges nothing", async () => {
    const shop = newDomain("install");
    tokenEndpoint(() => HttpResponse.json(pair("a-installed", "r-installed")));
    const token = await sessionToken(shop);
    const first = await session(token);
    expect(first.status).toBe(200);
    expect(first.headers["cache-control"]).toBe("private, no-store");
    expect(first.body).toEqual({
      ok: true,
      shop,
      program: shop,
      name: "Kinship rewards",
      token: { held: true },
      exchanged: true,
      members: 0,
      tiers: [
        { key: "member", name: "Member", threshold: 0 },
        { key: "silver", name: "Silver", threshold: 500 },
        { key: "gold", name: "Gold", threshold: 2000 },
      ],
      configVersion: 1,
      currency: "USD",
      timezone: "UTC",
      apiKey: API_KEY,
      // The grant has no read_themes: the launcher embed cannot be read.
      themeEmbed: "unknown",
      // The install switched member prices on at checkout (the mocked discountAutomaticAppCreate).
      memberPricesActive: true,
    });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      shop,
      body: {
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: token,
        requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
        expiring: "1",
      },
    });
    expect(await engine.shops.tokens(shop)).toMatchObject({ ok: true, value: { installed: true, accessToken: "a-installed" } });
    const row = await dbOf(engine).selectFrom("kinship_shop").selectAll().where("domain", "=", shop).executeTakeFirstOrThrow();
    expect(row.access_token).toBeNull();
    expect(row.access_token_sealed).not.toContain("a-installed");

    await engine.apply(shop, paidOrder("o-1", "c-1", 1_000), new Date());
    const second = await session(await sessionToken(shop, { sub: "43" }));
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ ok: true, exchanged: false, token: { held: true }, members: 1 });
    expect(hits).toHaveLength(1);
  });

  it("the exchange records the scopes Shopify granted; required ones missing show in the status and the shell", async () => {
    const shop = newDomain("partial");
    tokenEndpoint(() => HttpResponse.json(pair("a-partial", "r-partial", "read_customers,read_orders,write_discounts")));
    const first = await session(await sessionToken(shop));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ok: true, exchanged: true, token: { held: true } });
    expect(first.body.scopesProblem).toEqual({
      missing: ["read_products", "write_customers"],
      message: expect.stringMatching(/^Kinship does not have the access it needs: read_products \(the catalog\), write_customers \(/),
    });
    expect(await engine.shops.scopes(shop)).toMatchObject({ granted: ["read_customers", "read_orders", "write_discounts"] });
  });

  it("a shop connected with a working token is not exchanged", async () => {
    const shop = newDomain("connected");
    expect((await engine.shops.connect(shop, "shpat_custom", new Date())).ok).toBe(true);
    tokenEndpoint(() => HttpResponse.json(pair("x", "y")));
    const res = await session(await sessionToken(shop));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, shop, exchanged: false, token: { held: true } });
    expect(hits).toHaveLength(0);
  });

  it("a forged, expired or foreign token is 401: no exchange, nothing stored", async () => {
    const shop = newDomain("forged");
    tokenEndpoint(() => HttpResponse.json(pair("x", "y")));
    const programs = await programCount();
    const tokens: Record<string, string | null> = {
      "no token": null,
      "not a JWT": "not-a-token",
      "another app's secret": await sessionToken(shop, { secret: "another-app-secret" }),
      expired: await sessionToken(shop, { expiresIn: -60 }),
      "another app's API key": await sessionToken(shop, { aud: "another-key" }),
      "iss of another shop": await sessionToken(shop, { iss: "https://other-store.myshopify.com/admin" }),
      "not a myshopify shop": await sessionToken("evil.example"),
    };
    for (const [name, token] of Object.entries(tokens)) {
      const res = await session(token);
      expect(res.status, name).toBe(401);
      expect(res.body.ok, name).toBe(false);
      expect(typeof res.body.error, name).toBe("string");
    }
    expect((await session(tokens.expired ?? null)).headers["x-shopify-retry-invalid-session-request"]).toBe("1");
    expect(hits).toHaveLength(0);
    expect(await engine.shops.find(shop)).toBeNull();
    expect(await programCount()).toBe(programs);
  });

  it("Shopify refusing the exchange for a new shop: a clear error, nothing stored", async () => {
    const shop = newDomain("refused");
    tokenEndpoint(() =>
      HttpResponse.json({ error: "invalid_subject_token", error_description: "The session token is not valid" }, { status: 400 }),
    );
    const programs = await programCount();
    const res = await session(await sessionToken(shop));
    expect(res.status).toBe(502);
    expect(res.body).toEqual({
      ok: false,
      error: `Shopify refused the token exchange for ${shop} (HTTP 400, invalid_subject_token: The session token is not valid)`,
    });
    expect(hits).toHaveLength(1);
    expect(await engine.shops.find(shop)).toBeNull();
    expect(await programCount()).toBe(programs);
  });

  it("a shop flagged as needing a new exchange: a refusal keeps it usable on its valid old token; a success replaces the token", async () => {
    const shop = newDomain("flagged");
    const now = new Date();
    expect((await engine.shops.connect(shop, null, now)).ok).toBe(true);
    const saved = await engine.shops.saveTokens(
      shop,
      { accessToken: "a-old", accessTokenExpiresAt: new Date(now.getTime() + 30 * 60_000), refreshToken: "r-old" },
      now,
    );
    expect(saved.ok).toBe(true);
    await engine.shops.refuseRefresh(shop, "invalid_grant", now);

    tokenEndpoint(() => HttpResponse.json({ error: "invalid_subject_token" }, { status: 400 }));
    const refused = await session(await sessionToken(shop));
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ ok: true, shop, exchanged: false, token: { held: true } });
    expect(refused.body.problem).toBe(
      `Shopify refused the token exchange for ${shop} (HTTP 400, invalid_subject_token). Kinship keeps using the shop's current token until it expires.`,
    );
    expect(await engine.shops.tokens(shop)).toMatchObject({
      ok: true,
      value: { accessToken: "a-old", refused: { reason: "invalid_grant" } },
    });

    mock.resetHandlers();
    tokenEndpoint(() => HttpResponse.json(pair("a-new", "r-new")));
    const ok = await session(await sessionToken(shop));
    expect(ok.body).toMatchObject({ ok: true, exchanged: true, token: { held: true } });
    expect(ok.body.problem).toBeUndefined();
    expect(await engine.shops.tokens(shop)).toMatchObject({
      ok: true,
      value: { accessToken: "a-new", refreshToken: "r-new", refused: null },
    });
  });

  it("an uninstalled shop that opens the app again is reinstalled by the exchange", async () => {
    const shop = newDomain("back");
    expect((await engine.shops.connect(shop, "shpat_old", new Date())).ok).toBe(true);
    await engine.shops.markUninstalled(shop, new Date());
    tokenEndpoint(() => HttpResponse.json(pair("a-back", "r-back")));
    const res = await session(await sessionToken(shop));
    expect(res.body).toMatchObject({ ok: true, exchanged: true, token: { held: true } });
    expect(await engine.shops.tokens(shop)).toMatchObject({ ok: true, value: { installed: true, accessToken: "a-back" } });
  });
});

describe("install: the shop's currency and time zone from Shopify", () => {
  interface AdminHit {
    token: string | null;
  }
  /** The install's shop query on the shop's Admin API (the pinned version), answered by `answer`. */
  function shopQuery(shop: string, answer: (n: number) => Response | Promise<Response>): AdminHit[] {
    const seen: AdminHit[] = [];
    mock.use(
      graphql.link(`https://${shop}/admin/api/2026-10/graphql.json`).query("KinshipShopSettings", ({ request }) => {
        seen.push({ token: request.headers.get("x-shopify-access-token") });
        return answer(seen.length);
      }),
    );
    return seen;
  }
  const settings = (currencyCode: string, ianaTimezone: string) => HttpResponse.json({ data: { shop: { currencyCode, ianaTimezone } } });

  it("an EUR shop in Europe/Paris: the program is created in EUR with that time zone, read with the new token", async () => {
    const shop = newDomain("paris");
    tokenEndpoint(() => HttpResponse.json(pair("a-paris", "r-paris")));
    const asked = shopQuery(shop, () => settings("EUR", "Europe/Paris"));
    const res = await session(await sessionToken(shop));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, shop, exchanged: true, currency: "EUR", timezone: "Europe/Paris" });
    expect(res.body.currencyProblem).toBeUndefined();
    expect(asked).toEqual([{ token: "a-paris" }]);
    const program = await engine.program(shop);
    expect(program.ok && program.value.config.currency).toBe("EUR");
    expect(program.ok && program.value.config.timezone).toBe("Europe/Paris");

    // The next open exchanges nothing and asks Shopify nothing.
    const again = await session(await sessionToken(shop, { sub: "43" }));
    expect(again.body).toMatchObject({ ok: true, exchanged: false, currency: "EUR", timezone: "Europe/Paris" });
    expect(asked).toHaveLength(1);
  });

  const failures: [string, () => Response, number, RegExp][] = [
    ["a network failure, twice", () => HttpResponse.error(), 2, /could not reach Shopify/],
    ["HTTP 503, twice", () => new HttpResponse("unavailable", { status: 503 }), 2, /HTTP 503/],
    [
      "THROTTLED (HTTP 200), twice",
      () =>
        HttpResponse.json({
          errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
          extensions: { cost: { requestedQueryCost: 1, throttleStatus: { currentlyAvailable: 0, restoreRate: 100 } } },
        }),
      2,
      /still throttling/,
    ],
    [
      "a GraphQL error (not retried)",
      () => HttpResponse.json({ errors: [{ message: "Access denied for shop field." }] }),
      1,
      /Access denied/,
    ],
    ["an answer without the fields", () => HttpResponse.json({ data: { shop: null } }), 1, /did not give/],
  ];
  it.each(failures)(
    "the shop query failing (%s): a clear error, nothing stored, the next open installs",
    async (_name, fail, calls, reason) => {
      const shop = newDomain("noquery");
      tokenEndpoint(() => HttpResponse.json(pair("a-first", "r-first")));
      const asked = shopQuery(shop, fail);
      const programs = await programCount();
      const res = await session(await sessionToken(shop));
      expect(res.status).toBe(502);
      expect(res.body.ok).toBe(false);
      expect(res.body.error).toMatch(new RegExp(`^Kinship could not be installed on ${shop.replace(/\./g, "\\.")}: `));
      expect(res.body.error).toMatch(reason);
      expect(res.body.error).toContain("Nothing was stored");
      expect(asked).toHaveLength(calls);
      expect(await engine.shops.find(shop)).toBeNull();
      expect(await programCount()).toBe(programs);

      mock.resetHandlers();
      tokenEndpoint(() => HttpResponse.json(pair("a-second", "r-second")));
      shopQuery(shop, () => settings("EUR", "Europe/Paris"));
      const retried = await session(await sessionToken(shop, { sub: "43" }));
      expect(retried.body).toMatchObject({ ok: true, exchanged: true, currency: "EUR", timezone: "Europe/Paris" });
      expect(await engine.shops.tokens(shop)).toMatchObject({ ok: true, value: { installed: true, accessToken: "a-second" } });
    },
  );

  it("one network failure then an answer: retried once, installed", async () => {
    const shop = newDomain("flaky");
    tokenEndpoint(() => HttpResponse.json(pair("a-flaky", "r-flaky")));
    const asked = shopQuery(shop, (n) => (n === 1 ? HttpResponse.error() : settings("GBP", "Europe/London")));
    const res = await session(await sessionToken(shop));
    expect(res.body).toMatchObject({ ok: true, exchanged: true, currency: "GBP", timezone: "Europe/London" });
    expect(asked).toHaveLength(2);
  });

  it("an order in USD to an EUR program: the status shows a currency problem with count 1, and the shell's text", async () => {
    const shop = newDomain("mismatch");
    tokenEndpoint(() => HttpResponse.json(pair("a-mm", "r-mm")));
    shopQuery(shop, () => settings("EUR", "Europe/Paris"));
    expect((await session(await sessionToken(shop))).body).toMatchObject({ ok: true, currency: "EUR" });

    const usd = paidOrder("o-usd", "c-1", 1_000);
    const applied = await engine.apply(shop, usd, new Date());
    expect(applied.ok && applied.value.status).toBe("ignored");
    // Delivered again: still one order.
    await engine.apply(shop, usd, new Date());
    // An order in the program's currency earns and is no problem.
    expect((await engine.apply(shop, { ...paidOrder("o-eur", "c-1", 1_000), currency: "EUR" }, new Date())).ok).toBe(true);

    const res = await session(await sessionToken(shop, { sub: "43" }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, currency: "EUR", timezone: "Europe/Paris", members: 1 });
    expect(res.body.problem).toBeUndefined();
    expect(res.body.currencyProblem).toEqual({
      orders: 1,
      currencies: ["USD"],
      message: "1 order in USD earned no points: the program's currency is EUR.",
    });
    expect(await engine.programs.currencyMismatches(shop)).toEqual({ orders: 1, currencies: ["USD"] });
  });

  const WITH_THEMES = "read_customers,read_orders,read_products,read_themes,write_customers,write_discounts";
  const settingsData = (blocks: Record<string, { type: string; disabled?: boolean }>) =>
    `/*\n * IMPORTANT: The contents of this file are auto-generated.\n */\n${JSON.stringify({ current: { blocks }, presets: {} })}`;

  function themeQuery(shop: string, answer: () => Response): { token: string | null }[] {
    const seen: { token: string | null }[] = [];
    mock.use(
      graphql.link(`https://${shop}/admin/api/2026-10/graphql.json`).query("KinshipThemeEmbed", ({ request }) => {
        seen.push({ token: request.headers.get("x-shopify-access-token") });
        return answer();
      }),
    );
    return seen;
  }
  const theme = (content: string) => HttpResponse.json({ data: { themes: { nodes: [{ files: { nodes: [{ body: { content } }] } }] } } });

  it("with read_themes, the launcher embed's state comes from the main theme's settings_data.json", async () => {
    const shop = newDomain("themes");
    tokenEndpoint(() => HttpResponse.json(pair("a-themes", "r-themes", WITH_THEMES)));
    let blocks: Record<string, { type: string; disabled?: boolean }> = {
      "1": { type: "shopify://apps/kinship/blocks/kinship-launcher/0f3c", disabled: false },
      "2": { type: "shopify://apps/other/blocks/chat/aa11" },
    };
    const asked = themeQuery(shop, () => theme(settingsData(blocks)));
    expect((await session(await sessionToken(shop))).body).toMatchObject({ ok: true, themeEmbed: "on" });
    expect(asked).toEqual([{ token: "a-themes" }]);

    blocks = { "1": { type: "shopify://apps/kinship/blocks/kinship-launcher/0f3c", disabled: true } };
    expect((await session(await sessionToken(shop, { sub: "43" }))).body).toMatchObject({ ok: true, themeEmbed: "off" });
    blocks = { "2": { type: "shopify://apps/other/blocks/chat/aa11" } };
    expect((await session(await sessionToken(shop, { sub: "44" }))).body).toMatchObject({ ok: true, themeEmbed: "off" });
  });

  it("with read_themes but Shopify refusing or answering no theme: unknown, and the status still answers", async () => {
    const shop = newDomain("themes-refused");
    tokenEndpoint(() => HttpResponse.json(pair("a-tr", "r-tr", WITH_THEMES)));
    themeQuery(shop, () => HttpResponse.json({ errors: [{ message: "Access denied for themes field." }] }));
    expect((await session(await sessionToken(shop))).body).toMatchObject({ ok: true, themeEmbed: "unknown" });
    themeQuery(shop, () => HttpResponse.json({ data: { themes: { nodes: [] } } }));
    expect((await session(await sessionToken(shop, { sub: "43" }))).body).toMatchObject({ ok: true, themeEmbed: "unknown" });
  });
});
