export { type MemberMessages, memberMessages as defaultMemberMessages, memberMessagesZhCN } from "./core/member-messages.ts";
export type { Messages, PerkMessages } from "./core/messages.ts";
export { messages as defaultMessages, perkMessages as defaultPerkMessages } from "./core/messages.ts";
export {
  CAMPAIGNS_QUERY,
  CLAIM_PERK_MUTATION,
  ME_QUERY,
  MEMBERSHIP_QUERY,
  PERKS_QUERY,
  PRICES_QUERY,
  RECORD_SESSION_MUTATION,
  REDEEM_MUTATION,
  REFERRAL_QUERY,
  REWARDS_QUERY,
  SET_BIRTHDAY_MUTATION,
} from "./core/queries.ts";
export { type CartReferral, captureReferral, type Referral } from "./core/referral.ts";
export type {
  Badge,
  CampaignsData,
  EarnedBadge,
  Loaded,
  Member,
  MemberPrice as MemberPriceData,
  MemberReferrals,
  Membership,
  MembershipData,
  MembershipPlan,
  MembershipStatus,
  Perk,
  PerkBlock,
  PerkCode,
  Redemption,
  ReferralData,
  ReferralOffer,
  Reward,
  StampCard,
  Tier,
  TierSource,
} from "./core/types.ts";
export { BirthdayForm, type BirthdayFormProps } from "./react/BirthdayForm.tsx";
export { KinshipProvider, type KinshipProviderProps, useKinship, type WidgetMessages } from "./react/context.tsx";
export { EarnedBadges, type EarnedBadgesProps } from "./react/EarnedBadges.tsx";
export {
  type Remote,
  type UseReferral,
  useCampaigns,
  useMe,
  useMemberPrice,
  useMembership,
  usePerks,
  useReferral,
  useReferrals,
  useRewards,
} from "./react/hooks.ts";
export { MemberBadge, type MemberBadgeProps } from "./react/MemberBadge.tsx";
export { MemberPrice, type MemberPriceProps } from "./react/MemberPrice.tsx";
export { MembershipValue, type MembershipValueProps } from "./react/MembershipValue.tsx";
export { type MedusaCartClient, medusaCartReferral } from "./react/medusa.ts";
export { PartnerPerks, type PartnerPerksProps } from "./react/PartnerPerks.tsx";
export { PointsBalance, type PointsBalanceProps } from "./react/PointsBalance.tsx";
export { ReferralShare, type ReferralShareProps } from "./react/ReferralShare.tsx";
export { RewardsList, type RewardsListProps } from "./react/RewardsList.tsx";
export { StampCards, type StampCardsProps } from "./react/StampCards.tsx";
export { TierProgress, type TierProgressProps } from "./react/TierProgress.tsx";
