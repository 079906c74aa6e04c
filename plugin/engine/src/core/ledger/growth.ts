import { evaluateTier, type TierMode } from "../tiers/evaluate.ts";
import { movesTier } from "../tiers/override.ts";
import { inWindow } from "../tiers/window.ts";
import type { Draft } from "./draft.ts";
import type { GrowthEntry } from "./types.ts";

export function addGrowth(draft: Draft, entry: GrowthEntry): void {
  if (entry.amount === 0) return;
  const { config, now } = draft;
  draft.addGrowth(entry, inWindow(config.growth.window, entry.occurredAt, now, config.timezone));
}

/** Records tier changes (and their outbox messages) for the member's current window growth. */
export function reviewTier(draft: Draft, mode: TierMode, keyPrefix: string): void {
  const member = draft.requireMember();
  const changes = evaluateTier(member, draft.windowGrowth, draft.config, draft.now, mode, keyPrefix);
  for (const change of changes) {
    draft.decision.tierChanges.push(change);
    if (movesTier(change))
      draft.decision.outbox.push({
        key: `tier:${change.key}`,
        topic: "tier.changed",
        payload: { customerId: member.customerId, from: change.from, to: change.to, reason: change.reason, growth: change.growth },
      });
  }
}
