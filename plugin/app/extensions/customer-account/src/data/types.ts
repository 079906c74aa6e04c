/** What the storefront GraphQL answers, as the extension reads it. Points and money are integers. */
export interface Member {
  customerId: string;
  tier: { key: string; name: string; threshold: number; badge: { label: string; color: string } | null };
  points: { available: number; pending: number; expiringSoon: { points: number; on: string }[] };
  growth: number;
  nextTier: { key: string; name: string; remaining: number } | null;
}

export type RewardKind = "AMOUNT_OFF" | "PERCENT_OFF" | "FREE_SHIPPING";

export interface Reward {
  id: string;
  name: string;
  cost: number;
  kind: RewardKind;
  value: number;
  available: boolean;
}

export interface PerkCode {
  partner: string;
  code: string;
  claimedAt: string;
}

export type PerkBlock = "SIGN_IN" | "TIER" | "LIMIT" | "SOLD_OUT";

export interface Perk {
  partner: string;
  name: string;
  perk: string;
  minTier: string | null;
  claimable: boolean;
  blockedBy: PerkBlock | null;
  claimsLeft: number;
  codes: PerkCode[];
}

export interface Redemption {
  rewardId: string;
  code: string;
  points: number;
}

/** Everything the loyalty page shows; `member` is null when the token names no customer. */
export interface Loyalty {
  member: Member | null;
  rewards: Reward[];
  perks: Perk[];
}
