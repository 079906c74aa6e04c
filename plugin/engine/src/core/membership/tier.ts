import type { ProgramConfig, Tier } from "../config/schema.ts";
import type { Member } from "../ledger/types.ts";
import { tierFor, tierRank } from "../tiers/rank.ts";
import { isPaying, membershipAt, PAYING } from "./status.ts";

/** The tier a paying member holds at least (null: not paying, or a plan of benefits only). */
export function paidTier(member: Pick<Member, "membership">, config: ProgramConfig, now: Date): Tier | null {
  const view = membershipAt(member.membership, config, now);
  if (!isPaying(view) || !view.plan.tier) return null;
  return config.tiers.find((t) => t.key === view.plan.tier) ?? null;
}

/** The better of the tier growth earns and the tier the plan pays for. */
export function targetTier(member: Pick<Member, "membership">, windowGrowth: number, config: ProgramConfig, now: Date): Tier {
  const earned = tierFor(config, windowGrowth);
  const paid = paidTier(member, config, now);
  return paid && tierRank(config, paid.key) > tierRank(config, earned.key) ? paid : earned;
}

/**
 * Whether the member's tier was held by a plan that no longer pays: the plan's tier reaches theirs
 * and they were at it before its benefits stopped. They fall to the earned tier at once (the
 * plan's own grace days were the grace).
 */
export function heldByEndedPlan(member: Member, config: ProgramConfig, now: Date): boolean {
  const view = membershipAt(member.membership, config, now);
  if (view === null || PAYING.includes(view.status) || !view.plan.tier) return false;
  return tierRank(config, view.plan.tier) >= tierRank(config, member.tierKey) && member.tierSince <= view.benefitsUntil;
}

/** Member-price benefits the member's plan grants whatever their tier. */
export function planBenefits(member: Pick<Member, "membership">, config: ProgramConfig, now: Date): string[] {
  const view = membershipAt(member.membership, config, now);
  return isPaying(view) ? view.plan.benefits : [];
}
