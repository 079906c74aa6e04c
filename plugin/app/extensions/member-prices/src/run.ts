import { type Conversion, listedConversion, priceFor } from "@kinship/engine/pricing";
import { configOf, type FunctionConfig } from "./config.ts";
import { decimalOf, exponentOf, minorOf } from "./currency.ts";
import { type CartLine, type ProductDiscountCandidate, type RunInput, type RunResult, SLOTS } from "./input.ts";

const NONE: RunResult = { operations: [] };
const RATE = /^\d+(?:\.\d+)?$/;

/**
 * Brings each line a member buys to the member price the engine's memberPrices gives them for that
 * variant: a fixed amount off each unit, in the cart's currency. A guest, a tier the program no
 * longer has, a line no benefit lowers, or a config that is missing or malformed gets no discount;
 * it never throws, so a shopper never sees an error from it.
 */
export function cartLinesDiscountsGenerateRun(input: RunInput): RunResult {
  try {
    return discountsFor(input);
  } catch {
    return NONE;
  }
}

function discountsFor(input: RunInput): RunResult {
  if (!input.discount.discountClasses.includes("PRODUCT")) return NONE;
  const config = configOf(input.discount.config?.jsonValue);
  const tier = input.cart.buyerIdentity?.customer?.tier?.value ?? null;
  const tierName = config?.tiers.find((t) => t.key === tier)?.name;
  if (!config || tierName === undefined) return NONE;
  const rate = String(input.presentmentCurrencyRate);
  const candidates: ProductDiscountCandidate[] = [];
  for (const line of input.cart.lines) {
    const off = amountOff(line, config, tier as string, RATE.test(rate) ? rate : null);
    if (off !== null) candidates.push({ message: `${tierName} member price`, targets: [{ cartLine: { id: line.id } }], value: off });
  }
  if (candidates.length === 0) return NONE;
  return { operations: [{ productDiscountsAdd: { candidates, selectionStrategy: "ALL" } }] };
}

/** What comes off each unit of the line, or null when nothing does. */
function amountOff(line: CartLine, config: FunctionConfig, tier: string, rate: string | null): ProductDiscountCandidate["value"] | null {
  const m = line.merchandise;
  if (m.__typename !== "ProductVariant") return null;
  const { amount, currencyCode } = line.cost.amountPerQuantity;
  const exponent = exponentOf(currencyCode);
  const price = minorOf(amount, exponent);
  if (price === null) return null;
  const collectionIds: string[] = [];
  config.collections.forEach((id, i) => {
    if (m.product[SLOTS[i] as (typeof SLOTS)[number]] === true) collectionIds.push(id);
  });
  // The program's own rate for this currency first; otherwise the cart's presentment rate (Markets).
  const conversion: Conversion | undefined =
    listedConversion(config, currencyCode, exponentOf) ??
    (currencyCode !== config.currency && rate !== null
      ? { rate, fromExponent: exponentOf(config.currency), toExponent: exponent }
      : undefined);
  const variant = { variantId: tail(m.id), productId: tail(m.product.id), collectionIds, price, currency: currencyCode };
  const { memberPrice } = priceFor(config, tier, variant, conversion);
  if (memberPrice === null || memberPrice >= price) return null;
  return { fixedAmount: { amount: decimalOf(price - memberPrice, exponent), appliesToEachItem: true } };
}

/** The numeric tail of a Shopify GraphQL id, as the engine keys products and variants. */
function tail(gid: string): string {
  return gid.slice(gid.lastIndexOf("/") + 1);
}
