export type { Messages, PerkMessages } from "./core/messages.ts";
export { messages as defaultMessages, perkMessages as defaultPerkMessages } from "./core/messages.ts";
export { CLAIM_PERK_MUTATION, ME_QUERY, PERKS_QUERY, PRICES_QUERY, REDEEM_MUTATION, REWARDS_QUERY } from "./core/queries.ts";
export type {
  Badge,
  Loaded,
  Member,
  MemberPrice as MemberPriceData,
  Perk,
  PerkBlock,
  PerkCode,
  Redemption,
  Reward,
  Tier,
} from "./core/types.ts";
export { KinshipProvider, type KinshipProviderProps, useKinship } from "./react/context.tsx";
export { type Remote, useMe, useMemberPrice, usePerks, useRewards } from "./react/hooks.ts";
export { MemberBadge, type MemberBadgeProps } from "./react/MemberBadge.tsx";
export { MemberPrice, type MemberPriceProps } from "./react/MemberPrice.tsx";
export { PartnerPerks, type PartnerPerksProps } from "./react/PartnerPerks.tsx";
export { PointsBalance, type PointsBalanceProps } from "./react/PointsBalance.tsx";
export { RewardsList, type RewardsListProps } from "./react/RewardsList.tsx";
export { TierProgress, type TierProgressProps } from "./react/TierProgress.tsx";
