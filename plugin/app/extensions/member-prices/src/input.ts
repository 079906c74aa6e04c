/** The input the query in cart_lines_discounts_generate_run.graphql asks for, and the output the target answers. */

export const SLOTS = ["c0", "c1", "c2", "c3", "c4"] as const;
export type Slot = (typeof SLOTS)[number];

export interface RunInput {
  presentmentCurrencyRate: string | number;
  cart: {
    buyerIdentity?: { customer?: { tier?: { value: string } | null } | null } | null;
    lines: readonly CartLine[];
  };
  discount: { discountClasses: readonly string[]; config?: { jsonValue: unknown } | null };
}

export interface CartLine {
  id: string;
  cost: { amountPerQuantity: { amount: string | number; currencyCode: string } };
  merchandise:
    | { __typename: "ProductVariant"; id: string; product: { id: string } & Partial<Record<Slot, boolean>> }
    | { __typename: "CustomProduct" };
}

export interface ProductDiscountCandidate {
  message: string;
  targets: { cartLine: { id: string } }[];
  value: { fixedAmount: { amount: string; appliesToEachItem: true } };
}

export interface RunResult {
  operations: { productDiscountsAdd: { candidates: ProductDiscountCandidate[]; selectionStrategy: "ALL" } }[];
}
