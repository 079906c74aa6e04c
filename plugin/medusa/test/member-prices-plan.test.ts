import { validateConfig } from "@kinship/engine";
import { describe, expect, it } from "vitest";
import { benefits, programConfig } from "../../../test/support/program-fixture.ts";
import { diffPrices, planMemberPrices, priceKey } from "../src/lib/sync/member-prices-plan";

const config = (() => {
  const v = validateConfig(
    programConfig({
      benefits: [
        benefits.silverTenPercent,
        {
          id: "gold-tees",
          name: "Gold tees 15.00",
          kind: "memberPrice",
          minTier: "gold",
          scope: { productIds: ["prod_tee"] },
          discount: { fixedPrice: 1500 },
        },
      ],
    }),
  );
  if (!v.ok) throw new Error(v.error.message);
  return v.value;
})();

const tee = { variantId: "variant_tee", productId: "prod_tee", collectionIds: [], price: 2000, currency: "USD" };
const cap = { variantId: "variant_cap", productId: "prod_cap", collectionIds: [], price: 1000, currency: "EUR" };

describe("the member price lists Kinship keeps in Medusa", () => {
  it("hold, per tier, the engine's price for every base price a benefit lowers", () => {
    const plan = planMemberPrices(config, [tee, cap]);
    expect([...(plan.get("member") ?? [])]).toEqual([]);
    expect([...(plan.get("silver") ?? [])]).toEqual([
      [priceKey("variant_tee", "USD"), 1800],
      [priceKey("variant_cap", "EUR"), 900], // a percentage prices any currency
    ]);
    expect([...(plan.get("gold") ?? [])]).toEqual([
      [priceKey("variant_tee", "USD"), 1500],
      [priceKey("variant_cap", "EUR"), 900],
    ]);
  });

  it("a region currency the program lists gets converted amounts; one with memberPrices false gets none", () => {
    const v = validateConfig({
      ...config,
      currencies: { EUR: { rate: "1.08", memberPrices: true }, GBP: { rate: "1.25", memberPrices: false } },
    });
    if (!v.ok) throw new Error(v.error.message);
    const teeEur = { ...tee, price: 1900, currency: "EUR" };
    const teeGbp = { ...tee, price: 1600, currency: "GBP" };
    const plan = planMemberPrices(v.value, [tee, teeEur, teeGbp]);
    // 15.00 USD / 1.08 = 13.89 EUR; silver's 10% is 17.10 EUR
    expect([...(plan.get("gold") ?? [])]).toEqual([
      [priceKey("variant_tee", "USD"), 1500],
      [priceKey("variant_tee", "EUR"), 1389],
    ]);
    expect([...(plan.get("silver") ?? [])]).toEqual([
      [priceKey("variant_tee", "USD"), 1800],
      [priceKey("variant_tee", "EUR"), 1710],
    ]);
  });

  it("change only what differs: new prices created, changed ones updated, stale and duplicate ones deleted", () => {
    const wanted = new Map([
      [priceKey("variant_tee", "USD"), 1800],
      [priceKey("variant_cap", "EUR"), 900],
    ]);
    const change = diffPrices(wanted, [
      { id: "price_1", variantId: "variant_tee", currency: "USD", amount: 1700 },
      { id: "price_2", variantId: "variant_tee", currency: "USD", amount: 1800 },
      { id: "price_3", variantId: "variant_gone", currency: "USD", amount: 500 },
    ]);
    expect(change).toEqual({
      create: [{ variantId: "variant_cap", currency: "EUR", amount: 900 }],
      update: [{ id: "price_1", variantId: "variant_tee", amount: 1800 }],
      delete: ["price_2", "price_3"],
    });
    expect(
      diffPrices(wanted, [
        { id: "a", variantId: "variant_tee", currency: "USD", amount: 1800 },
        { id: "b", variantId: "variant_cap", currency: "EUR", amount: 900 },
      ]),
    ).toEqual({ create: [], update: [], delete: [] });
  });
});
