import type { Benefit, ProgramConfig } from "../config/schema.ts";

/**
 * What pricing reads of a program: its currency, its tiers in rank order, its member-price benefits
 * and the other currencies it sells in (absent: none).
 */
export interface PricingConfig {
  currency: ProgramConfig["currency"];
  tiers: readonly Pick<ProgramConfig["tiers"][number], "key" | "name">[];
  benefits: readonly PricingBenefit[];
  currencies?: Readonly<Record<string, { rate: string; memberPrices: boolean }>>;
}
export type PricingBenefit = Pick<Benefit, "id" | "minTier" | "scope" | "discount">;

/** What the pricing needs to know about a variant. Money is integer minor units. */
export interface PricedVariant {
  variantId: string;
  productId: string | null;
  collectionIds: readonly string[];
  price: number;
  currency: string;
}

/**
 * How to bring the program's amounts into a variant priced in another currency: `rate` units of
 * that currency per unit of the program's (a decimal as Shopify gives it, "1.0823"), or with
 * `inverse` program units per unit of that currency (the program's own `currencies` rates), and
 * both currencies' minor-unit exponents. Without it, amounts price only variants in the program's currency.
 */
export interface Conversion {
  rate: string;
  fromExponent: number;
  toExponent: number;
  inverse?: boolean;
}

/**
 * The conversion the program's own rate gives for `currency`, when the program lists it (its rate
 * wins over any other, such as Shopify's presentment rate). `exponentOf` gives minor-unit exponents:
 * the engine's reads the runtime's CLDR data; the Shopify function, which has no Intl, its own table.
 */
export function listedConversion(
  config: PricingConfig,
  currency: string,
  exponentOf: (currency: string) => number,
): Conversion | undefined {
  const listed = currency === config.currency ? undefined : config.currencies?.[currency];
  if (!listed || !/[1-9]/.test(listed.rate)) return undefined;
  return { rate: listed.rate, fromExponent: exponentOf(config.currency), toExponent: exponentOf(currency), inverse: true };
}

/** Whether the program gives member prices in `currency` (a listed currency with `memberPrices: false` gives none). */
export function memberPricesIn(config: PricingConfig, currency: string): boolean {
  return currency === config.currency || config.currencies?.[currency]?.memberPrices !== false;
}

export interface PriceTeaser {
  tier: string;
  tierName: string;
  memberPrice: number;
}

export interface MemberPriceQuote {
  basePrice: number;
  /** Null when no benefit lowers this shopper's price. */
  memberPrice: number | null;
  /** The benefit that set memberPrice. */
  benefit: string | null;
  /** A guest: the price at the lowest tier with one. A member: the next tier's price, when lower than theirs. */
  teaser: PriceTeaser | null;
}

interface Best {
  price: number;
  benefit: string;
}

/**
 * The member price of one variant for one shopper. A benefit reaches its `minTier` and every tier
 * above; the shopper pays the lowest price among the benefits they reach. A benefit counts only
 * when it lowers the price. `tierKey` null is a guest. A benefit in `granted` (a paying member's
 * plan) reaches every tier. Pure and integral.
 */
export function priceFor(
  config: PricingConfig,
  tierKey: string | null,
  variant: PricedVariant,
  conversion?: Conversion,
  /** Benefit ids the shopper has whatever their tier (a paid plan's). */
  granted: readonly string[] = [],
): MemberPriceQuote {
  const basePrice = variant.price;
  if (!memberPricesIn(config, variant.currency)) return { basePrice, memberPrice: null, benefit: null, teaser: null };
  const best = bestByRank(config, variant, conversion, tierKey === null ? [] : granted);
  const teaserAt = (rank: number): PriceTeaser | null => {
    const tier = config.tiers[rank];
    const at = best[rank];
    return tier && at ? { tier: tier.key, tierName: tier.name, memberPrice: at.price } : null;
  };
  if (tierKey === null) {
    const first = best.findIndex((b) => b !== null);
    return { basePrice, memberPrice: null, benefit: null, teaser: first < 0 ? null : teaserAt(first) };
  }
  const rank = Math.max(
    0,
    config.tiers.findIndex((t) => t.key === tierKey),
  );
  const mine = best[rank] ?? null;
  const next = teaserAt(rank + 1);
  const paysNow = mine?.price ?? basePrice;
  return {
    basePrice,
    memberPrice: mine?.price ?? null,
    benefit: mine?.benefit ?? null,
    teaser: next && next.memberPrice < paysNow ? next : null,
  };
}

/** For each tier rank, the best price any benefit reaching that rank gives (null: none lowers it). */
function bestByRank(
  config: PricingConfig,
  variant: PricedVariant,
  conversion: Conversion | undefined,
  granted: readonly string[],
): (Best | null)[] {
  const rankOf = new Map(config.tiers.map((t, i) => [t.key, i]));
  const out: (Best | null)[] = config.tiers.map(() => null);
  for (const b of config.benefits) {
    const from = granted.includes(b.id) ? 0 : rankOf.get(b.minTier);
    if (from === undefined || !inScope(b, variant)) continue;
    const price = discounted(b, variant, config.currency, conversion);
    if (price === null || price >= variant.price) continue;
    for (let r = from; r < out.length; r += 1) {
      const current = out[r];
      // Strictly lower wins; on a tie the benefit listed first keeps it.
      if (!current || price < current.price) out[r] = { price, benefit: b.id };
    }
  }
  return out;
}

export function inScope(b: PricingBenefit, v: PricedVariant): boolean {
  const s = b.scope;
  if ("all" in s) return true;
  if ("productIds" in s) return v.productId !== null && s.productIds.includes(v.productId);
  if ("variantIds" in s) return s.variantIds.includes(v.variantId);
  return s.collectionIds.some((c) => v.collectionIds.includes(c));
}

/**
 * The price after one benefit, between 0 and the base price. Amounts (amountOff, fixedPrice) are in
 * the program's currency: they price a variant in another currency only through a conversion; a
 * percentage prices any.
 */
export function discounted(b: PricingBenefit, v: PricedVariant, programCurrency: string, conversion?: Conversion): number | null {
  const d = b.discount;
  if ("percentOff" in d) return clamp(afterPercentOff(v.price, d.percentOff), v.price);
  const amount = "amountOff" in d ? d.amountOff : d.fixedPrice;
  const local = v.currency === programCurrency ? amount : conversion ? converted(amount, conversion) : null;
  if (local === null) return null;
  return clamp("amountOff" in d ? v.price - local : local, v.price);
}

/** An amount in the program's minor units as minor units of the other currency, rounded half up, in exact integer math. */
export function converted(amount: number, c: Conversion): number {
  const exact = exactDecimal(c.rate);
  const { numerator, denominator } = c.inverse ? { numerator: exact.denominator, denominator: exact.numerator } : exact;
  const shift = c.toExponent - c.fromExponent;
  const n = BigInt(amount) * numerator * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  const d = denominator * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
  return Number((2n * n + d) / (2n * d));
}

function clamp(price: number, base: number): number {
  return Math.min(base, Math.max(0, price));
}

/** `price × (100 − percentOff) / 100`, rounded to the nearest minor unit (half up), in exact integer math. */
export function afterPercentOff(price: number, percentOff: number): number {
  const { numerator, denominator } = exactDecimal(percentOff);
  const d = 100n * denominator;
  const n = BigInt(price) * (d - numerator);
  if (n <= 0n) return 0;
  return Number((2n * n + d) / (2n * d));
}

/** A finite decimal number as an exact fraction (12.5 → 125/10), read from its shortest decimal form. */
function exactDecimal(x: number | string): { numerator: bigint; denominator: bigint } {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new RangeError(`not a finite decimal: ${x}`);
  const [, sign, whole = "0", fraction = "", exp = "0"] = m;
  let numerator = BigInt(`${whole}${fraction}`) * (sign ? -1n : 1n);
  let scale = fraction.length - Number(exp);
  if (scale < 0) {
    numerator *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { numerator, denominator: 10n ** BigInt(scale) };
}
