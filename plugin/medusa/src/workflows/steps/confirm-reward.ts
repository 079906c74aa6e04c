import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { kinshipOf } from "../../lib/kinship";
import { stepError } from "./errors";

/** Records the code on the redemption; if this fails the workflow compensates (promotion deleted, points back). */
export const confirmRewardStep = createStep(
  "kinship-confirm-reward",
  async (input: { key: string; code: string; promotionId: string }, { container }) => {
    const kinship = kinshipOf(container);
    const confirmed = await (await kinship.engine()).redemptions.confirm({
      program: kinship.program,
      key: input.key,
      code: input.code,
      platformRef: input.promotionId,
      now: new Date(),
    });
    if (!confirmed.ok) throw stepError(confirmed.error);
    return new StepResponse({ code: confirmed.value.code ?? input.code, points: confirmed.value.points });
  },
);
