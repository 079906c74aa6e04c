import type { ProgramConfig } from "../config/schema.ts";
import type { Member, TierChange, TierOverride } from "../ledger/types.ts";
import { targetTier } from "../membership/tier.ts";
import { type EngineError, err, ok, type Result } from "../result.ts";
import { addDays } from "../time.ts";
import { tierRank } from "./rank.ts";

export const OVERRIDE_REASON_MAX = 500;

/** The override holding the member at `now`: null when there is none, it ran out, or its tier left the config. */
export function overrideInForce(member: Pick<Member, "override">, config: ProgramConfig, now: Date): TierOverride | null {
  const held = member.override;
  if (held === null) return null;
  if (held.until !== null && held.until <= now) return null;
  return config.tiers.some((t) => t.key === held.tierKey) ? held : null;
}

/** The owner's request: hold `tierKey` until `until` (null: no end), or with `tierKey` null let the tier follow growth again. */
export interface OverrideRequest {
  tierKey: string | null;
  until: Date | null;
  reason: string;
  actor: string;
}

/** A tier change that moves the member (what platforms sync: tags, customer groups). */
export function movesTier(change: TierChange): boolean {
  return change.from !== null && change.from !== change.to && change.reason !== "grace_started" && change.reason !== "grace_cleared";
}

/**
 * Sets or clears the member's override (the member is changed in place) and answers the tier
 * changes it makes. Setting moves the member to the tier at once and stops any grace period;
 * clearing ends the hold the way a hold that ran out ends (see endOverride).
 */
export function overrideTier(
  member: Member,
  request: OverrideRequest,
  windowGrowth: number,
  config: ProgramConfig,
  now: Date,
  keyPrefix: string,
): Result<TierChange[], EngineError> {
  const reason = request.reason.trim();
  if (reason.length < 1 || reason.length > OVERRIDE_REASON_MAX)
    return err({ code: "InvalidOverride", message: `reason must be 1 to ${OVERRIDE_REASON_MAX} characters`, issues: ["reason"] });
  if (request.tierKey === null) {
    if (member.override === null) return ok([]);
    member.override = null;
    return ok(endOverride(member, windowGrowth, config, now, keyPrefix));
  }
  const tier = config.tiers.find((t) => t.key === request.tierKey);
  if (!tier) return err({ code: "UnknownTier", message: unknownTierMessage(request.tierKey, config), tier: request.tierKey });
  if (request.until !== null && request.until <= now)
    return err({ code: "InvalidOverride", message: `until (${request.until.toISOString()}) must be in the future`, issues: ["until"] });
  member.override = { tierKey: tier.key, until: request.until, reason, actor: request.actor, setAt: now };
  member.downgradeDueAt = null;
  if (member.tierKey === tier.key) return ok([]);
  const change: TierChange = {
    key: `${keyPrefix}:override`,
    from: member.tierKey,
    to: tier.key,
    reason: "override",
    growth: windowGrowth,
    at: now,
  };
  member.tierKey = tier.key;
  member.tierSince = now;
  return ok([change]);
}

export function unknownTierMessage(key: string, config: ProgramConfig): string {
  return `no tier ${JSON.stringify(key)} in this program (its tiers: ${config.tiers.map((t) => t.key).join(", ")})`;
}

/**
 * After a hold (cleared or run out, already removed from the member) the tier follows growth
 * again: up at once, down after the grace period like any downgrade. Always one
 * `override_ended` change (from and to equal when the tier stays), then a grace start if one begins.
 */
export function endOverride(member: Member, windowGrowth: number, config: ProgramConfig, now: Date, keyPrefix: string): TierChange[] {
  const target = targetTier(member, windowGrowth, config, now);
  const from = member.tierKey;
  const ended = (to: string): TierChange => ({
    key: `${keyPrefix}:override_ended`,
    from,
    to,
    reason: "override_ended",
    growth: windowGrowth,
    at: now,
  });
  const diff = tierRank(config, target.key) - tierRank(config, from);
  if (diff > 0 || (diff < 0 && config.tierPolicy.graceDays === 0)) {
    member.tierKey = target.key;
    member.tierSince = now;
    member.downgradeDueAt = null;
    return [ended(target.key)];
  }
  if (diff === 0) return [ended(from)];
  member.downgradeDueAt = addDays(now, config.tierPolicy.graceDays);
  return [ended(from), { key: `${keyPrefix}:grace_started`, from, to: from, reason: "grace_started", growth: windowGrowth, at: now }];
}
