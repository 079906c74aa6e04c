import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type PricedVariant, type PricingConfig, priceFor } from "@kinship/engine/pricing";
import { loadInputQuery, loadSchema, validateTestAssets } from "@shopify/shopify-function-test-helpers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exponentOf } from "../extensions/member-prices/src/currency.ts";
import type { RunInput } from "../extensions/member-prices/src/input.ts";
import { type CartSpec, inputFor, type LineSpec, offByLine, run } from "./member-prices/cart.ts";

const program: PricingConfig = {
  currency: "USD",
  tiers: [
    { key: "member", name: "Member" },
    { key: "silver", name: "Silver" },
    { key: "gold", name: "Gold" },
  ],
  benefits: [
    { id: "silver-sale", minTier: "silver", scope: { collectionIds: ["500", "501"] }, discount: { percentOff: 10 } },
    { id: "gold-price", minTier: "gold", scope: { collectionIds: ["500"] }, discount: { fixedPrice: 1500 } },
    { id: "gold-boots", minTier: "gold", scope: { productIds: ["42"] }, discount: { amountOff: 500 } },
  ],
};

const inSale = (amount: string, currency = "USD"): LineSpec => ({
  variantId: "11",
  productId: "1",
  collectionIds: ["500"],
  amount,
  currency,
});
const excluded = (amount: string, currency = "USD"): LineSpec => ({
  variantId: "99",
  productId: "9",
  collectionIds: ["777"],
  amount,
  currency,
});
const boots = (amount: string, currency = "USD"): LineSpec => ({ variantId: "420", productId: "42", amount, currency });

const fixtures: Record<string, { cart: CartSpec; off: Record<number, string> }> = {
  guest: { cart: { tier: null, lines: [inSale("20.00"), boots("12.00")] }, off: {} },
  "lowest tier, no benefit": { cart: { tier: "member", lines: [inSale("20.00")] }, off: {} },
  "removed tier": { cart: { tier: "platinum", lines: [inSale("20.00")] }, off: {} },
  "silver: collection benefit, excluded product": {
    cart: { tier: "silver", lines: [inSale("20.00"), excluded("30.00"), boots("12.00")] },
    off: { 0: "2.00" },
  },
  "gold: best of its benefits and the tier below's": {
    cart: { tier: "gold", lines: [inSale("20.00"), excluded("30.00"), boots("12.00")] },
    off: { 0: "5.00", 2: "5.00" },
  },
  "gold in EUR: amounts converted at the presentment rate": {
    cart: { tier: "gold", rate: "0.9", lines: [inSale("20.00", "EUR"), boots("12.00", "EUR")] },
    off: { 0: "6.50", 1: "4.50" },
  },
  "gold in JPY (no minor unit), rounded half up": {
    cart: { tier: "gold", rate: "150.5", lines: [inSale("3000", "JPY")] },
    off: { 0: "742" },
  },
  "gold in KWD (three decimals)": { cart: { tier: "gold", rate: "0.307", lines: [boots("3.700", "KWD")] }, off: { 0: "1.535" } },
  "no product class": { cart: { tier: "gold", lines: [inSale("20.00")], discountClasses: ["ORDER"] }, off: {} },
  "config missing": { cart: { tier: "gold", lines: [inSale("20.00")], configJson: null }, off: {} },
  "config not Kinship's": { cart: { tier: "gold", lines: [inSale("20.00")], configJson: { v: 2, tiers: [] } }, off: {} },
  "config malformed": { cart: { tier: "gold", lines: [inSale("20.00")], configJson: "{not json" }, off: {} },
  "config with a broken benefit": {
    cart: {
      tier: "gold",
      lines: [inSale("20.00")],
      configJson: {
        v: 1,
        currency: "USD",
        tiers: [{ key: "gold", name: "Gold" }],
        collections: [],
        benefits: [{ id: "x", minTier: "gold", scope: { all: true }, discount: { percentOff: "ten" } }],
      },
    },
    off: {},
  },
  "a price with more decimals than its currency": { cart: { tier: "gold", lines: [inSale("20.001"), boots("12.00")] }, off: { 1: "5.00" } },
};

describe("the member-price Discount Function", () => {
  for (const [name, { cart, off }] of Object.entries(fixtures))
    it(name, () => {
      expect(Object.fromEntries(offByLine(run(inputFor(program, cart))))).toEqual(off);
    });

  it("the program's own rates price its listed currencies (over the presentment rate); memberPrices false prices none", () => {
    const listed: PricingConfig = {
      ...program,
      currencies: { EUR: { rate: "1.08", memberPrices: true }, GBP: { rate: "1.25", memberPrices: false } },
    };
    // 15.00 USD / 1.08 = 13.89 EUR: 6.11 off 20.00; 5.00 USD / 1.08 = 4.63 EUR off.
    expect(
      Object.fromEntries(
        offByLine(run(inputFor(listed, { tier: "gold", rate: "0.9", lines: [inSale("20.00", "EUR"), boots("12.00", "EUR")] }))),
      ),
    ).toEqual({
      0: "6.11",
      1: "4.63",
    });
    expect(
      offByLine(run(inputFor(listed, { tier: "gold", rate: "0.8", lines: [inSale("20.00", "GBP"), boots("12.00", "GBP")] }))).size,
    ).toBe(0);
    // A currency the program does not list still uses the cart's presentment rate.
    expect(Object.fromEntries(offByLine(run(inputFor(listed, { tier: "gold", rate: "0.9", lines: [boots("12.00", "CHF")] }))))).toEqual({
      0: "4.50",
    });
  });

  it("prices 200 lines, each to its member price", () => {
    const lines = Array.from({ length: 200 }, (_, i) => [inSale("20.00"), excluded("30.00"), boots("12.00")][i % 3] as LineSpec);
    const off = offByLine(run(inputFor(program, { tier: "gold", lines })));
    expect(off.size).toBe(133);
    for (let i = 0; i < 200; i += 1) expect(off.get(i)).toBe(i % 3 === 1 ? undefined : "5.00");
  });

  it("answers one productDiscountsAdd with a fixed amount off each unit of each line", () => {
    expect(run(inputFor(program, { tier: "gold", lines: [boots("12.00")] }))).toEqual({
      operations: [
        {
          productDiscountsAdd: {
            selectionStrategy: "ALL",
            candidates: [
              {
                message: "Gold member price",
                targets: [{ cartLine: { id: "gid://shopify/CartLine/1" } }],
                value: { fixedAmount: { amount: "5.00", appliesToEachItem: true } },
              },
            ],
          },
        },
      ],
    });
  });

  it("never throws, whatever the input", () => {
    for (const bad of [
      {},
      { cart: null, discount: { discountClasses: ["PRODUCT"] } },
      { discount: { discountClasses: ["PRODUCT"], config: { jsonValue: {} } } },
    ])
      expect(run(bad as unknown as RunInput)).toEqual({ operations: [] });
    // An unreadable rate: amounts in the program's currency cannot be converted, percentages still apply.
    const input = inputFor(program, { tier: "gold", lines: [inSale("20.00", "EUR"), boots("12.00", "EUR")], rate: "not a rate" });
    expect(Object.fromEntries(offByLine(run(input)))).toEqual({ 0: "2.00" });
  });

  it("knows every currency's minor units as the runtime's CLDR data does (Javy has no Intl)", () => {
    for (const currency of Intl.supportedValuesOf("currency")) {
      const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits;
      expect([currency, exponentOf(currency)]).toEqual([currency, digits]);
    }
  });
});

describe("checkout and the product page agree", () => {
  const ids = (prefix: string) => fc.constantFrom(...["1", "2", "3", "4"].map((n) => `${prefix}${n}`));
  const scope = fc.oneof(
    fc.constant({ all: true as const }),
    fc.record({ productIds: fc.uniqueArray(ids("p"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ variantIds: fc.uniqueArray(ids("v"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ collectionIds: fc.uniqueArray(ids("c"), { minLength: 1, maxLength: 3 }) }),
  );
  const discount = fc.oneof(
    fc.record({ percentOff: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom(12.5, 33.3, 0.5)) }),
    fc.record({ amountOff: fc.integer({ min: 1, max: 50_000 }) }),
    fc.record({ fixedPrice: fc.integer({ min: 0, max: 50_000 }) }),
  );
  const programs = fc.integer({ min: 1, max: 4 }).chain((n) => {
    const tiers = Array.from({ length: n }, (_, i) => ({ key: `t${i}`, name: `Tier ${i}` }));
    const benefit = fc.record({ minTier: fc.constantFrom(...tiers.map((t) => t.key)), scope, discount });
    return fc.record({
      currency: fc.constant("USD"),
      tiers: fc.constant(tiers),
      benefits: fc
        .array(benefit, { maxLength: 6 })
        .map((bs) => bs.map((b, i) => ({ id: `b${i}`, name: `Benefit ${i}`, kind: "memberPrice" as const, ...b }))),
    });
  });
  const catalog = fc.array(
    fc.record({
      variantId: ids("v"),
      productId: ids("p"),
      collectionIds: fc.uniqueArray(ids("c"), { maxLength: 3 }),
      price: fc.integer({ min: 0, max: 100_000 }),
    }),
    { minLength: 1, maxLength: 8 },
  );
  const presentment = fc.constantFrom(
    { currency: "USD", rate: "1.0" },
    { currency: "EUR", rate: "0.9123" },
    { currency: "JPY", rate: "150.25" },
    { currency: "KWD", rate: "0.307" },
  );

  it("for any catalog, tier and benefits, each line comes to the price priceFor gives that member", () => {
    fc.assert(
      fc.property(programs, catalog, fc.nat(), presentment, (config, variants, pick, { currency, rate }) => {
        const tier = config.tiers[pick % config.tiers.length]?.key as string;
        const exponent = exponentOf(currency);
        const lines = variants.map((v) => ({ ...v, amount: decimal(v.price, exponent), currency }));
        const off = offByLine(run(inputFor(config, { tier, rate, lines })));
        variants.forEach((v, i) => {
          const priced: PricedVariant = { ...v, currency };
          const conversion = currency === "USD" ? undefined : { rate, fromExponent: 2, toExponent: exponent };
          const { memberPrice } = priceFor(config, tier, priced, conversion);
          const expected = memberPrice === null || memberPrice >= v.price ? undefined : decimal(v.price - memberPrice, exponent);
          expect(off.get(i)).toBe(expected);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("the input query and fixtures against Shopify's published schema", () => {
  const here = (p: string) => fileURLToPath(new URL(`../extensions/member-prices/${p}`, import.meta.url));

  it("validates the input query, each fixture input and the function's output", async () => {
    const schema = await loadSchema(here("schema.graphql"));
    const inputQueryAST = await loadInputQuery(here("src/cart_lines_discounts_generate_run.graphql"));
    const carts = [
      ...Object.values(fixtures).map((f) => f.cart),
      { tier: "gold", lines: [inSale("20.00"), excluded("1.00"), boots("12.00")] },
    ];
    for (const cart of carts) {
      const input = inputFor(program, cart);
      const result = await validateTestAssets({
        schema,
        inputQueryAST,
        fixture: {
          export: "cart-lines-discounts-generate-run",
          target: "cart.lines.discounts.generate.run",
          input,
          expectedOutput: run(input),
        },
      });
      expect(result.error).toBeUndefined();
      expect(result.inputQuery.errors).toEqual([]);
      expect(result.inputFixture.errors).toEqual([]);
      expect(result.outputFixture.errors).toEqual([]);
    }
  });

  it("the fixture for `shopify app function run` (200 lines in EUR, under Shopify's 64 KB input) is valid and priced", async () => {
    const schema = await loadSchema(here("schema.graphql"));
    const inputQueryAST = await loadInputQuery(here("src/cart_lines_discounts_generate_run.graphql"));
    const text = readFileSync(here("fixtures/gold-200-lines-eur.json"), "utf8");
    expect(Buffer.byteLength(text)).toBeLessThan(64_000);
    const input = JSON.parse(text) as RunInput;
    const lines = Array.from(
      { length: 200 },
      (_, i) => [inSale("20.00", "EUR"), excluded("30.00", "EUR"), boots("12.00", "EUR")][i % 3] as LineSpec,
    );
    expect(input).toEqual(inputFor(program, { tier: "gold", rate: "0.9", lines }));
    const output = run(input);
    const result = await validateTestAssets({
      schema,
      inputQueryAST,
      fixture: { export: "cart-lines-discounts-generate-run", target: "cart.lines.discounts.generate.run", input, expectedOutput: output },
    });
    expect([result.inputFixture.errors, result.outputFixture.errors]).toEqual([[], []]);
    const off = offByLine(output);
    expect(off.size).toBe(133);
    for (let i = 0; i < 200; i += 1) expect(off.get(i)).toBe(["6.50", undefined, "4.50"][i % 3]);
  });

  it("rejects a fixture that does not match the query (the validation is real)", async () => {
    const schema = await loadSchema(here("schema.graphql"));
    const inputQueryAST = await loadInputQuery(here("src/cart_lines_discounts_generate_run.graphql"));
    const input = inputFor(program, { tier: "gold", lines: [inSale("20.00")] });
    const result = await validateTestAssets({
      schema,
      inputQueryAST,
      fixture: {
        export: "cart-lines-discounts-generate-run",
        target: "cart.lines.discounts.generate.run",
        input: { ...input, cart: { ...input.cart, lines: [{ id: "x" }] } },
        expectedOutput: { operations: [{ productDiscountsAdd: { candidates: [], selectionStrategy: "BEST" } }] },
      },
    });
    expect(result.inputFixture.errors.length).toBeGreaterThan(0);
    expect(result.outputFixture.errors.length).toBeGreaterThan(0);
  });
});

function decimal(minor: number, exponent: number): string {
  if (exponent === 0) return String(minor);
  const digits = String(minor).padStart(exponent + 1, "0");
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
