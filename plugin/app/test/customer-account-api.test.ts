import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerAccountToken, gql, sessionToken } from "./api-support.ts";
import { loyaltyShop } from "./customer-account-support.ts";
import { API_KEY, type Harness, newShop, startHarness } from "./support.ts";

/** /customer-account/graphql: the storefront surface for the customer account extension's session token. */
const mock = setupServer();
const CUSTOMER = "7205114708003";
const LOYALTY =
  "{ me { customerId tier { key } points { available pending } } rewards { id available } perks { partner claimable codes { code } } }";
let h: Harness;
let shop: string;
let discounts: Record<string, unknown>[];
let url: string;

beforeAll(async () => {
  mock.listen({ onUnhandledFrame: "bypass" });
  h = await startHarness("app_customer_account");
  ({ shop, discounts } = await loyaltyShop(h.engine, mock, CUSTOMER));
  url = `${h.url}/customer-account/graphql`;
});
afterAll(async () => {
  mock.close();
  await h?.close();
});

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe("a valid customer account session token", () => {
  it("answers for its sub on its dest shop: the member, the rewards they can redeem, the perks", async () => {
    const answer = await gql(url, LOYALTY, bearer(await customerAccountToken(shop, CUSTOMER)));
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.headers.get("cache-control")).toBe("private, no-store");
    expect(answer.body.data).toEqual({
      me: { customerId: CUSTOMER, tier: expect.objectContaining({ key: expect.any(String) }), points: { available: 900, pending: 0 } },
      rewards: [
        { id: "five-off", available: true },
        { id: "gold-ten", available: false },
      ],
      perks: [{ partner: "corner-cafe", claimable: true, codes: [] }],
    });
  });

  it("accepts dest as an https URL too, and a token without sub is a guest", async () => {
    const asUrl = await gql(url, "{ me { customerId } }", bearer(await customerAccountToken(shop, CUSTOMER, { dest: `https://${shop}` })));
    expect(asUrl.body.data).toEqual({ me: { customerId: CUSTOMER } });
    const guest = await gql(url, "{ me { customerId } perks { blockedBy } }", bearer(await customerAccountToken(shop, null)));
    expect(guest.body.data).toEqual({ me: null, perks: [{ blockedBy: "SIGN_IN" }] });
  });

  it("redeems with an idempotency key once however often it is sent, and claims a perk for the token's customer", async () => {
    const REDEEM = 'mutation R($key: String) { redeem(rewardId: "five-off", idempotencyKey: $key) { code points } }';
    const before = discounts.length;
    const answers = await Promise.all(
      [1, 2, 3].map(async () => gql(url, REDEEM, { ...bearer(await customerAccountToken(shop, CUSTOMER)), variables: { key: "click-1" } })),
    );
    expect(answers.map((a) => a.body.errors)).toEqual([undefined, undefined, undefined]);
    const codes = new Set(answers.map((a) => (a.body.data?.redeem as { code: string } | undefined)?.code));
    expect(codes.size).toBe(1);
    expect(discounts.length - before).toBe(1);
    expect(JSON.stringify(discounts.at(-1))).toContain(`gid://shopify/Customer/${CUSTOMER}`);
    const claim = await gql(url, 'mutation { claimPerk(partner: "corner-cafe", idempotencyKey: "claim-1") { code } }', {
      ...bearer(await customerAccountToken(shop, CUSTOMER)),
    });
    expect(claim.body.data?.claimPerk).toEqual({ code: expect.stringMatching(/^CAFE-000[1-3]$/) });
    const after = await gql(
      url,
      "{ me { points { available } } perks { codes { code } } }",
      bearer(await customerAccountToken(shop, CUSTOMER)),
    );
    expect(after.body.data).toEqual({
      me: { points: { available: 400 } },
      perks: [{ codes: [claim.body.data?.claimPerk] }],
    });
  });

  it("answers a CORS preflight from the extension's worker", async () => {
    const res = await fetch(url, {
      method: "OPTIONS",
      headers: {
        origin: "https://extensions.shopifycdn.com",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-headers")).toContain("authorization");
  });
});

describe("a token that does not open the shop's data → 401 and nothing read", () => {
  const refused = async (name: string, token: () => Promise<string>, headers?: Record<string, string>) => {
    const queries = h.queries();
    const answer = await gql(url, LOYALTY, { headers: headers ?? { authorization: `Bearer ${await token()}` } });
    expect(answer.status, name).toBe(401);
    expect(answer.body.data, name).toBeUndefined();
    expect(answer.body.errors?.[0]?.extensions?.code, name).toBe("UNAUTHENTICATED");
    return { answer, read: h.queries() - queries };
  };

  it.each([
    ["another app's token (signed with its secret)", () => customerAccountToken(shop, CUSTOMER, { secret: "another-app-secret" })],
    ["a token for another app's client id", () => customerAccountToken(shop, CUSTOMER, { aud: "another-app-key" })],
    ["an expired token", () => customerAccountToken(shop, CUSTOMER, { expiresIn: -60 })],
    ["a token not valid yet", () => customerAccountToken(shop, CUSTOMER, { notBefore: 120 })],
    [
      "a forged token (payload changed after signing)",
      async () => forge(await customerAccountToken(shop, CUSTOMER), { sub: "gid://shopify/Customer/1" }),
    ],
    ["a sub that is not a customer GID", () => customerAccountToken(shop, "not-a-number")],
    ["a dest that is not a shop", () => customerAccountToken(shop, CUSTOMER, { dest: "evil.example.com" })],
  ])("%s", async (name, token) => {
    const { read } = await refused(name, token);
    expect(read, name).toBe(0);
  });

  it("an algorithm other than HS256 (alg none)", async () => {
    const token = await customerAccountToken(shop, CUSTOMER);
    const [, payload] = token.split(".");
    const none = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${payload}.`;
    expect((await refused("alg none", async () => none)).read).toBe(0);
  });

  it("no token, or not a bearer token", async () => {
    expect((await refused("none", async () => "", {})).read).toBe(0);
    expect((await refused("basic", async () => "", { authorization: "Basic abc" })).read).toBe(0);
  });

  it("a validly signed token of another shop that is not connected (only the shop lookup is read)", async () => {
    const { answer } = await refused("unknown shop", () => customerAccountToken("elsewhere.myshopify.com", CUSTOMER));
    expect(answer.body.errors?.[0]?.message).toContain("not connected");
  });

  it("a token of another connected shop answers for that shop's customer, never this shop's member", async () => {
    const other = await newShop(h.engine, "other");
    const answer = await gql(url, "{ me { customerId points { available } } }", bearer(await customerAccountToken(other, CUSTOMER)));
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ me: null });
  });

  it("an uninstalled shop", async () => {
    const gone = await newShop(h.engine, "gone");
    expect(await h.engine.shops.markUninstalled(gone, new Date())).toBe(true);
    await refused("uninstalled", () => customerAccountToken(gone, CUSTOMER));
  });

  it("an App Bridge admin token is not a customer's token (its sub is a staff user)", async () => {
    await refused("admin token", () => sessionToken(shop, { sub: "42" }));
    expect(API_KEY).toBe("test-key");
  });
});

/** Changes claims of a signed JWT without re-signing it. */
function forge(token: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = token.split(".") as [string, string, string];
  const changed = { ...JSON.parse(Buffer.from(payload, "base64url").toString()), ...claims };
  return `${header}.${Buffer.from(JSON.stringify(changed)).toString("base64url")}.${signature}`;
}
