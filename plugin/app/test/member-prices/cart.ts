import type { PricingConfig } from "@kinship/engine/pricing";
import type { RunInput, RunResult } from "../../extensions/member-prices/src/input.ts";
import { SLOTS } from "../../extensions/member-prices/src/input.ts";
import { cartLinesDiscountsGenerateRun } from "../../extensions/member-prices/src/run.ts";
import { discountConfigOf } from "../../src/shopify/discount/config.ts";

/** One cart line as a test describes it: numeric ids, the collections the product is in, a decimal price. */
export interface LineSpec {
  variantId: string;
  productId: string;
  collectionIds?: readonly string[];
  amount: string;
  currency: string;
}

export interface CartSpec {
  tier: string | null;
  lines: readonly LineSpec[];
  rate?: string;
  /** The metafield's jsonValue as Shopify hands it over; by default the one Kinship writes for `program`. */
  configJson?: unknown;
  discountClasses?: string[];
}

/** The function input Shopify would build from the input query for this cart, with the discount's metafields Kinship wrote. */
export function inputFor(program: PricingConfig, cart: CartSpec): RunInput {
  const { config, variables } = discountConfigOf(program);
  const slotOf = (collectionIds: readonly string[]) =>
    Object.fromEntries(
      SLOTS.map((slot) => [slot, (variables[slot] ?? []).some((gid) => collectionIds.some((c) => gid.endsWith(`/${c}`)))]),
    );
  return {
    presentmentCurrencyRate: cart.rate ?? "1.0",
    cart: {
      buyerIdentity: cart.tier === null ? null : { customer: { tier: { value: cart.tier } } },
      lines: cart.lines.map((l, i) => ({
        id: `gid://shopify/CartLine/${i + 1}`,
        cost: { amountPerQuantity: { amount: l.amount, currencyCode: l.currency } },
        merchandise: {
          __typename: "ProductVariant" as const,
          id: `gid://shopify/ProductVariant/${l.variantId}`,
          product: { id: `gid://shopify/Product/${l.productId}`, ...slotOf(l.collectionIds ?? []) },
        },
      })),
    },
    discount: {
      discountClasses: cart.discountClasses ?? ["PRODUCT"],
      // A metafield that is not set reaches the function as null.
      config: cart.configJson === null ? null : { jsonValue: "configJson" in cart ? cart.configJson : config },
    },
  };
}

/** What the function takes off each unit of each line, by line index (decimal text as it answers). */
export function offByLine(result: RunResult): Map<number, string> {
  const out = new Map<number, string>();
  for (const op of result.operations)
    for (const c of op.productDiscountsAdd.candidates)
      for (const t of c.targets) out.set(Number(t.cartLine.id.split("/").pop()) - 1, c.value.fixedAmount.amount);
  return out;
}

export const run = cartLinesDiscountsGenerateRun;
