import type { Partner, ProgramConfig } from "../config/schema.ts";
import { periodKey } from "../rules/period.ts";
import { tierRank } from "../tiers/evaluate.ts";

export type PerkStanding = { claimable: true; left: number } | { claimable: false; reason: "disabled" | "tier" | "limit"; left: number };

/**
 * Whether a member of `tierKey`, who claimed this partner's perk at `claimedAt`, may claim again
 * at `now`: the partner is on, the tier is high enough, and fewer than `claimLimit.count` claims
 * fall in the current period (in the program's time zone).
 */
export function perkStanding(
  config: ProgramConfig,
  partner: Partner,
  tierKey: string,
  claimedAt: readonly Date[],
  now: Date,
): PerkStanding {
  const { count, period } = partner.claimLimit;
  const current = periodKey(period, now, config.timezone);
  const used = claimedAt.filter((at) => periodKey(period, at, config.timezone) === current).length;
  const left = Math.max(0, count - used);
  if (!partner.enabled) return { claimable: false, reason: "disabled", left };
  if (partner.minTier && tierRank(config, tierKey) < tierRank(config, partner.minTier)) return { claimable: false, reason: "tier", left };
  if (left === 0) return { claimable: false, reason: "limit", left };
  return { claimable: true, left };
}

export const MAX_PERK_CODE_LENGTH = 200;

/** Codes as the merchant pasted them: trimmed, blanks dropped, repeats within the batch collapsed. */
export function cleanPerkCodes(codes: readonly string[]): { codes: string[]; issues: string[] } {
  const issues: string[] = [];
  const seen = new Set<string>();
  codes.forEach((raw, i) => {
    const code = raw.trim();
    if (code === "") return;
    if (code.length > MAX_PERK_CODE_LENGTH) issues.push(`code ${i + 1} is longer than ${MAX_PERK_CODE_LENGTH} characters`);
    else if (/\s/.test(code)) issues.push(`code ${i + 1} contains whitespace`);
    else seen.add(code);
  });
  return { codes: [...seen], issues };
}
