import { MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { emitKinshipEvents } from "../../lib/events-out";
import { kinshipOf } from "../../lib/kinship";
import { syncTierGroups } from "../../lib/sync/tier-groups";
import type { KinshipCustomEvent, TakeOutcome } from "../../modules/kinship/service";

/**
 * Applies a custom event (a review, a POS sale, a check-in) from a Medusa project's own code,
 * exactly once per event `id`: a retried workflow answers "duplicate" and changes nothing. An
 * invalid event fails the step with its reason. Nothing to compensate: the ledger entry is keyed
 * by the event, and a rule that should take points back is an event of its own.
 */
export const applyKinshipEventStep = createStep(
  "kinship-apply-event",
  async (input: KinshipCustomEvent, { container }): Promise<StepResponse<{ outcome: TakeOutcome }>> => {
    const now = new Date();
    const reply = await kinshipOf(container).takeCustom(JSON.stringify(input), now);
    if (reply.status === 400) throw new MedusaError(MedusaError.Types.INVALID_DATA, reply.body.error ?? "invalid Kinship event");
    const outcome = reply.body.outcome as TakeOutcome;
    if (outcome === "applied") {
      await syncTierGroups(container, now);
      await emitKinshipEvents(container, now);
    }
    return new StepResponse({ outcome });
  },
);
