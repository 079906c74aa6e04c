import { createHash } from "node:crypto";
import type { Engine } from "@kinship/engine";
import { createMemoryQueue } from "@kinship/webhooks";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEngineOwningDb } from "../../../test/support/engine-db.ts";
import { isolatedDatabase } from "../../../test/support/isolated.ts";
import { buildServer } from "../src/server.ts";
import { API_KEY, newShop, SECRET } from "./support.ts";

/**
 * GET / as the server answers it (buildServer on a real engine, requests by inject): the front
 * door outside Shopify, the admin's way in, and the Content-Security-Policy of every HTML page.
 */
let db: { url: string; drop(): Promise<void> };
let engine: Engine;
const servers: FastifyInstance[] = [];

beforeAll(async () => {
  db = await isolatedDatabase("app_home");
  engine = await openEngineOwningDb({ databaseUrl: db.url });
});

afterAll(async () => {
  for (const s of servers) await s.close();
  await engine?.close();
  await db?.drop();
});

/** A server as buildServer makes it (it serves the embedded app's home at /app). */
async function server(options: { demo?: { program: string; customerId: string } } = {}): Promise<FastifyInstance> {
  const app = buildServer({
    engine,
    queue: createMemoryQueue(),
    shopify: { apiKey: API_KEY, apiSecret: SECRET },
    logLevel: "silent",
    ...(options.demo ? { demo: options.demo } : {}),
  });
  servers.push(app);
  await app.ready();
  return app;
}

const b64url = (s: string) => Buffer.from(s).toString("base64url");
const b64 = (s: string) => Buffer.from(s).toString("base64");

const SHOP = "corner-store.myshopify.com";
const UNIFIED_HOST = b64url("admin.shopify.com/store/corner-store");
/** What Shopify's admin adds when it opens an app (identity comes from the app home's session token, not from these). */
const ADMIN_QUERY = `embedded=1&hmac=abc123&host=${UNIFIED_HOST}&id_token=x.y.z&locale=en&session=s1&shop=${SHOP}&timestamp=1767225600`;

function csp(res: { headers: Record<string, unknown> }): string {
  const value = res.headers["content-security-policy"];
  expect(typeof value, "content-security-policy").toBe("string");
  return value as string;
}

/** The plain page: accessible skeleton, no framing (or the shop's admin only), nothing from the request. */
function expectPlainPage(res: { statusCode: number; headers: Record<string, unknown>; body: string }, frame = "frame-ancestors 'none'") {
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
  expect(res.headers.location).toBeUndefined();
  const policy = csp(res);
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain(frame);
  expect(policy).not.toContain("script-src");
  expect(res.body).toMatch(/^<!doctype html>\n<html lang="en">/);
  expect(res.body).toContain("<title>Kinship</title>");
  expect(res.body).toContain("<h1>Kinship</h1>");
  expect(res.body).not.toContain("<script");
}

describe("GET / outside Shopify", () => {
  it("is a small page: what Kinship is, health, the admin API, the README by name; no demo link without the demo", async () => {
    const app = await server();
    const res = await app.inject("/");
    expectPlainPage(res);
    expect(res.body).toMatch(/Kinship is an open-source membership and loyalty engine/);
    expect(res.body).toContain('<a href="/healthz">');
    expect(res.body).toContain('<a href="/readyz">');
    expect(res.body).toContain("<code>POST /admin/graphql</code>");
    expect(res.body).toContain("<code>README.md</code>");
    expect(res.body).not.toMatch(/href="https?:/);
    expect(res.body).not.toContain('href="/demo"');
    // The app home is served at /app: the page says where merchants find Kinship.
    expect(res.body).toContain("Merchants open Kinship from their Shopify admin");
    expect(res.body).not.toContain("not served yet");
    // The inline stylesheet is allowed by its hash, so the policy stays script-free and exact.
    const style = /<style>([\s\S]*?)<\/style>/.exec(res.body)?.[1] ?? "";
    expect(csp(res)).toContain(`style-src 'sha256-${createHash("sha256").update(style).digest("base64")}'`);
    expect((await app.inject({ method: "HEAD", url: "/" })).statusCode).toBe(200);
  });

  it("links the demo storefront when the server runs it; the demo page gets frame-ancestors 'none' too", async () => {
    const program = await newShop(engine, "home-demo");
    const app = await server({ demo: { program, customerId: "7100000000001" } });
    const home = await app.inject("/");
    expectPlainPage(home);
    expect(home.body).toContain('<a href="/demo">');

    const demo = await app.inject("/demo");
    expect(demo.statusCode).toBe(200);
    expect(demo.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(demo.body).toContain("<kinship-price");
    // Only framing is restricted: the demo's inline scripts, import map and widgets still run.
    expect(csp(demo)).toBe("frame-ancestors 'none'");
  });

  it("no HTML answer leaves without a policy; JSON and scripts are left alone", async () => {
    const app = buildServer({ engine, queue: createMemoryQueue(), shopify: { apiKey: API_KEY, apiSecret: SECRET }, logLevel: "silent" });
    app.get("/probe", async (_req, res) => res.type("text/html; charset=utf-8").send("<!doctype html><title>x</title>"));
    servers.push(app);
    await app.ready();
    expect(csp(await app.inject("/probe"))).toBe("frame-ancestors 'none'");
    expect((await app.inject("/healthz")).headers["content-security-policy"]).toBeUndefined();
  });
});

describe("GET / from inside the Shopify admin", () => {
  it("redirects to the app home, query string as it came", async () => {
    const app = await server();
    for (const host of [UNIFIED_HOST, b64("admin.shopify.com/store/corner-store"), b64url(`${SHOP}/admin`), b64(`${SHOP}/admin`)]) {
      const query = `shop=${SHOP}&host=${encodeURIComponent(host)}&embedded=1`;
      const res = await app.inject(`/?${query}`);
      expect(res.statusCode, host).toBe(302);
      expect(res.headers.location).toBe(`/app?${query}`);
    }
    const res = await app.inject(`/?${ADMIN_QUERY}`);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/app?${ADMIN_QUERY}`);
    expect(res.headers["cache-control"]).toBe("no-store");
    // The redirect lands on the shell, framed by that shop's admin only.
    const shell = await app.inject(res.headers.location as string);
    expect(shell.statusCode).toBe(200);
    expect(csp(shell)).toContain(`frame-ancestors https://${SHOP} https://admin.shopify.com`);
    // Outside Shopify, the page says where the app lives.
    const page = await app.inject("/");
    expectPlainPage(page);
    expect(page.body).toContain("Merchants open Kinship from their Shopify admin");
  });

  const other = "other-store.myshopify.com";
  const malformed: [string, string][] = [
    ["a shop that is not a myshopify domain", `shop=evil.example&host=${b64url("evil.example/admin")}`],
    ["a myshopify look-alike", `shop=${SHOP}.evil.example&host=${b64url(`${SHOP}.evil.example/admin`)}`],
    ["an upper-case shop", `shop=Corner-Store.myshopify.com&host=${UNIFIED_HOST}`],
    ["a host of another shop", `shop=${SHOP}&host=${b64url("admin.shopify.com/store/other-store")}`],
    ["a host of another shop's admin", `shop=${SHOP}&host=${b64url(`${other}/admin`)}`],
    ["a host that is not an admin", `shop=${SHOP}&host=${b64url("evil.example/store/corner-store")}`],
    ["a host with trailing junk", `shop=${SHOP}&host=${UNIFIED_HOST}x`],
    ["a host that is not base64", `shop=${SHOP}&host=%3Cscript%3Ealert(1)%3C%2Fscript%3E`],
    ["no host", `shop=${SHOP}`],
    ["no shop", `host=${UNIFIED_HOST}`],
    ["an empty shop", `shop=&host=${UNIFIED_HOST}`],
    ["the shop twice", `shop=${SHOP}&shop=${other}&host=${UNIFIED_HOST}`],
    ["the host twice", `shop=${SHOP}&host=${UNIFIED_HOST}&host=${UNIFIED_HOST}`],
    ["a shop with markup", `shop=%22%3E%3Cimg%20src%3Dx%3E.myshopify.com&host=${UNIFIED_HOST}`],
  ];

  it.each(malformed)("%s → the plain page, not framable, nothing echoed", async (_name, query) => {
    const app = await server();
    const res = await app.inject(`/?${query}`);
    expectPlainPage(res);
    for (const raw of ["evil", "<script", "alert", "<img", "other-store", "corner-store", "Corner-Store"])
      expect(res.body).not.toContain(raw);
    expect(csp(res)).not.toMatch(/evil|myshopify/);
  });
});
