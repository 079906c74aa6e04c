export { type RedeemRewardInput, redeemRewardWorkflow } from "./redeem-reward";
