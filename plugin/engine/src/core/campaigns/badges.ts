import type { Draft } from "../ledger/draft.ts";

/** Awards every badge whose condition the member now meets for the first time (badges are never taken back). */
export function awardBadges(draft: Draft, at: Date): void {
  const member = draft.requireMember();
  const c = draft.campaigns;
  for (const badge of draft.config.campaigns.badges) {
    if (c.badges[badge.key] !== undefined) continue;
    const w = badge.when;
    const met = "orders" in w ? c.orders >= w.orders : "spent" in w ? c.spent >= w.spent : (c.events[w.event] ?? 0) >= w.count;
    if (!met) continue;
    const earnedAt = at.toISOString();
    c.badges[badge.key] = earnedAt;
    draft.touchCampaigns();
    draft.decision.outbox.push({
      key: `badge:${member.customerId}:${badge.key}`,
      topic: "badge.earned",
      payload: { customerId: member.customerId, badge: badge.key, name: badge.name, earnedAt },
    });
  }
}
