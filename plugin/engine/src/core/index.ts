export { CATCH_UP_DAYS, recentMonthDays } from "./campaigns/dates.ts";
export { type CampaignState, campaignStateOf, emptyCampaigns } from "./campaigns/state.ts";
export * from "./catalog/order-collections.ts";
export * from "./config/default-program.ts";
export * from "./config/referrals.ts";
export * from "./config/schema.ts";
export * from "./config/segments.ts";
export * from "./config/validate.ts";
export * from "./currency/convert.ts";
export * from "./decide.ts";
export * from "./events/normalise.ts";
export * from "./events/parse.ts";
export * from "./events/schema.ts";
export * from "./events/sinks.ts";
export * from "./events/topics.ts";
export * from "./finance/index.ts";
export * from "./handlers/commands.ts";
export { createdLotPrefix } from "./handlers/customer.ts";
export * from "./ids.ts";
export * from "./insight/period.ts";
export * from "./insight/segments.ts";
export * from "./insight/trial-order.ts";
export * from "./insight/try-rule.ts";
export * from "./insight/weeks.ts";
export * from "./intake/mapped.ts";
export * from "./ledger/types.ts";
export { type GuestPlan, planBought, planEmail } from "./membership/purchase.ts";
export { type MembershipRecord, membershipFromJson, type PlanPurchase } from "./membership/record.ts";
export { type TierSource, tierSourceOf } from "./membership/source.ts";
export { isPaying, type MembershipStatus, type MembershipView, membershipAt, PAYING } from "./membership/status.ts";
export { paidTier, planBenefits, targetTier } from "./membership/tier.ts";
export { type MembershipValue, membershipValue, rewardValue, type ValueParts } from "./membership/value.ts";
export * from "./money.ts";
export * from "./partners/claims.ts";
export {
  type Conversion,
  listedConversion,
  type MemberPriceQuote,
  memberPricesIn,
  type PricedVariant,
  type PriceTeaser,
  type PricingConfig,
  priceFor,
} from "./pricing/member-price.ts";
export * from "./reduce.ts";
export * from "./referrals/normalise.ts";
export * from "./referrals/review.ts";
export * from "./referrals/reward.ts";
export * from "./referrals/signals.ts";
export * from "./result.ts";
export * from "./segments/labels.ts";
export { evaluateTier, tierFor, tierRank } from "./tiers/evaluate.ts";
export {
  endOverride,
  movesTier,
  OVERRIDE_REASON_MAX,
  type OverrideRequest,
  overrideInForce,
  overrideTier,
  unknownTierMessage,
} from "./tiers/override.ts";
export { inWindow, windowStart } from "./tiers/window.ts";
