import { drawFrom, sumPoints } from "../ledger/consume.ts";
import type { Draft } from "../ledger/draft.ts";
import { earn, touchActivity } from "../ledger/earn.ts";
import { entry } from "../ledger/entry.ts";
import { addGrowth, reviewTier } from "../ledger/growth.ts";
import { ensureMember } from "../ledger/member.ts";
import { type EngineError, err, ok, type Result } from "../result.ts";
import type { AdjustCommand } from "./commands.ts";

/** Manual credit, debit or growth penalty, always with a reason and an actor for the audit trail. */
export function adjust(draft: Draft, c: AdjustCommand): Result<void, EngineError> {
  const member = ensureMember(draft, c.customerId);
  const key = `adjust:${c.key}`;
  if (c.points > 0) {
    earn(draft, {
      key,
      kind: "adjustment",
      points: c.points,
      earnedAt: draft.now,
      orderId: null,
      rule: null,
      basis: { amount: 0, lineIds: null },
      reason: c.reason,
      actor: c.actor,
      immediate: true,
    });
  } else if (c.points < 0) {
    const wanted = -c.points;
    if (member.available < wanted && !draft.config.allowNegativeBalance)
      return err({
        code: "InsufficientPoints",
        message: `member ${c.customerId} has ${member.available} points available, cannot deduct ${wanted}`,
        available: member.available,
        requested: wanted,
      });
    const rows = drawFrom(draft, draft.spendableLots(), wanted);
    const owed = wanted - sumPoints(rows);
    draft.addEntry(
      entry({
        key,
        kind: "adjust",
        availableDelta: -wanted,
        debtDelta: owed,
        reason: c.reason,
        actor: c.actor,
        occurredAt: draft.now,
        consumptions: rows,
      }),
    );
    touchActivity(draft, draft.now);
  }
  addGrowth(draft, { key: `${key}:growth`, amount: c.growth, occurredAt: draft.now, reason: c.reason, orderId: null, ruleId: null });
  reviewTier(draft, "upgradeOnly", key);
  return ok(undefined);
}
