import type {
  PerkBlock as GeneratedPerkBlock,
  KinshipClaimPerkMutation,
  KinshipMeQuery,
  KinshipPerksQuery,
  KinshipPricesQuery,
  KinshipRedeemMutation,
  KinshipRewardsQuery,
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

/** A value and whether it came from the localStorage snapshot because the API was unreachable. */
export interface Loaded<T> {
  value: T;
  stale: boolean;
}

/** Sends one GraphQL operation and resolves with its `data`; rejects on network or GraphQL errors. */
export type GraphQLRequest = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;
