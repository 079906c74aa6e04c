import { describe, expect, it } from "vitest";
import { promotionForReward } from "../src/workflows/promotion-for-reward";
import { codeOfWorkflowError } from "../src/workflows/steps/errors";

const base = { id: "r", name: "R", cost: 500, enabled: true };

describe("the promotion a reward pays for", () => {
  it("is a code only this customer can use, once, worth the reward in Medusa's major units", () => {
    expect(promotionForReward({ ...base, kind: "amountOff", value: 750 }, "KIN-ABCDEFGH", "cus_1", "USD")).toEqual({
      code: "KIN-ABCDEFGH",
      type: "standard",
      status: "active",
      is_automatic: false,
      limit: 1,
      application_method: { type: "fixed", target_type: "order", allocation: "across", value: 7.5, currency_code: "usd" },
      rules: [{ attribute: "customer.id", operator: "eq", values: ["cus_1"] }],
      metadata: { kinship_reward: "r", kinship_customer: "cus_1" },
    });
    expect(promotionForReward({ ...base, kind: "amountOff", value: 750 }, "K", "c", "JPY").application_method).toMatchObject({
      value: 750,
    });
    expect(promotionForReward({ ...base, kind: "percentOff", value: 10 }, "K", "c", "USD").application_method).toEqual({
      type: "percentage",
      target_type: "order",
      allocation: "across",
      value: 10,
    });
    expect(promotionForReward({ ...base, kind: "freeShipping", value: 0 }, "K", "c", "USD").application_method).toEqual({
      type: "percentage",
      target_type: "shipping_methods",
      allocation: "each",
      value: 100,
    });
  });

  it("a failed workflow's message gives back the engine's code", () => {
    expect(codeOfWorkflowError("InsufficientPoints: member cus_1 has 0 points")).toEqual({
      code: "InsufficientPoints",
      message: "member cus_1 has 0 points",
    });
    expect(codeOfWorkflowError("the test store refuses promotions")).toEqual({
      code: "DiscountFailed",
      message: "the test store refuses promotions",
    });
  });
});
