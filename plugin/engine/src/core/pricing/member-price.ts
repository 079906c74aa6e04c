import type { Benefit, ProgramConfig } from "../config/schema.ts";

/** What the pricing needs to know about a variant. Money is integer minor units. */
export interface PricedVariant {
  variantId: string;
  productId: string | null;
  collectionIds: readonly string[];
  price: number;
  currency: string;
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
 * when it lowers the price. `tierKey` null is a guest. Pure and integral.
 */
export function priceFor(config: ProgramConfig, tierKey: string | null, variant: PricedVariant): MemberPriceQuote {
  const basePrice = variant.price;
  const best = bestByRank(config, variant);
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
function bestByRank(config: ProgramConfig, variant: PricedVariant): (Best | null)[] {
  const rankOf = new Map(config.tiers.map((t, i) => [t.key, i]));
  const out: (Best | null)[] = config.tiers.map(() => null);
  for (const b of config.benefits) {
    const from = rankOf.get(b.minTier);
    if (from === undefined || !inScope(b, variant)) continue;
    const price = discounted(b, variant, config.currency);
    if (price === null || price >= variant.price) continue;
    for (let r = from; r < out.length; r += 1) {
      const current = out[r];
      // Strictly lower wins; on a tie the benefit listed first keeps it.
      if (!current || price < current.price) out[r] = { price, benefit: b.id };
    }
  }
  return out;
}

export function inScope(b: Benefit, v: PricedVariant): boolean {
  const s = b.scope;
  if ("all" in s) return true;
  if ("productIds" in s) return v.productId !== null && s.productIds.includes(v.productId);
  if ("variantIds" in s) return s.variantIds.includes(v.variantId);
  return s.collectionIds.some((c) => v.collectionIds.includes(c));
}

/**
 * The price after one benefit, between 0 and the base price. Amounts (amountOff, fixedPrice) are in
 * the program's currency, so they only price variants in that currency; a percentage prices any.
 */
export function discounted(b: Benefit, v: PricedVariant, programCurrency: string): number | null {
  const d = b.discount;
  if ("percentOff" in d) return clamp(afterPercentOff(v.price, d.percentOff), v.price);
  if (v.currency !== programCurrency) return null;
  if ("amountOff" in d) return clamp(v.price - d.amountOff, v.price);
  return clamp(d.fixedPrice, v.price);
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
function exactDecimal(x: number): { numerator: bigint; denominator: bigint } {
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
