import type { ProgramConfig } from "../config/schema.ts";
import type { Member, TierChange } from "../ledger/types.ts";
import { heldByEndedPlan, targetTier } from "../membership/tier.ts";
import { addDays } from "../time.ts";
import { endOverride, overrideInForce } from "./override.ts";
import { tierFor, tierRank } from "./rank.ts";

export { tierFor, tierRank };

export type TierMode = "upgradeOnly" | "full";

/**
 * Upgrades happen at once; downgrades only at an evaluation, after a grace period that starts the
 * first time the member is found below their tier (and is cleared if they climb back).
 * An owner's override in force holds the tier whatever the growth; one that ran out is ended by
 * the next full evaluation (maintenance), until then growth may only lift the member.
 * A paying member holds at least the plan's tier; when the plan stops paying, a member it held
 * falls to the earned tier at the next full evaluation, with no tier grace.
 */
export function evaluateTier(
  member: Member,
  windowGrowth: number,
  config: ProgramConfig,
  now: Date,
  mode: TierMode,
  keyPrefix: string,
): TierChange[] {
  if (overrideInForce(member, config, now)) return [];
  if (member.override !== null && mode === "full") {
    member.override = null;
    return endOverride(member, windowGrowth, config, now, keyPrefix);
  }
  const target = targetTier(member, windowGrowth, config, now);
  const current = member.tierKey;
  const change = (reason: TierChange["reason"], to: string): TierChange => ({
    key: `${keyPrefix}:${reason}`,
    from: current,
    to,
    reason,
    growth: windowGrowth,
    at: now,
  });
  const diff = tierRank(config, target.key) - tierRank(config, current);
  if (diff > 0) {
    member.tierKey = target.key;
    member.tierSince = now;
    member.downgradeDueAt = null;
    return [change("upgrade", target.key)];
  }
  if (mode === "upgradeOnly") return [];
  if (diff === 0) {
    if (member.downgradeDueAt === null) return [];
    member.downgradeDueAt = null;
    return [change("grace_cleared", current)];
  }
  if (member.downgradeDueAt === null && config.tierPolicy.graceDays > 0 && !heldByEndedPlan(member, config, now)) {
    member.downgradeDueAt = addDays(now, config.tierPolicy.graceDays);
    return [change("grace_started", current)];
  }
  if (member.downgradeDueAt === null || member.downgradeDueAt <= now || heldByEndedPlan(member, config, now)) {
    member.tierKey = target.key;
    member.tierSince = now;
    member.downgradeDueAt = null;
    return [change("downgrade", target.key)];
  }
  return [];
}
