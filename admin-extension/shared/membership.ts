import { formatMoney } from "./money.ts";
import type { MembershipStatus, MembershipValue, TierSource } from "./types.ts";

/** A membership's status, tier source and value realised in words, for the member page in both admins. */

const statusLabels: Record<MembershipStatus, string> = {
  ACTIVE: "Active",
  GRACE: "In grace period",
  ENDING: "Ending at period end",
  LAPSED: "Lapsed",
};

export function membershipStatusLabel(status: MembershipStatus): string {
  return statusLabels[status] ?? status;
}

const sourceLabels: Record<TierSource, string> = {
  EARNED: "Earned by growth",
  PAID: "From the paid plan",
  OVERRIDE: "Set by an owner (override)",
};

export function tierSourceLabel(source: TierSource): string {
  return sourceLabels[source] ?? source;
}

/** The parts of the value realised, in the order the engine adds them (their sum is `total`). */
export function valueParts(value: MembershipValue): { label: string; amount: number }[] {
  return [
    { label: "Member prices", amount: value.memberPrices },
    { label: "Free shipping", amount: value.freeShipping },
    { label: "Rewards", amount: value.rewards },
    { label: "Partner perks", amount: value.perks },
  ];
}

/** "Saved $412.00 on a $99.00 membership this period." */
export function valueSentence(value: MembershipValue): string {
  return `Saved ${formatMoney(value.total, value.currency)} on a ${formatMoney(value.fee, value.currency)} membership this period.`;
}
