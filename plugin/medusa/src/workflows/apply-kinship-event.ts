import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { KinshipCustomEvent } from "../modules/kinship/service";
import { applyKinshipEventStep } from "./steps/apply-kinship-event";

/**
 * `await applyKinshipEventWorkflow(container).run({ input: { id, name, customerId, occurredAt, payload } })`:
 * a custom event from the project's own code, applied once per `id` (rules with the trigger
 * `custom:<name>` reward it). Answers the outcome: applied, ignored, duplicate or failed (kept for
 * the kinship-retry job).
 */
export const applyKinshipEventWorkflow = createWorkflow("kinship-apply-event", (input: KinshipCustomEvent) => {
  return new WorkflowResponse(applyKinshipEventStep(input));
});

export default applyKinshipEventWorkflow;
