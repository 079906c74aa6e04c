import { ok } from "@kinship/engine";
import { type AdminApiOptions, adminApi } from "../../shopify/admin-api.ts";
import { CODE_DELETE, type CreatePayload, createMutation } from "./shopify-discount.ts";
import { type DiscountIssuer, discountFailed } from "./types.ts";

export type ShopifyIssuerOptions = AdminApiOptions;

/**
 * Creates the reward's code on the shop through the Admin GraphQL API: amountOff and percentOff
 * with `discountCodeBasicCreate`, freeShipping with `discountCodeFreeShippingCreate`; always
 * limited to the member (`context.customers`), one use. `userErrors` are failures.
 */
export function shopifyIssuer(options: ShopifyIssuerOptions): DiscountIssuer {
  const api = adminApi(options);
  return {
    name: "shopify",
    async issue(request) {
      const m = createMutation(request);
      const answer = await api.request<Record<string, CreatePayload | null>>(m.query, m.variables);
      if (!answer.ok) return discountFailed(answer.message, answer.retryable);
      const payload = answer.data[m.field];
      const userErrors = payload?.userErrors ?? [];
      if (userErrors.length > 0)
        return discountFailed(
          userErrors.map((e) => (e.field?.length ? `${e.field.join(".")}: ${e.message}` : e.message)).join("; "),
          false,
        );
      const id = payload?.codeDiscountNode?.id;
      if (!id) return discountFailed("Shopify created no discount and gave no reason", false);
      return ok({ code: request.code, platformRef: id });
    },
    async revoke(issued) {
      if (!issued.platformRef) return;
      await api.request(CODE_DELETE, { id: issued.platformRef }).catch(() => undefined);
    },
  };
}
