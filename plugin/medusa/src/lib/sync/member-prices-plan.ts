import { currencyExponent, listedConversion, type PricedVariant, type ProgramConfig, priceFor } from "@kinship/engine";

export interface BasePrice extends Omit<PricedVariant, "currency"> {
  currency: string;
}

/** The price list one tier should have: variant × currency → member price (minor units). */
export type TierPrices = Map<string, number>;

export const priceKey = (variantId: string, currency: string) => `${variantId}|${currency.toUpperCase()}`;

/**
 * What every tier's price list should hold: for each base price, the price a member of that tier
 * pays when a benefit lowers it (the engine's pricing, the same numbers `memberPrices` answers).
 * A price in one of the program's other currencies (a region's) gets its member price from that
 * price, amounts converted at the program's rate; none when that currency has `memberPrices: false`.
 */
export function planMemberPrices(config: ProgramConfig, prices: readonly BasePrice[]): Map<string, TierPrices> {
  const plan = new Map<string, TierPrices>(config.tiers.map((t) => [t.key, new Map()]));
  for (const base of prices) {
    const variant = { ...base, currency: base.currency.toUpperCase() };
    const conversion = listedConversion(config, variant.currency, currencyExponent);
    for (const tier of config.tiers) {
      const quote = priceFor(config, tier.key, variant, conversion);
      if (quote.memberPrice !== null) plan.get(tier.key)?.set(priceKey(variant.variantId, variant.currency), quote.memberPrice);
    }
  }
  return plan;
}

export interface PriceChange {
  create: { variantId: string; currency: string; amount: number }[];
  update: { id: string; variantId: string; amount: number }[];
  delete: string[];
}

/** The least change that turns a price list's current prices into the wanted ones. */
export function diffPrices(
  wanted: TierPrices,
  current: readonly { id: string; variantId: string; currency: string; amount: number }[],
): PriceChange {
  const change: PriceChange = { create: [], update: [], delete: [] };
  const seen = new Set<string>();
  for (const p of current) {
    const key = priceKey(p.variantId, p.currency);
    const amount = wanted.get(key);
    if (amount === undefined || seen.has(key)) change.delete.push(p.id);
    else if (amount !== p.amount) change.update.push({ id: p.id, variantId: p.variantId, amount });
    seen.add(key);
  }
  for (const [key, amount] of wanted) {
    if (seen.has(key)) continue;
    const [variantId = "", currency = ""] = key.split("|");
    change.create.push({ variantId, currency, amount });
  }
  return change;
}
