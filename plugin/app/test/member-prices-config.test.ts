import { describe, expect, it } from "vitest";
import { configOf } from "../extensions/member-prices/src/config.ts";
import { discountConfigOf, METAFIELD_LIMIT } from "../src/shopify/discount/config.ts";

const tiers = [
  { key: "member", name: "Member" },
  { key: "gold", name: "Gold" },
];
const onCollections = (id: string, collectionIds: string[]) => ({
  id,
  minTier: "gold",
  scope: { collectionIds },
  discount: { percentOff: 10 },
});

describe("the discount's config as Kinship writes it", () => {
  it("names each collection once, in a slot the input query asks about, and the function reads it back", () => {
    const built = discountConfigOf({ currency: "EUR", tiers, benefits: [onCollections("a", ["7", "8"]), onCollections("b", ["8", "9"])] });
    expect(built.config.collections).toEqual(["7", "8", "9"]);
    expect(built.variables).toEqual({
      c0: ["gid://shopify/Collection/7"],
      c1: ["gid://shopify/Collection/8"],
      c2: ["gid://shopify/Collection/9"],
      c3: [],
      c4: [],
    });
    expect(built.problem).toBeNull();
    expect(configOf(JSON.parse(JSON.stringify(built.config)))).toEqual(built.config);
  });

  it("says so when benefits name more collections than checkout can ask about", () => {
    const built = discountConfigOf({ currency: "USD", tiers, benefits: [onCollections("a", ["1", "2", "3", "4", "5", "6"])] });
    expect(built.config.collections).toEqual(["1", "2", "3", "4", "5"]);
    expect(built.problem).toBe(
      "Member-price benefits name 6 collections; checkout can price members in 5 at most, so benefits on the others apply on the product page only.",
    );
  });

  it("says so when the config is over the 10,000 bytes Shopify hands a function", () => {
    const productIds = Array.from({ length: 800 }, (_, i) => String(9_100_000_000_000 + i));
    const built = discountConfigOf({
      currency: "USD",
      tiers,
      benefits: [{ id: "big", minTier: "gold", scope: { productIds }, discount: { amountOff: 100 } }],
    });
    expect(Buffer.byteLength(JSON.stringify(built.config))).toBeGreaterThan(METAFIELD_LIMIT);
    expect(built.problem).toMatch(/^The member-price benefits are too large for checkout \(\d+ bytes; Shopify passes at most 10000/);
  });

  it("hashes what the function reads: a change to tiers or benefits changes it, the same program does not", () => {
    const a = discountConfigOf({ currency: "USD", tiers, benefits: [onCollections("a", ["7"])] });
    expect(discountConfigOf({ currency: "USD", tiers, benefits: [onCollections("a", ["7"])] }).hash).toBe(a.hash);
    expect(discountConfigOf({ currency: "USD", tiers, benefits: [onCollections("a", ["8"])] }).hash).not.toBe(a.hash);
    expect(
      discountConfigOf({ currency: "USD", tiers: [...tiers, { key: "vip", name: "VIP" }], benefits: [onCollections("a", ["7"])] }).hash,
    ).not.toBe(a.hash);
  });
});
