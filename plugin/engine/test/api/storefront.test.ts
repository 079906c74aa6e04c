import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engine, executeStorefront, type StorefrontContext } from "../../src/index.ts";
import { type BackendName, backends, openTestEngine } from "../support/backends.ts";
import { codeOf, field, gridVariant, json, NOW, seedProgram } from "./support.ts";

const ME = `{ me { customerId growth tier { key name threshold badge { label color icon } }
  points { available pending expiringSoon { points on } } nextTier { key name remaining } } }`;
const PRICES = `query Prices($ids: [ID!]!) { memberPrices(variantIds: $ids) {
  variantId currency basePrice memberPrice benefit teaser { tier tierName memberPrice } } }`;
const REWARDS = "{ rewards { id name cost kind value available } }";

/** n / d rounded to the nearest integer, half up (n, d ≥ 0). */
const halfUp = (n: number, d: number) => Math.floor((2 * n + d) / (2 * d));

/** What the grid's variant i costs each kind of shopper, from the program's three benefits. */
function expectedPrice(i: number, who: "guest" | "bob" | "ada") {
  const v = gridVariant(i);
  const P = v.price;
  const tee = i % 5 === 0 ? { price: P - 300, benefit: "member-tees" } : null;
  const tenOff = { price: halfUp(P * 9, 10), benefit: "silver-10" };
  const sale = i % 2 === 0 ? { price: halfUp(P * 3, 4), benefit: "gold-sale" } : null;
  // benefits in config order: silver-10, gold-sale, member-tees; the lowest wins, a tie keeps the first
  const best = (...cands: ({ price: number; benefit: string } | null)[]) =>
    cands.reduce<{ price: number; benefit: string } | null>((b, c) => (c && c.price < (b?.price ?? P) ? c : b), null);
  const atMember = best(tee);
  const atSilver = best(tenOff, tee);
  const atGold = best(tenOff, sale, tee);
  const base = { variantId: v.variantId, currency: "USD", basePrice: P };
  if (who === "ada") return { ...base, memberPrice: atGold?.price ?? null, benefit: atGold?.benefit ?? null, teaser: null };
  if (who === "bob") {
    const teaser =
      atSilver && atSilver.price < (atMember?.price ?? P) ? { tier: "silver", tierName: "Silver", memberPrice: atSilver.price } : null;
    return { ...base, memberPrice: atMember?.price ?? null, benefit: atMember?.benefit ?? null, teaser };
  }
  const teaser = atMember
    ? { tier: "member", tierName: "Member", memberPrice: atMember.price }
    : { tier: "silver", tierName: "Silver", memberPrice: tenOff.price };
  return { ...base, memberPrice: null, benefit: null, teaser };
}

describe.each<BackendName>(backends)("storefront GraphQL (%s)", (backend) => {
  let engine: Engine;
  let program: string;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
    program = await seedProgram(engine, "storefront");
  });
  afterAll(() => engine.close());

  const as = (customerId: string | null, extra: Partial<StorefrontContext> = {}) => ({
    ask: (query: string, variables?: Record<string, unknown>) =>
      executeStorefront(engine, { program, customerId, now: NOW, ...extra }, { query, variables }),
  });

  it("me: a member sees tier, points, the points expiring in the next 30 days by day, and the next tier", async () => {
    expect(json(await as("ada").ask(ME))).toEqual({
      data: {
        me: {
          customerId: "ada",
          growth: 2500,
          tier: { key: "gold", name: "Gold", threshold: 2000, badge: { label: "Gold", color: "#d4a017", icon: null } },
          points: {
            available: 2500,
            pending: 0,
            expiringSoon: [
              { points: 1600, on: "2026-06-19T09:00:00.000Z" },
              { points: 800, on: "2026-06-21T08:30:00.000Z" },
            ],
          },
          nextTier: null,
        },
      },
    });
    expect(json(await as("bob").ask(ME)).data?.me).toMatchObject({
      tier: { key: "member" },
      // the 300 earned on 20 May expire on 29 June; the 400 credited today last until 11 July
      points: { available: 700, pending: 0, expiringSoon: [{ points: 300, on: "2026-06-29T10:00:00.000Z" }] },
      growth: 300,
      nextTier: { key: "silver", name: "Silver", remaining: 200 },
    });
  });

  it("me: null for a guest and for a customer who is not a member yet", async () => {
    expect(json(await as(null).ask(ME))).toEqual({ data: { me: null } });
    expect(json(await as("never-seen").ask(ME))).toEqual({ data: { me: null } });
  });

  it("memberPrices: one request prices a 50-variant grid exactly, in the order asked, unknown variants left out", async () => {
    const ids = Array.from({ length: 50 }, (_, i) => gridVariant(50 - i).variantId);
    const asked = [...ids.slice(0, 25), "gid://shopify/ProductVariant/1", ...ids.slice(25)];
    for (const who of ["ada", "bob", "guest"] as const) {
      const result = json(await as(who === "guest" ? null : who).ask(PRICES, { ids: asked }));
      expect(result.errors).toBeUndefined();
      expect(result.data?.memberPrices).toEqual(Array.from({ length: 50 }, (_, i) => expectedPrice(50 - i, who)));
    }
  });

  it("memberPrices: Gold pays the best of its benefits; Member is teased only when Silver pays less; a guest sees the lowest tier's price", async () => {
    const ask = async (who: string | null, i: number) =>
      field<object[]>(await as(who).ask(PRICES, { ids: [gridVariant(i).variantId] }), "memberPrices")[0];
    // 1: 10.37 → Silver and up 10% off = 9.333 → 9.33
    expect(await ask("ada", 1)).toMatchObject({ basePrice: 1037, memberPrice: 933, benefit: "silver-10", teaser: null });
    expect(await ask("bob", 1)).toMatchObject({ memberPrice: null, teaser: { tier: "silver", tierName: "Silver", memberPrice: 933 } });
    expect(await ask(null, 1)).toMatchObject({ memberPrice: null, teaser: { tier: "silver", memberPrice: 933 } });
    // 2: 10.74 on sale → Gold 25% off = 8.055 → 8.06 (half up)
    expect(await ask("ada", 2)).toMatchObject({ basePrice: 1074, memberPrice: 806, benefit: "gold-sale" });
    // 5: an 11.85 tee → every member pays 3.00 less = 8.85; Silver's 10% (10.67) would not beat it
    expect(await ask("ada", 5)).toMatchObject({ memberPrice: 885, benefit: "member-tees" });
    expect(await ask("bob", 5)).toMatchObject({ memberPrice: 885, benefit: "member-tees", teaser: null });
    expect(await ask(null, 5)).toMatchObject({ memberPrice: null, teaser: { tier: "member", tierName: "Member", memberPrice: 885 } });
    // 10: a 13.70 tee on sale → Gold 25% off = 10.275 → 10.28 beats the tee's 10.70
    expect(await ask("ada", 10)).toMatchObject({ memberPrice: 1028, benefit: "gold-sale" });
  });

  it("memberPrices: more than 250 variants is refused with a clear error", async () => {
    const ids = Array.from({ length: 251 }, (_, i) => `v${i}`);
    const result = json(await as(null).ask(PRICES, { ids }));
    expect(result.data).toBeNull();
    expect(result.errors?.[0]).toMatchObject({
      message: "memberPrices takes at most 250 variant ids at a time, got 251: split the grid",
      extensions: { code: "BAD_USER_INPUT" },
    });
  });

  it("rewards: enabled rewards only; available means enough points and a high enough tier", async () => {
    const available = async (who: string | null) =>
      Object.fromEntries(
        field<{ id: string; available: boolean }[]>(await as(who).ask(REWARDS), "rewards").map((r) => [r.id, r.available]),
      );
    expect(json(await as(null).ask(REWARDS)).data?.rewards).toEqual([
      { id: "five-off", name: "5.00 off", cost: 500, kind: "AMOUNT_OFF", value: 500, available: false },
      { id: "gold-shipping", name: "Free shipping for Gold", cost: 100, kind: "FREE_SHIPPING", value: 0, available: false },
      { id: "ten-percent", name: "10% off", cost: 2000, kind: "PERCENT_OFF", value: 10, available: false },
    ]);
    expect(await available("ada")).toEqual({ "five-off": true, "gold-shipping": true, "ten-percent": true });
    // bob: 700 points, Member tier
    expect(await available("bob")).toEqual({ "five-off": true, "gold-shipping": false, "ten-percent": false });
    // cara: 10 points
    expect(await available("cara")).toEqual({ "five-off": false, "gold-shipping": false, "ten-percent": false });
  });

  it("redeem: goes through the edge's redeem for the signed-in shopper; typed failures keep their code", async () => {
    const REDEEM = 'mutation { redeem(rewardId: "five-off") { rewardId code points } }';
    const asked: string[] = [];
    const redeem = async (rewardId: string) => {
      asked.push(rewardId);
      return { ok: true as const, value: { rewardId, code: "KIN-5OFF-ABCD", points: 500 } };
    };
    expect(json(await as("bob", { redeem }).ask(REDEEM))).toEqual({
      data: { redeem: { rewardId: "five-off", code: "KIN-5OFF-ABCD", points: 500 } },
    });
    expect(asked).toEqual(["five-off"]);

    const refuse = async () => ({
      ok: false as const,
      error: { code: "InsufficientPoints", message: "cara has 10 points, the reward costs 500" },
    });
    const refused = json(await as("cara", { redeem: refuse }).ask(REDEEM));
    expect(refused.errors).toMatchObject([
      { message: "cara has 10 points, the reward costs 500", extensions: { code: "InsufficientPoints" } },
    ]);

    expect(json(await as("bob").ask(REDEEM)).errors).toMatchObject([
      { message: "redemption is not configured", extensions: { code: "NOT_CONFIGURED" } },
    ]);
    expect(codeOf(await as(null, { redeem }).ask(REDEEM))).toBe("UNAUTHENTICATED");
    expect(asked).toEqual(["five-off"]);
  });

  it("redeem: the idempotencyKey reaches the edge scoped to the shopper; a bad key is refused before anything runs", async () => {
    const KEYED = 'mutation R($key: String) { redeem(rewardId: "five-off", idempotencyKey: $key) { code } }';
    const asked: [string, string | undefined][] = [];
    const redeem = async (rewardId: string, key?: string) => {
      asked.push([rewardId, key]);
      return { ok: true as const, value: { rewardId, code: "KIN-5OFF-ABCD", points: 500 } };
    };
    await as("bob", { redeem }).ask(KEYED, { key: "click-1" });
    await as("ada", { redeem }).ask(KEYED, { key: "click-1" });
    await as("bob", { redeem }).ask(KEYED, {});
    expect(asked).toEqual([
      ["five-off", "bob:click-1"],
      ["five-off", "ada:click-1"],
      ["five-off", undefined],
    ]);
    for (const key of ["", "k".repeat(101)]) expect(codeOf(await as("bob", { redeem }).ask(KEYED, { key }))).toBe("BAD_USER_INPUT");
    expect(asked).toHaveLength(3);
    const retry = async () => ({
      ok: false as const,
      error: { code: "RedemptionInProgress", message: "redemption bob:click-1 is still being made: ask again with the same key" },
    });
    expect(codeOf(await as("bob", { redeem: retry }).ask(KEYED, { key: "click-1" }))).toBe("RedemptionInProgress");
  });

  it("referralLink: from the edge for a signed-in shopper, null for a guest or when not configured", async () => {
    const referralLink = (customerId: string) => `https://shop.example/r/${customerId}`;
    const QUERY = "{ referralLink }";
    expect(json(await as("bob", { referralLink }).ask(QUERY))).toEqual({ data: { referralLink: "https://shop.example/r/bob" } });
    expect(json(await as(null, { referralLink }).ask(QUERY))).toEqual({ data: { referralLink: null } });
    expect(json(await as("bob").ask(QUERY))).toEqual({ data: { referralLink: null } });
  });

  it("bad requests get clear errors: syntax, unknown fields, too many fields, an unknown program", async () => {
    expect(codeOf(await as(null).ask("{ me { "))).toBe("GRAPHQL_PARSE_FAILED");
    expect(json(await as(null).ask("{ me { email } }")).errors?.[0]).toMatchObject({
      message: 'Cannot query field "email" on type "Member".',
      extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
    });
    const aliases = Array.from({ length: 201 }, (_, i) => `r${i}: referralLink`).join(" ");
    expect(json(await as(null).ask(`{ ${aliases} }`)).errors?.[0]?.message).toBe("the query selects more than 200 fields");
    expect(codeOf(await as(null).ask(PRICES))).toBe("BAD_USER_INPUT");
    const other = await executeStorefront(engine, { program: "nope.myshopify.com", customerId: null, now: NOW }, { query: REWARDS });
    expect(json(other).errors?.[0]).toMatchObject({ message: 'no program "nope.myshopify.com"', extensions: { code: "UnknownProgram" } });
  });

  it("an unexpected failure is reported to the edge and reaches the client only as 'internal error'", async () => {
    const reported: unknown[] = [];
    const broken: Engine = {
      ...engine,
      program: async () => {
        throw new Error("connect ECONNREFUSED postgres://kinship:secret@db");
      },
    };
    const result = json(
      await executeStorefront(broken, { program, customerId: null, now: NOW, onError: (e) => reported.push(e) }, { query: REWARDS }),
    );
    expect(result.errors).toEqual([
      { message: "internal error", locations: [{ line: 1, column: 3 }], path: ["rewards"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
    ]);
    expect(JSON.stringify(result)).not.toContain("secret");
    expect(reported).toHaveLength(1);
  });
});
