import type { Reward } from "@kinship/engine";
import type { CreatePromotionDTO } from "@medusajs/framework/types";
import { majorOf } from "../lib/money";

/**
 * The Medusa promotion a reward pays for: a code only this customer can use, once. Amounts are in
 * the program currency's minor units in Kinship and in major units in Medusa.
 */
export function promotionForReward(reward: Reward, code: string, customerId: string, currency: string): CreatePromotionDTO {
  const application_method: CreatePromotionDTO["application_method"] =
    reward.kind === "amountOff"
      ? {
          type: "fixed",
          target_type: "order",
          allocation: "across",
          value: majorOf(reward.value, currency),
          currency_code: currency.toLowerCase(),
        }
      : reward.kind === "percentOff"
        ? { type: "percentage", target_type: "order", allocation: "across", value: reward.value }
        : { type: "percentage", target_type: "shipping_methods", allocation: "each", value: 100 };
  return {
    code,
    type: "standard",
    status: "active",
    is_automatic: false,
    limit: 1,
    application_method,
    rules: [{ attribute: "customer.id", operator: "eq", values: [customerId] }],
    metadata: { kinship_reward: reward.id, kinship_customer: customerId },
  };
}
