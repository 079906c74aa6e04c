import type { ProgramConfig } from "../config/schema.ts";
import type { Member } from "../ledger/types.ts";
import { overrideInForce } from "../tiers/override.ts";
import { tierFor, tierRank } from "../tiers/rank.ts";
import { paidTier } from "./tier.ts";

export type TierSource = "EARNED" | "PAID" | "OVERRIDE";

/** Which holds the member's tier: the owner's override, a paid plan better than growth, or growth. */
export function tierSourceOf(member: Member, windowGrowth: number, config: ProgramConfig, now: Date): TierSource {
  if (overrideInForce(member, config, now)) return "OVERRIDE";
  const paid = paidTier(member, config, now);
  if (!paid) return "EARNED";
  const rank = tierRank(config, member.tierKey);
  return tierRank(config, paid.key) >= rank && tierRank(config, tierFor(config, windowGrowth).key) < rank ? "PAID" : "EARNED";
}
