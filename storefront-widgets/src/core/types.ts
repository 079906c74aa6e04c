/** What the storefront GraphQL surface answers (plugin/engine/src/graphql/sdl.ts, `storefrontSdl`). */

export interface Badge {
  label: string;
  color: string;
  icon: string | null;
}

export interface Tier {
  key: string;
  name: string;
  threshold: number;
  badge: Badge | null;
}

export interface Member {
  customerId: string;
  tier: Tier;
  points: { available: number; pending: number; expiringSoon: { points: number; on: string }[] };
  growth: number;
  nextTier: { key: string; name: string; remaining: number } | null;
}

/** Money is integer minor units in `currency`. */
export interface MemberPrice {
  variantId: string;
  currency: string;
  basePrice: number;
  memberPrice: number | null;
  benefit: string | null;
  teaser: { tier: string; tierName: string; memberPrice: number } | null;
}

export interface Reward {
  id: string;
  name: string;
  cost: number;
  kind: "AMOUNT_OFF" | "PERCENT_OFF" | "FREE_SHIPPING";
  value: number;
  available: boolean;
}

export interface Redemption {
  rewardId: string;
  code: string;
  points: number;
}

/** Why a perk cannot be claimed now: a guest, below the partner's tier, the period's claims used, the pool empty. */
export type PerkBlock = "SIGN_IN" | "TIER" | "LIMIT" | "SOLD_OUT";

export interface PerkCode {
  partner: string;
  code: string;
  claimedAt: string;
}

/** A co-branded partner's perk as this shopper sees it. */
export interface Perk {
  partner: string;
  name: string;
  /** What members get, e.g. "A free coffee". */
  perk: string;
  /** The tier key a member needs, if any. */
  minTier: string | null;
  claimable: boolean;
  /** Null when claimable. */
  blockedBy: PerkBlock | null;
  claimsLeft: number;
  /** The codes this member already claimed, newest first. */
  codes: PerkCode[];
}

/** A value and whether it came from the localStorage snapshot because the API was unreachable. */
export interface Loaded<T> {
  value: T;
  stale: boolean;
}

/** Sends one GraphQL operation and resolves with its `data`; rejects on network or GraphQL errors. */
export type GraphQLRequest = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;
