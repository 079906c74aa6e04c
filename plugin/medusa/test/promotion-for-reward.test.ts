import { MedusaError, serializeError } from "@medusajs/framework/utils";
import { describe, expect, it } from "vitest";
import { promotionForReward } from "../src/workflows/promotion-for-reward";
import { engineErrorOf, stepError } from "../src/workflows/steps/errors";

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

  it("a step throws the engine's failure as a typed MedusaError; the workflow's caller reads the engine error back", () => {
    const insufficient = { code: "InsufficientPoints", message: "member cus_1 has 0 points", available: 0, requested: 500 } as const;
    const thrown = stepError(insufficient);
    expect(thrown).toBeInstanceOf(MedusaError);
    expect(thrown).toMatchObject({ type: MedusaError.Types.NOT_ALLOWED, code: "InsufficientPoints", message: "member cus_1 has 0 points" });
    const types = [
      stepError({ code: "UnknownReward", message: "no reward x", rewardId: "x" }),
      stepError({ code: "InvalidEvent", message: "bad", issues: [] }),
      stepError({ code: "AlreadyApplied", message: "spend:redeem:k was already applied", key: "k" }),
      stepError({ code: "IdempotencyKeyReused", message: "used", key: "k" }),
      stepError({ code: "DiscountFailed", message: "down", retryable: true }),
    ].map((e) => e.type);
    expect(types).toEqual([
      MedusaError.Types.NOT_FOUND,
      MedusaError.Types.INVALID_DATA,
      MedusaError.Types.CONFLICT,
      MedusaError.Types.CONFLICT,
      MedusaError.Types.UNEXPECTED_STATE,
    ]);
    // What a run with throwOnError false hands back: the step's error as Medusa's orchestrator serializes it.
    expect(engineErrorOf(serializeError(thrown))).toEqual(insufficient);
    expect(engineErrorOf(JSON.parse(JSON.stringify(serializeError(thrown))))).toEqual(insufficient);
  });

  it("a failure that is not the engine's (Medusa or a merchant's hook refused the promotion) is DiscountFailed with its message", () => {
    const refused = serializeError(new Error("the test store refuses promotions"));
    expect(engineErrorOf(refused)).toEqual({ code: "DiscountFailed", message: "the test store refuses promotions", retryable: false });
    // A MedusaError of Medusa's own, even one whose code looks like an engine code, is not taken for the engine's.
    const medusas = serializeError(new MedusaError(MedusaError.Types.NOT_ALLOWED, "InsufficientPoints: not ours", "InsufficientPoints"));
    expect(engineErrorOf(medusas)).toMatchObject({ code: "DiscountFailed", message: "InsufficientPoints: not ours" });
    expect(engineErrorOf(undefined)).toMatchObject({ code: "DiscountFailed" });
  });
});
