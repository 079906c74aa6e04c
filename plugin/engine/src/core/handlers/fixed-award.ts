import type { Draft } from "../ledger/draft.ts";
import { earn } from "../ledger/earn.ts";
import { addGrowth, reviewTier } from "../ledger/growth.ts";
import { rate } from "../rules/rate.ts";
import { bumpCap, capsFor, memberFacts } from "./order-paid.ts";

/** Fixed rewards for non-order triggers (welcome bonus, a review, a store visit). */
export function awardFixed(draft: Draft, trigger: string, keyPrefix: string, at: Date, event: unknown): void {
  const member = draft.requireMember();
  const awards = rate(draft.config, {
    trigger,
    occurredAt: at,
    tierKey: member.tierKey,
    data: { event, member: memberFacts(draft) },
    basisFor: () => ({ amount: 0, lineIds: null }),
    capUsage: capsFor(draft),
  });
  for (const a of awards) {
    const key = `${keyPrefix}:${a.rule.id}`;
    if (draft.lots.has(key)) continue;
    if (a.points > 0)
      earn(draft, { key, kind: "earn", points: a.points, earnedAt: at, orderId: null, rule: a.rule, basis: a.basis, reason: a.rule.name });
    addGrowth(draft, { key: `${key}:growth`, amount: a.growth, occurredAt: at, reason: a.rule.name, orderId: null, ruleId: a.rule.id });
    if (a.capKey) bumpCap(draft, a.capKey, a.points, Math.max(0, a.growth));
  }
  reviewTier(draft, "upgradeOnly", keyPrefix);
}
