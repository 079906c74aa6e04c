import { createPromotionsWorkflow } from "@medusajs/medusa/core-flows";

/**
 * Test store only: a merchant hook that refuses promotions for the reward "doomed", so the
 * end-to-end tests can watch Kinship's redemption workflow compensate (points back, no code left).
 */
createPromotionsWorkflow.hooks.promotionsCreated(async ({ promotions }) => {
  if (promotions.some((p) => (p.metadata as Record<string, unknown> | null)?.kinship_reward === "doomed"))
    throw new Error("the test store refuses promotions for the reward 'doomed'");
});
