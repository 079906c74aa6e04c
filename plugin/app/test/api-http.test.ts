import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { createProgram, webhookSecret } from "@kinship/engine/store";
import { createMemberToken } from "@kinship/member-token";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../test/support/engine-db.ts";
import { programConfig, rewards } from "../../../test/support/program-fixture.ts";
import { gql, paidOrder } from "./api-support.ts";
import { type Harness, startHarness } from "./support.ts";

const ORIGIN = "https://shop.example.com";
const PROGRAM = `headless-${process.pid}`;

let h: Harness;
let empty: Harness;
let emptyDir: string;

beforeAll(async () => {
  emptyDir = await mkdtemp(join(tmpdir(), "kinship-no-widgets-"));
  h = await startHarness("app_api_http", {
    corsOrigins: [ORIGIN],
    storefrontUrl: (p) => (p === PROGRAM ? "https://shop.example.com/" : null),
  });
  empty = await startHarness("app_api_nowidgets", { widgetsDir: emptyDir });
  const now = new Date();
  const created = await createProgram(dbOf(h.engine), {
    key: PROGRAM,
    platform: "custom",
    config: programConfig({ tiers: [{ key: "member", name: "Member", threshold: 0 }], rewards: [rewards.fiveOff] }),
    actor: "test",
    now,
  });
  if (!created.ok) throw new Error(created.error.message);
  await h.engine.apply(PROGRAM, paidOrder("o-1", "c-1", 80_000), now);
});
afterAll(async () => {
  await h?.close();
  await empty?.close();
  await rm(emptyDir, { recursive: true, force: true });
});

async function memberHeaders(customerId = "c-1") {
  const secret = (await webhookSecret(dbOf(h.engine), PROGRAM)) ?? "";
  return { authorization: `Bearer ${await createMemberToken({ secret, program: PROGRAM, customerId })}` };
}

describe("CORS on /storefront/graphql", () => {
  it("grants a configured origin its preflight and answers, and no one else", async () => {
    const preflight = (origin: string) =>
      fetch(`${h.url}/storefront/graphql`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
      });
    const ok = await preflight(ORIGIN);
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(ok.headers.get("access-control-allow-headers")).toContain("authorization");
    const other = await preflight("https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();

    const answer = await gql(`${h.url}/storefront/graphql`, "{ me { customerId } }", {
      headers: { origin: ORIGIN, ...(await memberHeaders()) },
    });
    expect(answer.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(answer.headers.get("vary")).toContain("Origin");
    const refused = await gql(`${h.url}/storefront/graphql`, "{ me { customerId } }", { headers: { origin: "https://evil.example" } });
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("the admin surface has no CORS at all", async () => {
    const res = await fetch(`${h.url}/admin/graphql`, {
      method: "OPTIONS",
      headers: { origin: ORIGIN, "access-control-request-method": "POST" },
    });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("redemption and referral links through the storefront", () => {
  it("a member redeems a reward (local codes for a program without a platform); the points go", async () => {
    const headers = await memberHeaders();
    const answer = await gql(`${h.url}/storefront/graphql`, 'mutation { redeem(rewardId: "five-off") { rewardId code points } }', {
      headers,
    });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.redeem).toMatchObject({ rewardId: "five-off", points: 500 });
    const me = await gql(`${h.url}/storefront/graphql`, "{ me { points { available } } }", { headers });
    expect(me.body.data?.me).toEqual({ points: { available: 300 } });
  });

  it("a member's referral link is on the program's storefront, stable, and says nothing of their id", async () => {
    const link = async (id: string) =>
      (await gql(`${h.url}/storefront/graphql`, "{ referralLink }", { headers: await memberHeaders(id) })).body.data
        ?.referralLink as string;
    const first = await link("c-1");
    expect(first).toMatch(/^https:\/\/shop\.example\.com\/\?ref=[A-Za-z0-9_-]{12}$/);
    expect(await link("c-1")).toBe(first);
    expect(await link("c-2")).not.toBe(first);
    expect(first).not.toContain("c-1");
    const guest = await gql(`${h.url}/storefront/graphql`, "{ referralLink }", { headers: { "x-kinship-program": PROGRAM } });
    expect(guest.body.data?.referralLink).toBeNull();
  });
});

describe("the widgets' files", () => {
  it("serves embed.js as JavaScript, gzipped on request, with an ETag; a versioned URL is immutable", async () => {
    const res = await fetch(`${h.url}/widgets/embed.js`, { headers: { "accept-encoding": "gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toContain("max-age=86400");
    const etag = res.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect((await res.text()).length).toBeGreaterThan(1000);
    const versioned = await fetch(`${h.url}/widgets/embed.js?v=${etag.slice(1, -1)}`);
    expect(versioned.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const again = await fetch(`${h.url}/widgets/embed.js`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    const raw = await import("node:http").then(
      (http) =>
        new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
          http
            .get(`${h.url}/widgets/widgets.js`, { headers: { "accept-encoding": "gzip" } }, (r) => {
              const chunks: Buffer[] = [];
              r.on("data", (c: Buffer) => chunks.push(c));
              r.on("end", () => resolve({ encoding: r.headers["content-encoding"], body: Buffer.concat(chunks) }));
            })
            .on("error", reject);
        }),
    );
    expect(raw.encoding).toBe("gzip");
    expect(gunzipSync(raw.body).toString()).toContain("kinship");
  });

  it("answers 503 saying how to build them when they are not built", async () => {
    const res = await fetch(`${empty.url}/widgets/embed.js`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("npm run build");
  });
});
