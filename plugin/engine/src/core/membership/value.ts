/** What a membership saved its member over a period, part by part (minor units of the program currency). */
export interface ValueParts {
  memberPrices: number;
  freeShipping: number;
  rewards: number;
  perks: number;
}

export interface MembershipValue extends ValueParts {
  fee: number;
  total: number;
  exceedsFee: boolean;
}

/** Value realised: the sum of its parts, against the plan's fee. */
export function membershipValue(parts: ValueParts, fee: number): MembershipValue {
  const total = parts.memberPrices + parts.freeShipping + parts.rewards + parts.perks;
  return { ...parts, fee, total, exceedsFee: total > fee };
}

/**
 * What one redeemed reward is worth as value realised: an amount off is its value; a percentage
 * off or free shipping has no amount until an order uses it, so it counts 0 here (the shipping a
 * free-shipping code saved shows in freeShipping when the plan includes free shipping).
 */
export function rewardValue(reward: { kind: "amountOff" | "percentOff" | "freeShipping"; value: number } | undefined): number {
  return reward?.kind === "amountOff" ? reward.value : 0;
}
