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

/** A value and whether it came from the localStorage snapshot because the API was unreachable. */
export interface Loaded<T> {
  value: T;
  stale: boolean;
}

/** Sends one GraphQL operation and resolves with its `data`; rejects on network or GraphQL errors. */
export type GraphQLRequest = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;
