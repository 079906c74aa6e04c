import { ok } from "@kinship/engine";
import type { DiscountIssuer } from "./types.ts";

/**
 * For programs without a platform to create discounts on (the demo, custom integrations): the
 * generated code is the reward, recorded on the redemption for the merchant's checkout to honour.
 */
export function localIssuer(): DiscountIssuer {
  return {
    name: "local",
    issue: async (request) => ok({ code: request.code, platformRef: null }),
  };
}
