import type { PricingBenefit, PricingConfig } from "@kinship/engine/pricing";
import { SLOTS } from "./input.ts";

/**
 * The discount's $app.config metafield as Kinship writes it (plugin/app/src/shopify/discount/config.ts):
 * the program's currency, tiers in rank order and member-price benefits, and the collection ids
 * (numeric, as the engine keeps them) whose membership the input query's c0…c4 answer, in that order.
 */
export interface FunctionConfig extends PricingConfig {
  v: 1;
  collections: readonly string[];
}

/** The config, or null when it is missing or not one Kinship wrote: the function then discounts nothing. */
export function configOf(json: unknown): FunctionConfig | null {
  if (!isRecord(json) || json.v !== 1) return null;
  const { currency, tiers, benefits, collections, currencies } = json;
  if (typeof currency !== "string" || !/^[A-Z]{3}$/.test(currency)) return null;
  if (!Array.isArray(tiers) || tiers.length === 0 || !tiers.every(isTier)) return null;
  if (!Array.isArray(benefits) || !benefits.every(isBenefit)) return null;
  if (!isStrings(collections) || collections.length > SLOTS.length) return null;
  if (currencies !== undefined && !isCurrencies(currencies)) return null;
  return { v: 1, currency, tiers, benefits, collections, ...(currencies ? { currencies } : {}) };
}

function isCurrencies(c: unknown): c is Record<string, { rate: string; memberPrices: boolean }> {
  if (!isRecord(c)) return false;
  return Object.entries(c).every(
    ([code, r]) =>
      /^[A-Z]{3}$/.test(code) &&
      isRecord(r) &&
      typeof r.rate === "string" &&
      /^\d+(\.\d+)?$/.test(r.rate) &&
      typeof r.memberPrices === "boolean",
  );
}

function isTier(t: unknown): t is { key: string; name: string } {
  return isRecord(t) && typeof t.key === "string" && typeof t.name === "string";
}

function isBenefit(b: unknown): b is PricingBenefit {
  if (!isRecord(b) || typeof b.id !== "string" || typeof b.minTier !== "string") return false;
  return isScope(b.scope) && isDiscount(b.discount);
}

function isScope(s: unknown): boolean {
  if (!isRecord(s)) return false;
  if ("all" in s) return s.all === true;
  const ids = s.productIds ?? s.variantIds ?? s.collectionIds;
  return Object.keys(s).length === 1 && isStrings(ids) && ids.length > 0;
}

function isDiscount(d: unknown): boolean {
  if (!isRecord(d) || Object.keys(d).length !== 1) return false;
  if ("percentOff" in d) return typeof d.percentOff === "number" && d.percentOff > 0 && d.percentOff <= 100;
  if ("amountOff" in d) return Number.isSafeInteger(d.amountOff) && (d.amountOff as number) > 0;
  return "fixedPrice" in d && Number.isSafeInteger(d.fixedPrice) && (d.fixedPrice as number) >= 0;
}

function isStrings(a: unknown): a is string[] {
  return Array.isArray(a) && a.every((x) => typeof x === "string");
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
