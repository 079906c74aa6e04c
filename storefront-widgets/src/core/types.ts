import type {
  MembershipStatus as GeneratedMembershipStatus,
  PerkBlock as GeneratedPerkBlock,
  TierSource as GeneratedTierSource,
  KinshipCampaignsQuery,
  KinshipClaimPerkMutation,
  KinshipMembershipQuery,
  KinshipMeQuery,
  KinshipPerksQuery,
  KinshipPricesQuery,
  KinshipRedeemMutation,
  KinshipReferralQuery,
  KinshipRewardsQuery,
  KinshipSetBirthdayMutation,
} from "./generated/graphql.ts";

/**
 * What the storefront GraphQL surface answers (`storefrontSdl`, exported by @kinship/engine/schema),
 * by the names the widgets use: each is the generated type of the operation that asks for it
 * (queries.ts, `npm run codegen`). Type-only: none of it reaches the bundles.
 */

export type Member = NonNullable<KinshipMeQuery["me"]>;
export type Tier = Member["tier"];
export type Badge = NonNullable<Tier["badge"]>;

/** Money is integer minor units in `currency`; `memberPrice` and `benefit` are null when no benefit applies. */
export type MemberPrice = KinshipPricesQuery["memberPrices"][number];

export type Reward = KinshipRewardsQuery["rewards"][number];

export type Redemption = KinshipRedeemMutation["redeem"];

/** Why a perk cannot be claimed now: a guest, below the partner's tier, the period's claims used, the pool empty. */
export type PerkBlock = GeneratedPerkBlock;

export type PerkCode = KinshipClaimPerkMutation["claimPerk"];

/**
 * A co-branded partner's perk as this shopper sees it: `perk` is what members get ("A free coffee"),
 * `minTier` the tier key a member needs, `blockedBy` null when claimable, `codes` the ones this
 * member already claimed, newest first.
 */
export type Perk = KinshipPerksQuery["perks"][number];

/** The membership widget's answer: `me` null for a guest; `program.plans` the plans on sale. */
export type MembershipData = KinshipMembershipQuery;
export type Membership = NonNullable<NonNullable<KinshipMembershipQuery["me"]>["membership"]>;
export type MembershipPlan = KinshipMembershipQuery["program"]["plans"][number];
export type MembershipStatus = GeneratedMembershipStatus;
/** Where the member's tier comes from: EARNED (growth), PAID (a plan) or OVERRIDE (the store). */
export type TierSource = GeneratedTierSource;

/** Earned badges, stamp cards and the birthday; `me` null for a guest. */
export type CampaignsData = KinshipCampaignsQuery;
export type EarnedBadge = NonNullable<KinshipCampaignsQuery["me"]>["badges"][number];
export type StampCard = NonNullable<KinshipCampaignsQuery["me"]>["stampCards"][number];
export type BirthdaySet = KinshipSetBirthdayMutation["setBirthday"];

/** The member's referral code, link and counts (null: no referral program) and the offer friends get. */
export type ReferralData = KinshipReferralQuery;
export type MemberReferrals = NonNullable<NonNullable<KinshipReferralQuery["me"]>["referrals"]>;
export type ReferralOffer = NonNullable<KinshipReferralQuery["program"]["referral"]>;

/** A value and whether it came from the localStorage snapshot because the API was unreachable. */
export interface Loaded<T> {
  value: T;
  stale: boolean;
}

/** Sends one GraphQL operation and resolves with its `data`; rejects on network or GraphQL errors. */
export type GraphQLRequest = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;
