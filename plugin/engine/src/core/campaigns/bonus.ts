import type { Draft } from "../ledger/draft.ts";
import { earn } from "../ledger/earn.ts";
import { addGrowth } from "../ledger/growth.ts";

export interface CampaignBonus {
  /** The lot's key: one bonus per key, ever. */
  key: string;
  points: number;
  growth: number;
  at: Date;
  reason: string;
  orderId: string | null;
  /** Clock bonuses (birthday, anniversary) skip the return window; order bonuses mature with their order. */
  immediate: boolean;
}

/** A campaign's points (a lot, no rule) and growth. */
export function giveBonus(draft: Draft, b: CampaignBonus): void {
  if (b.points > 0)
    earn(draft, {
      key: b.key,
      kind: "earn",
      points: b.points,
      earnedAt: b.at,
      orderId: b.orderId,
      rule: null,
      basis: { amount: 0, lineIds: null },
      reason: b.reason,
      immediate: b.immediate,
    });
  addGrowth(draft, { key: `${b.key}:growth`, amount: b.growth, occurredAt: b.at, reason: b.reason, orderId: b.orderId, ruleId: null });
}
