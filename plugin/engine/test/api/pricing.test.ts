import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Benefit, defaultProgramConfig, type PricedVariant, type ProgramConfig, priceFor, validateConfig } from "../../src/index.ts";

/** Tiers member → silver → gold (the default program) with these benefits. */
function program(benefits: unknown[], currency = "USD"): ProgramConfig {
  const valid = validateConfig({ ...defaultProgramConfig(currency), benefits });
  if (!valid.ok) throw new Error(valid.error.message);
  return valid.value;
}

const variant = (price: number, extra: Partial<PricedVariant> = {}): PricedVariant => ({
  variantId: "v1",
  productId: "p1",
  collectionIds: [],
  price,
  currency: "USD",
  ...extra,
});

const percent = (id: string, minTier: string, percentOff: number, scope: object = { all: true }) => ({
  id,
  name: id,
  kind: "memberPrice",
  minTier,
  scope,
  discount: { percentOff },
});
const amountOff = (id: string, minTier: string, amount: number, scope: object = { all: true }) => ({
  id,
  name: id,
  kind: "memberPrice",
  minTier,
  scope,
  discount: { amountOff: amount },
});
const fixedPrice = (id: string, minTier: string, price: number, scope: object = { all: true }) => ({
  id,
  name: id,
  kind: "memberPrice",
  minTier,
  scope,
  discount: { fixedPrice: price },
});

describe("member prices (pure)", () => {
  it("a benefit reaches its tier and every tier above it, not the ones below", () => {
    const p = program([percent("silver-10", "silver", 10)]);
    expect(priceFor(p, "member", variant(2000))).toMatchObject({ basePrice: 2000, memberPrice: null, benefit: null });
    expect(priceFor(p, "silver", variant(2000))).toMatchObject({ memberPrice: 1800, benefit: "silver-10" });
    expect(priceFor(p, "gold", variant(2000))).toMatchObject({ memberPrice: 1800, benefit: "silver-10" });
  });

  it("percentOff rounds the price to the nearest minor unit, half up", () => {
    const p = program([percent("ten", "member", 10), percent("third", "silver", 33.3)]);
    // 1999 × 0.9 = 1799.1 → 1799; 1995 × 0.9 = 1795.5 → 1796
    expect(priceFor(p, "member", variant(1999)).memberPrice).toBe(1799);
    expect(priceFor(p, "member", variant(1995)).memberPrice).toBe(1796);
    // 5 × 0.9 = 4.5 → 5: it lowers nothing, so there is no member price
    expect(priceFor(p, "member", variant(5))).toMatchObject({ memberPrice: null, benefit: null });
    // 1000 × 0.667 = 667 exactly; 1001 × 0.667 = 667.667 → 668
    expect(priceFor(p, "silver", variant(1000)).memberPrice).toBe(667);
    expect(priceFor(p, "silver", variant(1001)).memberPrice).toBe(668);
  });

  it("percentOff of 100 is free; amountOff never goes below 0; fixedPrice never above the base price", () => {
    const p = program([percent("free", "gold", 100), amountOff("five-off", "member", 500), fixedPrice("flat", "silver", 2500)]);
    expect(priceFor(p, "gold", variant(1999))).toMatchObject({ memberPrice: 0, benefit: "free" });
    expect(priceFor(p, "member", variant(300))).toMatchObject({ memberPrice: 0, benefit: "five-off" });
    expect(priceFor(p, "member", variant(1999))).toMatchObject({ memberPrice: 1499, benefit: "five-off" });
    // a fixed price above the base price lowers nothing: the better benefit stands
    expect(priceFor(p, "silver", variant(2000))).toMatchObject({ memberPrice: 1500, benefit: "five-off" });
    expect(priceFor(p, "silver", variant(9000))).toMatchObject({ memberPrice: 2500, benefit: "flat" });
  });

  it("the member pays the lowest price among the benefits they reach; a tie keeps the first listed", () => {
    const p = program([
      percent("all-10", "member", 10),
      amountOff("tees-3", "member", 300, { productIds: ["tee"] }),
      fixedPrice("sale-15", "silver", 1500, { collectionIds: ["sale", "summer"] }),
      amountOff("v9-200", "member", 200, { variantIds: ["v9"] }),
    ]);
    const tee = variant(2000, { productId: "tee", collectionIds: ["summer"] });
    expect(priceFor(p, "member", tee)).toMatchObject({ memberPrice: 1700, benefit: "tees-3" });
    expect(priceFor(p, "silver", tee)).toMatchObject({ memberPrice: 1500, benefit: "sale-15" });
    expect(priceFor(p, "member", variant(2000, { productId: null }))).toMatchObject({ memberPrice: 1800, benefit: "all-10" });
    // v9: 10% of 2000 = 200 off, the same as 200 off: all-10 is listed first
    expect(priceFor(p, "member", variant(2000, { variantId: "v9" }))).toMatchObject({ memberPrice: 1800, benefit: "all-10" });
  });

  it("a guest pays the base price and is teased with the price at the lowest tier that has one", () => {
    const p = program([percent("gold-20", "gold", 20), percent("silver-10", "silver", 10)]);
    expect(priceFor(p, null, variant(5000))).toEqual({
      basePrice: 5000,
      memberPrice: null,
      benefit: null,
      teaser: { tier: "silver", tierName: "Silver", memberPrice: 4500 },
    });
    expect(priceFor(program([]), null, variant(5000))).toEqual({ basePrice: 5000, memberPrice: null, benefit: null, teaser: null });
  });

  it("a member is teased with the next tier only when it would pay less than now", () => {
    const p = program([percent("member-10", "member", 10), percent("silver-10", "silver", 10), percent("gold-25", "gold", 25)]);
    // member → silver: the same 4500, no teaser (gold's 3750 is two tiers away)
    expect(priceFor(p, "member", variant(5000))).toEqual({ basePrice: 5000, memberPrice: 4500, benefit: "member-10", teaser: null });
    expect(priceFor(p, "silver", variant(5000))).toEqual({
      basePrice: 5000,
      memberPrice: 4500,
      benefit: "member-10",
      teaser: { tier: "gold", tierName: "Gold", memberPrice: 3750 },
    });
    expect(priceFor(p, "gold", variant(5000)).teaser).toBeNull();
  });

  it("amounts are in the program's currency: they skip a variant priced in another; percentages do not", () => {
    const p = program([amountOff("five-off", "member", 500), percent("silver-10", "silver", 10)]);
    expect(priceFor(p, "member", variant(2000, { currency: "EUR" }))).toMatchObject({ memberPrice: null });
    expect(priceFor(p, "silver", variant(2000, { currency: "EUR" }))).toMatchObject({ memberPrice: 1800, benefit: "silver-10" });
  });

  it("an unknown tier key (the config changed since) prices as the lowest tier", () => {
    const p = program([percent("member-5", "member", 5)]);
    expect(priceFor(p, "platinum", variant(1000))).toMatchObject({ memberPrice: 950 });
  });

  it("property: a member price is between 0 and the base price, a higher tier never pays more, teasers are lower prices", () => {
    const tierKey = fc.constantFrom("member", "silver", "gold");
    const scope = fc.oneof(
      fc.constant({ all: true }),
      fc.record({ productIds: fc.constant(["p1"]) }),
      fc.record({ variantIds: fc.constant(["v2"]) }),
      fc.record({ collectionIds: fc.constant(["c1"]) }),
    );
    const discount = fc.oneof(
      fc.record({ percentOff: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0.01, max: 100, noNaN: true })) }),
      fc.record({ amountOff: fc.integer({ min: 1, max: 100_000 }) }),
      fc.record({ fixedPrice: fc.integer({ min: 0, max: 100_000 }) }),
    );
    const benefits = fc
      .array(fc.record({ minTier: tierKey, scope, discount }), { maxLength: 6 })
      .map((bs) => bs.map((b, i): Benefit => ({ id: `b${i}`, name: `b${i}`, kind: "memberPrice", ...b }) as Benefit));
    const variants = fc.record({
      variantId: fc.constantFrom("v1", "v2"),
      productId: fc.constantFrom("p1", "p2", null),
      collectionIds: fc.subarray(["c1", "c2"]),
      price: fc.integer({ min: 0, max: 1_000_000 }),
      currency: fc.constantFrom("USD", "EUR"),
    });
    fc.assert(
      fc.property(benefits, variants, (bs, v) => {
        const p = program(bs);
        const paid = ["member", "silver", "gold"].map((t) => {
          const q = priceFor(p, t, v);
          expect(q.basePrice).toBe(v.price);
          if (q.memberPrice !== null) {
            expect(Number.isInteger(q.memberPrice)).toBe(true);
            expect(q.memberPrice).toBeGreaterThanOrEqual(0);
            expect(q.memberPrice).toBeLessThan(v.price);
          }
          if (q.teaser) expect(q.teaser.memberPrice).toBeLessThan(q.memberPrice ?? v.price);
          return q.memberPrice ?? v.price;
        });
        expect(paid[1]).toBeLessThanOrEqual(paid[0] ?? 0);
        expect(paid[2]).toBeLessThanOrEqual(paid[1] ?? 0);
        const guest = priceFor(p, null, v);
        const lowest = paid.findIndex((x) => x < v.price);
        expect(guest.memberPrice).toBeNull();
        expect(guest.teaser?.memberPrice ?? null).toBe(lowest < 0 ? null : paid[lowest]);
      }),
      { numRuns: 500 },
    );
  });

  it("a conversion prices amounts in another currency (Shopify's presentment rate), rounded half up; percentages need none", () => {
    const p = program([amountOff("five-off", "member", 500), fixedPrice("gold-15", "gold", 1500), percent("silver-10", "silver", 10)]);
    const eur = { rate: "0.9", fromExponent: 2, toExponent: 2 };
    // Without a conversion an amount in USD prices nothing in EUR; the percentage still does.
    expect(priceFor(p, "member", variant(2000, { currency: "EUR" })).memberPrice).toBeNull();
    expect(priceFor(p, "silver", variant(2000, { currency: "EUR" })).memberPrice).toBe(1800);
    // 5.00 USD × 0.9 = 4.50 EUR off; 15.00 USD × 0.9 = 13.50 EUR.
    expect(priceFor(p, "member", variant(2000, { currency: "EUR" }), eur).memberPrice).toBe(1550);
    expect(priceFor(p, "gold", variant(2000, { currency: "EUR" }), eur)).toMatchObject({ memberPrice: 1350, benefit: "gold-15" });
    // Into a currency without minor units: 15.00 USD × 150.5 = 2257.5 → 2258 JPY, but 5.00 off × 150.5 = 752.5 → 753
    // off (3000 → 2247) is lower, so gold pays that.
    expect(priceFor(p, "gold", variant(3000, { currency: "JPY" }), { rate: "150.5", fromExponent: 2, toExponent: 0 })).toMatchObject({
      memberPrice: 2247,
      benefit: "five-off",
    });
    expect(
      priceFor(program([fixedPrice("gold-15", "gold", 1500)]), "gold", variant(3000, { currency: "JPY" }), {
        rate: "150.5",
        fromExponent: 2,
        toExponent: 0,
      }).memberPrice,
    ).toBe(2258);
    // Into three decimals: 5.00 USD × 0.307 = 1.535 KWD off.
    expect(priceFor(p, "member", variant(3700, { currency: "KWD" }), { rate: "0.307", fromExponent: 2, toExponent: 3 }).memberPrice).toBe(
      2165,
    );
    // In the program's own currency a conversion changes nothing.
    expect(priceFor(p, "gold", variant(2000), eur).memberPrice).toBe(1500);
  });
});
