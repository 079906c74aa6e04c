export type { KinshipCustomEvent } from "../modules/kinship/service";
export { applyKinshipEventWorkflow } from "./apply-kinship-event";
export { type RedeemRewardInput, redeemRewardWorkflow } from "./redeem-reward";
export { applyKinshipEventStep } from "./steps/apply-kinship-event";
