import { describe, expect, it } from "vitest";
import {
  currencyExponent,
  defaultProgramConfig,
  listedConversion,
  type PricedVariant,
  type ProgramConfig,
  priceFor,
  validateConfig,
} from "../../src/index.ts";

const benefit = (id: string, minTier: string, discount: object) => ({
  id,
  name: id,
  kind: "memberPrice",
  minTier,
  scope: { all: true },
  discount,
});

function program(benefits: unknown[]): ProgramConfig {
  const valid = validateConfig({
    ...defaultProgramConfig("USD"),
    benefits,
    currencies: { EUR: { rate: "1.08" }, JPY: { rate: "0.0067" }, GBP: { rate: "1.25", memberPrices: false } },
  });
  if (!valid.ok) throw new Error(valid.error.message);
  return valid.value;
}

const variant = (price: number, currency: string): PricedVariant => ({
  variantId: "v1",
  productId: "p1",
  collectionIds: [],
  price,
  currency,
});
const quote = (p: ProgramConfig, tier: string, v: PricedVariant) => priceFor(p, tier, v, listedConversion(p, v.currency, currencyExponent));

describe("member prices in the program's other currencies", () => {
  it("amountOff and fixedPrice are converted at the program's rate (half up); percentOff is the same share", () => {
    const p = program([
      benefit("five-off", "member", { amountOff: 500 }),
      benefit("flat", "silver", { fixedPrice: 2000 }),
      benefit("ten", "gold", { percentOff: 10 }),
    ]);
    // 5.00 USD / 1.08 = 4.6296 EUR → 4.63 off
    expect(quote(p, "member", variant(3000, "EUR"))).toMatchObject({ basePrice: 3000, memberPrice: 2537, benefit: "five-off" });
    // 20.00 USD / 1.08 = 18.5185 EUR → 18.52
    expect(quote(p, "silver", variant(3000, "EUR"))).toMatchObject({ memberPrice: 1852, benefit: "flat" });
    // 5.00 USD / 0.0067 = 746.27 JPY → 746 off (JPY has no minor unit)
    expect(quote(p, "member", variant(3000, "JPY"))).toMatchObject({ memberPrice: 2254, benefit: "five-off" });
    expect(quote(program([benefit("ten", "gold", { percentOff: 10 })]), "gold", variant(99999, "EUR"))).toMatchObject({
      memberPrice: 89999,
      benefit: "ten",
    });
  });

  it("the program's own rate wins over a presentment rate; memberPrices false gives no member price at all", () => {
    const p = program([benefit("five-off", "member", { amountOff: 500 }), benefit("ten", "gold", { percentOff: 10 })]);
    const presentment = { rate: "0.5", fromExponent: 2, toExponent: 2 };
    expect(priceFor(p, "member", variant(3000, "EUR"), listedConversion(p, "EUR", currencyExponent) ?? presentment).memberPrice).toBe(2537);
    expect(quote(p, "gold", variant(3000, "GBP"))).toEqual({ basePrice: 3000, memberPrice: null, benefit: null, teaser: null });
    expect(priceFor(p, null, variant(3000, "GBP"), presentment).teaser).toBeNull();
    // An unlisted currency: amounts need a conversion the caller has (Shopify's presentment rate), a percentage prices anyway.
    expect(listedConversion(p, "CHF", currencyExponent)).toBeUndefined();
    expect(priceFor(p, "member", variant(3000, "CHF")).memberPrice).toBeNull();
    expect(priceFor(p, "gold", variant(3000, "CHF")).memberPrice).toBe(2700);
    expect(listedConversion(p, "USD", currencyExponent)).toBeUndefined();
  });
});
