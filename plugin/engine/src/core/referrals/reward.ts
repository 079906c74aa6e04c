import type { Draft } from "../ledger/draft.ts";
import { earn } from "../ledger/earn.ts";
import { addGrowth, reviewTier } from "../ledger/growth.ts";
import { type EngineError, err, ok, type Result } from "../result.ts";

/**
 * The referrer's pay for a referral past its return window: never parsed from outside (the
 * engine's clock builds it from a referral row). Its key is the referral's, so it pays once.
 */
export interface ReferralReward {
  type: "referralReward";
  referralId: string;
  customerId: string;
  refereeId: string;
  orderId: string;
  points: number;
  growth: number;
}

export const referralLotKey = (referralId: string) => `referral:${referralId}`;

export function referralReward(draft: Draft, r: ReferralReward): Result<void, EngineError> {
  if (!draft.member) return err({ code: "UnknownMember", message: `no member ${r.customerId}`, customerId: r.customerId });
  const key = referralLotKey(r.referralId);
  const reason = `referral of ${r.refereeId}`;
  if (r.points > 0)
    earn(draft, {
      key,
      kind: "earn",
      points: r.points,
      earnedAt: draft.now,
      orderId: null,
      rule: null,
      basis: { amount: 0, lineIds: null },
      reason,
      immediate: true,
    });
  addGrowth(draft, { key: `${key}:growth`, amount: r.growth, occurredAt: draft.now, reason, orderId: null, ruleId: null });
  draft.decision.outbox.push({
    key: `referral.paid:${r.referralId}`,
    topic: "referral.paid",
    payload: {
      customerId: r.customerId,
      referralId: r.referralId,
      refereeId: r.refereeId,
      orderId: r.orderId,
      points: r.points,
      growth: r.growth,
    },
  });
  reviewTier(draft, "upgradeOnly", key);
  return ok(undefined);
}
