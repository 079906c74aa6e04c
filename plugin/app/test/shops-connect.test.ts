import { randomUUID } from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import type { Engine } from "@kinship/engine";
import { HttpResponse } from "msw";
import { graphql } from "msw/graphql";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { dbOf, openEngineOwningDb, TEST_TOKEN_KEY } from "../../../test/support/engine-db.ts";
import { isolatedDatabase } from "../../../test/support/isolated.ts";
import { kinshipShopify } from "../src/kinship-cli.ts";

/**
 * `kinship-shopify shops connect` (the engine's command with the app's shop query) against a real
 * Postgres; only Shopify's Admin API is mocked, by msw.
 */
const mock = setupServer();
let db: { url: string; drop(): Promise<void> };
let engine: Engine;

beforeAll(async () => {
  mock.listen({ onUnhandledFrame: "error" });
  db = await isolatedDatabase("app_shops_connect");
  engine = await openEngineOwningDb({ databaseUrl: db.url, tokenKey: TEST_TOKEN_KEY });
});
afterEach(() => {
  mock.resetHandlers();
});
afterAll(async () => {
  mock.close();
  await engine?.close();
  await db?.drop();
});

async function run(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.setEncoding("utf8").on("data", (d: string) => {
    out += d;
  });
  stderr.setEncoding("utf8").on("data", (d: string) => {
    err += d;
  });
  const code = await kinshipShopify(args, {
    stdout,
    stderr,
    stdin: Readable.from([]),
    env: { DATABASE_URL: db.url, KINSHIP_TOKEN_KEY: TEST_TOKEN_KEY },
    cwd: process.cwd(),
  });
  return { code, stdout: out, stderr: err };
}

/** The shop query on the shop's Admin API at the pinned version; records the token each call carried. */
function shopQuery(shop: string, answer: (n: number) => Response): (string | null)[] {
  const tokens: (string | null)[] = [];
  mock.use(
    graphql.link(`https://${shop}/admin/api/2026-10/graphql.json`).query("KinshipShopSettings", ({ request }) => {
      tokens.push(request.headers.get("x-shopify-access-token"));
      return answer(tokens.length);
    }),
  );
  return tokens;
}

const settings = (currencyCode: string, ianaTimezone: string) => HttpResponse.json({ data: { shop: { currencyCode, ianaTimezone } } });
const newDomain = (name: string) => `${name}-${randomUUID().slice(0, 8)}.myshopify.com`;

async function configOf(shop: string) {
  const p = await engine.program(shop);
  return p.ok ? { currency: p.value.config.currency, timezone: p.value.config.timezone } : null;
}

describe("kinship-shopify shops connect", () => {
  it("reads a new program's currency and time zone from the shop, with the given token", async () => {
    const shop = newDomain("tokyo");
    const asked = shopQuery(shop, () => settings("JPY", "Asia/Tokyo"));
    const r = await run(["shops", "connect", shop, "--access-token", "shpat_tokyo"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain(`connected ${shop}: program ${shop}, JPY, Asia/Tokyo`);
    expect(asked).toEqual(["shpat_tokyo"]);
    expect(await configOf(shop)).toEqual({ currency: "JPY", timezone: "Asia/Tokyo" });
    expect(await engine.shops.tokens(shop)).toMatchObject({ ok: true, value: { installed: true, accessToken: "shpat_tokyo" } });
  });

  it("both options given: Shopify is not asked", async () => {
    const shop = newDomain("flags");
    const asked = shopQuery(shop, () => settings("JPY", "Asia/Tokyo"));
    const r = await run(["shops", "connect", shop, "--access-token", "shpat_f", "--currency", "CAD", "--timezone", "America/Toronto"]);
    expect(r.code).toBe(0);
    expect(asked).toEqual([]);
    expect(await configOf(shop)).toEqual({ currency: "CAD", timezone: "America/Toronto" });
  });

  it("one option given: it wins, the other comes from the shop", async () => {
    const shop = newDomain("half");
    const asked = shopQuery(shop, () => settings("GBP", "Europe/London"));
    const r = await run(["shops", "connect", shop, "--access-token", "shpat_h", "--timezone", "Europe/Dublin"]);
    expect(r.code).toBe(0);
    expect(asked).toHaveLength(1);
    expect(await configOf(shop)).toEqual({ currency: "GBP", timezone: "Europe/Dublin" });
  });

  const failures: [string, () => Response, RegExp][] = [
    ["a refused token (HTTP 401)", () => new HttpResponse("[API] Invalid API key or access token", { status: 401 }), /HTTP 401/],
    [
      "a GraphQL error",
      () => HttpResponse.json({ errors: [{ message: "Access denied for shop field." }] }),
      /Access denied for shop field/,
    ],
    ["an answer without the fields", () => HttpResponse.json({ data: { shop: null } }), /did not give .*currency and time zone/],
    ["HTTP 503, twice", () => new HttpResponse("unavailable", { status: 503 }), /HTTP 503/],
  ];
  it.each(failures)("the shop query failing (%s): a clear error, nothing stored", async (_name, fail, reason) => {
    const shop = newDomain("fails");
    shopQuery(shop, fail);
    const r = await run(["shops", "connect", shop, "--access-token", "shpat_bad"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      new RegExp(
        `^kinship: could not read ${shop.replace(/\./g, "\\.")}'s currency and time zone from Shopify|^kinship: Shopify did not give`,
      ),
    );
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).toContain("nothing was stored (or pass --currency and --timezone)");
    expect(await engine.shops.find(shop)).toBeNull();
    expect(await configOf(shop)).toBeNull();
    const rows = await dbOf(engine).selectFrom("kinship_program").select("key").where("key", "=", shop).execute();
    expect(rows).toEqual([]);
  });
});
