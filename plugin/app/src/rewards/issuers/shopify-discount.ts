import { currencyExponent, type Reward } from "@kinship/engine";
import type { IssueRequest } from "./types.ts";

const PAYLOAD = "codeDiscountNode { id } userErrors { field code message }";

export const BASIC_CREATE = /* GraphQL */ `
  mutation KinshipRewardCode($input: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $input) { ${PAYLOAD} }
  }
`;

export const FREE_SHIPPING_CREATE = /* GraphQL */ `
  mutation KinshipFreeShippingCode($input: DiscountCodeFreeShippingInput!) {
    discountCodeFreeShippingCreate(freeShippingCodeDiscount: $input) { ${PAYLOAD} }
  }
`;

export const CODE_DELETE = /* GraphQL */ `
  mutation KinshipRevokeCode($id: ID!) {
    discountCodeDelete(id: $id) { deletedCodeDiscountId userErrors { field code message } }
  }
`;

export interface UserError {
  field: string[] | null;
  code: string | null;
  message: string;
}

export interface CreatePayload {
  codeDiscountNode: { id: string } | null;
  userErrors: UserError[];
}

export function customerGid(customerId: string): string {
  return customerId.startsWith("gid://") ? customerId : `gid://shopify/Customer/${customerId}`;
}

/** Integer minor units as the decimal string Shopify's Decimal scalar takes: 1050 USD → "10.50", 500 JPY → "500". */
export function decimalAmount(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === 0) return String(minor);
  const digits = String(minor).padStart(exponent + 1, "0");
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** The mutation and its variables for one reward: one use, by this customer only. */
export function createMutation(r: IssueRequest): { query: string; field: string; variables: { input: Record<string, unknown> } } {
  const common = {
    title: `${r.reward.name} (Kinship reward)`,
    code: r.code,
    startsAt: r.now.toISOString(),
    context: { customers: { add: [customerGid(r.customerId)] } },
    usageLimit: 1,
    appliesOncePerCustomer: true,
    ...(r.minimumOrder
      ? { minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: decimalAmount(r.minimumOrder, r.currency) } } }
      : {}),
  };
  if (r.reward.kind === "freeShipping")
    return {
      query: FREE_SHIPPING_CREATE,
      field: "discountCodeFreeShippingCreate",
      variables: { input: { ...common, destination: { all: true } } },
    };
  return {
    query: BASIC_CREATE,
    field: "discountCodeBasicCreate",
    variables: { input: { ...common, customerGets: { value: discountValue(r.reward, r.currency), items: { all: true } } } },
  };
}

function discountValue(reward: Reward, currency: string): Record<string, unknown> {
  if (reward.kind === "percentOff") return { percentage: reward.value / 100 };
  return { discountAmount: { amount: decimalAmount(reward.value, currency), appliesOnEachItem: false } };
}
