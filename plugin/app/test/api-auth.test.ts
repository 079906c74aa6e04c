import { createApiKey, revokeApiKey, webhookSecret } from "@kinship/engine/store";
import { createMemberToken } from "@kinship/member-token";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../test/support/engine-db.ts";
import { gql, paidOrder, proxyQuery, sessionToken } from "./api-support.ts";
import { type Harness, newShop, startHarness } from "./support.ts";

const ME = "{ me { customerId points { available } } }";
const ALICE = "1001"; // a customer of shop A
const BOB = "2002"; // a customer of shop B

let h: Harness;
let shopA: string;
let shopB: string;
let secretA: string;
let secretB: string;

beforeAll(async () => {
  h = await startHarness("app_api_auth");
  shopA = await newShop(h.engine, "alpha");
  shopB = await newShop(h.engine, "bravo");
  const now = new Date();
  for (const [shop, order, customer, amount] of [
    [shopA, "a-1", ALICE, 12_300],
    [shopB, "b-1", BOB, 45_600],
  ] as const) {
    const r = await h.engine.apply(shop, paidOrder(order, customer, amount), now);
    if (!r.ok) throw new Error(r.error.message);
  }
  secretA = (await webhookSecret(dbOf(h.engine), shopA)) ?? "";
  secretB = (await webhookSecret(dbOf(h.engine), shopB)) ?? "";
});
afterAll(async () => {
  await h.close();
});

const code = (a: { body: { errors?: { extensions?: { code?: string } }[] } }) => a.body.errors?.[0]?.extensions?.code;

/** Runs `send` and returns its answer with how many queries the server made meanwhile. */
async function counted<T>(send: () => Promise<T>): Promise<{ answer: T; queries: number }> {
  const before = h.queries();
  const answer = await send();
  return { answer, queries: h.queries() - before };
}

describe("the app proxy (/proxy/graphql)", () => {
  const proxy = (query: string, opts: Parameters<typeof gql>[2] = {}) => gql(`${h.url}/proxy/graphql?${query}`, ME, opts);

  it("a signed request reads the signed customer of the signed shop, by POST or GET", async () => {
    const { answer: post, queries } = await counted(() => proxy(proxyQuery(shopA, ALICE)));
    expect(post.status).toBe(200);
    expect(queries).toBeGreaterThan(0); // the counter sees the server's reads
    expect(post.body.data?.me).toEqual({ customerId: ALICE, points: { available: 123 } });
    expect(post.headers.get("cache-control")).toBe("private, no-store");
    const get = await proxy(proxyQuery(shopA, ALICE, { query: ME }), { method: "GET" });
    expect(get.body.data?.me).toEqual({ customerId: ALICE, points: { available: 123 } });
  });

  it("a forged, missing or stale signature is 401 and nothing is read", async () => {
    const good = proxyQuery(shopA, ALICE);
    const forged = proxyQuery(shopA, ALICE, {}, { secret: "not-the-app-secret" });
    const tampered = good.replace(`logged_in_customer_id=${ALICE}`, `logged_in_customer_id=${BOB}`);
    const missing = proxyQuery(shopA, ALICE, {}, { signature: null });
    const stale = proxyQuery(shopA, ALICE, {}, { timestamp: Math.floor(Date.now() / 1000) - 120 });
    for (const query of [forged, tampered, missing, stale]) {
      const { answer, queries } = await counted(() => proxy(query));
      expect(answer.status, query).toBe(401);
      expect(code(answer)).toBe("UNAUTHENTICATED");
      expect(answer.body.data).toBeUndefined();
      expect(queries, `queries made for ${query}`).toBe(0);
    }
  });

  it("a signed request for a shop that is not connected is 401", async () => {
    const answer = await proxy(proxyQuery("stranger.myshopify.com", ALICE));
    expect(answer.status).toBe(401);
  });

  it("shop A's signature with a customer of shop B reads nothing of B", async () => {
    const crossed = await proxy(proxyQuery(shopA, BOB));
    expect(crossed.status).toBe(200);
    expect(crossed.body.data?.me).toBeNull();
    const own = await proxy(proxyQuery(shopB, BOB));
    expect(own.body.data?.me).toEqual({ customerId: BOB, points: { available: 456 } });
  });

  it("no logged-in customer is a guest, who cannot redeem", async () => {
    const guest = await proxy(proxyQuery(shopA, ""));
    expect(guest.body.data?.me).toBeNull();
    const redeem = await gql(`${h.url}/proxy/graphql?${proxyQuery(shopA, "")}`, 'mutation { redeem(rewardId: "x") { code } }');
    expect(code(redeem)).toBe("UNAUTHENTICATED");
  });

  it("a mutation over GET is refused with 405", async () => {
    const answer = await proxy(proxyQuery(shopA, ALICE, { query: 'mutation { redeem(rewardId: "x") { code } }' }), { method: "GET" });
    expect(answer.status).toBe(405);
  });
});

describe("headless storefronts (/storefront/graphql)", () => {
  const storefront = (headers: Record<string, string>, query = ME) => gql(`${h.url}/storefront/graphql`, query, { headers });
  const token = (secret: string, program: string, customerId: string, extra: { ttlSeconds?: number; now?: Date } = {}) =>
    createMemberToken({ secret, program, customerId, ...extra });

  it("a member token makes its subject the shopper", async () => {
    const answer = await storefront({ authorization: `Bearer ${await token(secretA, shopA, ALICE)}` });
    expect(answer.status).toBe(200);
    expect(answer.body.data?.me).toEqual({ customerId: ALICE, points: { available: 123 } });
  });

  it("a tampered, expired, foreign or unsigned token is 401", async () => {
    const valid = await token(secretA, shopA, ALICE);
    const [header, payload, signature] = valid.split(".") as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    const swapped = Buffer.from(JSON.stringify({ ...claims, sub: BOB })).toString("base64url");
    const none = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${payload}.`;
    const cases = {
      tampered: `${header}.${swapped}.${signature}`,
      expired: await token(secretA, shopA, ALICE, { ttlSeconds: 60, now: new Date(Date.now() - 3_600_000) }),
      "signed with B's secret, claiming A": await token(secretB, shopA, ALICE),
      "signed for an unknown program": await token(secretA, "nobody.myshopify.com", ALICE),
      "alg none": none,
      garbage: "not-a-jwt",
    };
    for (const [name, t] of Object.entries(cases)) {
      const answer = await storefront({ authorization: `Bearer ${t}` });
      expect(answer.status, name).toBe(401);
      expect(code(answer), name).toBe("UNAUTHENTICATED");
    }
  });

  it("B's token cannot be pointed at A with X-Kinship-Program", async () => {
    const answer = await storefront({ authorization: `Bearer ${await token(secretB, shopB, BOB)}`, "x-kinship-program": shopA });
    expect(answer.status).toBe(401);
  });

  it("without a token: a guest of X-Kinship-Program (which must exist); identity in the URL is ignored", async () => {
    const guest = await gql(`${h.url}/storefront/graphql?logged_in_customer_id=${ALICE}&customerId=${ALICE}&sub=${ALICE}`, ME, {
      headers: { "x-kinship-program": shopA },
    });
    expect(guest.status).toBe(200);
    expect(guest.body.data?.me).toBeNull();
    expect((await storefront({ "x-kinship-program": "nobody.myshopify.com" })).status).toBe(401);
    expect((await storefront({})).status).toBe(401);
    expect((await storefront({ authorization: "Basic abc" })).status).toBe(401);
  });

  it("bad requests are 400 in GraphQL's shape", async () => {
    const res = await fetch(`${h.url}/storefront/graphql`, { method: "POST", headers: { "x-kinship-program": shopA }, body: "{oops" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: unknown[] }).errors).toHaveLength(1);
  });
});

describe("the admin (/admin/graphql)", () => {
  const admin = (headers: Record<string, string>, query: string, variables?: Record<string, unknown>) =>
    gql(`${h.url}/admin/graphql`, query, { headers, ...(variables ? { variables } : {}) });
  const MEMBER = "query ($id: ID!) { program { key } member(customerId: $id) { customerId points { available } } }";

  it("a session token opens its own shop, and one shop's token never reads another shop's member", async () => {
    const auth = { authorization: `Bearer ${await sessionToken(shopA)}` };
    const own = await admin(auth, MEMBER, { id: ALICE });
    expect(own.status).toBe(200);
    expect(own.body.data).toEqual({ program: { key: shopA }, member: { customerId: ALICE, points: { available: 123 } } });
    const other = await admin(auth, MEMBER, { id: BOB });
    expect(other.body.data).toEqual({ program: { key: shopA }, member: null });
  });

  it("an expired, foreign-shop, foreign-app or wrong-audience session token is 401", async () => {
    const cases = {
      expired: await sessionToken(shopA, { expiresIn: -60 }),
      "a shop that is not connected": await sessionToken("stranger.myshopify.com"),
      "another app's secret": await sessionToken(shopA, { secret: "another-app-secret" }),
      "another app's API key": await sessionToken(shopA, { aud: "another-key" }),
      "iss and dest disagree": await sessionToken(shopA, { iss: `https://${shopB}/admin` }),
    };
    for (const [name, t] of Object.entries(cases)) {
      const { answer, queries } = await counted(() => admin({ authorization: `Bearer ${t}` }, MEMBER, { id: ALICE }));
      expect(answer.status, name).toBe(401);
      expect(answer.body.data, name).toBeUndefined();
      if (name !== "a shop that is not connected") expect(queries, name).toBe(0);
    }
    const expired = await admin({ authorization: `Bearer ${cases.expired}` }, MEMBER, { id: ALICE });
    expect(expired.headers.get("x-shopify-retry-invalid-session-request")).toBe("1");
    expect((await admin({}, MEMBER, { id: ALICE })).status).toBe(401);
  });

  it("the session token's user is the actor of what they change", async () => {
    const auth = { authorization: `Bearer ${await sessionToken(shopA, { sub: "7777" })}` };
    const adjust = 'mutation { adjustPoints(customerId: "1001", points: 5, reason: "goodwill") { points { available } } }';
    const done = await admin(auth, adjust);
    expect(done.body.data).toEqual({ adjustPoints: { points: { available: 128 } } });
    const ledger = await h.engine.members.ledger(shopA, ALICE);
    expect(ledger.ok && ledger.value.some((l) => l.actor === "shopify-user:7777")).toBe(true);
  });

  it("an API key opens its program (Bearer or X-Kinship-Api-Key); a revoked one is 401", async () => {
    const created = await createApiKey(dbOf(h.engine), shopB, "headless", new Date());
    if (!created.ok) throw new Error(created.error.message);
    const { key, prefix } = created.value;
    const ways: Record<string, string>[] = [{ authorization: `Bearer ${key}` }, { "x-kinship-api-key": key }];
    for (const headers of ways) {
      const answer = await admin(headers, MEMBER, { id: BOB });
      expect(answer.body.data).toEqual({ program: { key: shopB }, member: { customerId: BOB, points: { available: 456 } } });
      expect((await admin(headers, MEMBER, { id: ALICE })).body.data).toEqual({ program: { key: shopB }, member: null });
    }
    const adjust = 'mutation { adjustPoints(customerId: "2002", points: -6, reason: "correction") { points { available } } }';
    expect((await admin({ "x-kinship-api-key": key }, adjust)).body.data).toEqual({ adjustPoints: { points: { available: 450 } } });
    const ledger = await h.engine.members.ledger(shopB, BOB);
    expect(ledger.ok && ledger.value.some((l) => l.actor === `apikey:${prefix}`)).toBe(true);

    expect(await revokeApiKey(dbOf(h.engine), shopB, prefix, new Date())).toBe(true);
    expect((await admin({ authorization: `Bearer ${key}` }, MEMBER, { id: BOB })).status).toBe(401);
    expect((await admin({ "x-kinship-api-key": key }, MEMBER, { id: BOB })).status).toBe(401);
    expect((await admin({ "x-kinship-api-key": `${key.slice(0, -1)}x` }, MEMBER, { id: BOB })).status).toBe(401);
  });
});
