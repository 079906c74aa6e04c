/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type MembershipStatus =
  /** Paid for the current period. */
  | 'ACTIVE'
  /** Refunded or cancelled with the plan's onRefund = periodEnd: benefits continue until currentPeriodEnd. */
  | 'ENDING'
  /** Past the period's end, inside the plan's grace days: benefits continue until the grace ends. */
  | 'GRACE'
  /** Ended: not renewed within grace, or refunded with onRefund = immediately. */
  | 'LAPSED';

export type PerkBlock =
  /** The member used up this period's claims. */
  | 'LIMIT'
  /** A guest: sign in (or join) to claim. */
  | 'SIGN_IN'
  /** The partner's pool has no codes left. */
  | 'SOLD_OUT'
  /** The member's tier is below the partner's minimum. */
  | 'TIER';

export type PlanPeriod =
  | 'MONTH'
  | 'YEAR';

export type RewardKind =
  | 'AMOUNT_OFF'
  | 'FREE_SHIPPING'
  | 'PERCENT_OFF';

/** Where the member's tier comes from: growth, a paid plan (better than growth) or the owner's override. */
export type TierSource =
  | 'EARNED'
  | 'OVERRIDE'
  | 'PAID';

export type KinshipRedeemMutationVariables = Exact<{
  id: string | number;
  key?: string | null | undefined;
}>;


export type KinshipRedeemMutation = { redeem: { rewardId: string, code: string, points: number } };

export type KinshipMeQueryVariables = Exact<{ [key: string]: never; }>;


export type KinshipMeQuery = { me: { customerId: string, growth: number, tier: { key: string, name: string, threshold: number, badge: { label: string, color: string, icon: string | null } | null }, points: { available: number, pending: number, expiringSoon: Array<{ points: number, on: string }> }, nextTier: { key: string, name: string, remaining: number } | null } | null };

export type KinshipPricesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type KinshipPricesQuery = { memberPrices: Array<{ variantId: string, currency: string, basePrice: number, memberPrice: number | null, benefit: string | null, teaser: { tier: string, tierName: string, memberPrice: number } | null }> };

export type KinshipRewardsQueryVariables = Exact<{ [key: string]: never; }>;


export type KinshipRewardsQuery = { rewards: Array<{ id: string, name: string, cost: number, kind: RewardKind, value: number, available: boolean }> };

export type KinshipRecordSessionMutationVariables = Exact<{
  d: string;
}>;


export type KinshipRecordSessionMutation = { recordSession: boolean };

export type KinshipSetBirthdayMutationVariables = Exact<{
  date: string;
}>;


export type KinshipSetBirthdayMutation = { setBirthday: { customerId: string, birthday: string | null } };

export type KinshipClaimPerkMutationVariables = Exact<{
  partner: string | number;
  key?: string | null | undefined;
}>;


export type KinshipClaimPerkMutation = { claimPerk: { partner: string, code: string, claimedAt: string } };

export type KinshipPerksQueryVariables = Exact<{ [key: string]: never; }>;


export type KinshipPerksQuery = { me: { customerId: string } | null, perks: Array<{ partner: string, name: string, perk: string, minTier: string | null, claimable: boolean, blockedBy: PerkBlock | null, claimsLeft: number, codes: Array<{ partner: string, code: string, claimedAt: string }> }> };

export type KinshipReferralQueryVariables = Exact<{ [key: string]: never; }>;


export type KinshipReferralQuery = { me: { customerId: string, referrals: { code: string, link: string | null, pending: number, paid: number, pointsEarned: number } | null } | null, program: { currency: string, referral: { refereeRewardKind: RewardKind, refereeRewardValue: number, referrerPoints: number } | null } };

export type KinshipMembershipQueryVariables = Exact<{ [key: string]: never; }>;


export type KinshipMembershipQuery = { me: { customerId: string, tierSource: TierSource, tier: { key: string, name: string }, membership: { status: MembershipStatus, currentPeriodEnd: string, benefitsUntil: string, plan: { key: string, name: string, price: number, currency: string, period: PlanPeriod }, value: { currency: string, fee: number, memberPrices: number, freeShipping: number, rewards: number, perks: number, total: number, exceedsFee: boolean } } | null } | null, program: { currency: string, plans: Array<{ key: string, name: string, price: number, currency: string, period: PlanPeriod, tier: string | null, freeShipping: boolean }> } };

export type KinshipLauncherQueryVariables = Exact<{ [key: string]: never; }>;


export type KinshipLauncherQuery = { referralLink: string | null, program: { name: string, currency: string, waysToEarn: Array<{ id: string, name: string, trigger: string, pointsPerUnit: number | null, points: number | null, multiplier: number | null }> } };

export type KinshipCampaignsQueryVariables = Exact<{ [key: string]: never; }>;


export type KinshipCampaignsQuery = { me: { customerId: string, birthday: string | null, badges: Array<{ key: string, name: string, description: string | null, icon: string | null, color: string | null, earnedAt: string }>, stampCards: Array<{ id: string, name: string, stamps: number, collected: number, completed: number }> } | null };
