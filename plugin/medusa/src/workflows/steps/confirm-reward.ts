import { confirmRedemption } from "@kinship/engine";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { kinshipOf } from "../../lib/kinship";
import { KinshipStepError } from "./errors";

/** Records the code on the redemption; if this fails the workflow compensates (promotion deleted, points back). */
export const confirmRewardStep = createStep(
  "kinship-confirm-reward",
  async (input: { key: string; code: string; promotionId: string }, { container }) => {
    const kinship = kinshipOf(container);
    const confirmed = await confirmRedemption(await kinship.engine(), {
      program: kinship.program,
      key: input.key,
      code: input.code,
      platformRef: input.promotionId,
      now: new Date(),
    });
    if (!confirmed.ok) throw new KinshipStepError(confirmed.error.code, confirmed.error.message);
    return new StepResponse({ code: confirmed.value.code ?? input.code, points: confirmed.value.points });
  },
);
