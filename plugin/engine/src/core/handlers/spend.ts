import { drawFrom } from "../ledger/consume.ts";
import type { Draft } from "../ledger/draft.ts";
import { touchActivity } from "../ledger/earn.ts";
import { entry } from "../ledger/entry.ts";
import { type EngineError, err, ok, type Result } from "../result.ts";
import type { SpendCommand } from "./commands.ts";

/** Spends draw the lots that expire soonest first, one consumption row per lot. */
export function spend(draft: Draft, c: SpendCommand): Result<void, EngineError> {
  const member = draft.member;
  if (!member) return err({ code: "UnknownMember", message: `no member ${c.customerId}`, customerId: c.customerId });
  if (member.available < c.points)
    return err({
      code: "InsufficientPoints",
      message: `member ${c.customerId} has ${member.available} points available, ${c.points} requested`,
      available: member.available,
      requested: c.points,
    });
  const rows = drawFrom(draft, draft.spendableLots(), c.points);
  draft.addEntry(
    entry({
      key: `spend:${c.key}`,
      kind: "spend",
      availableDelta: -c.points,
      reason: c.reason,
      actor: c.actor,
      occurredAt: draft.now,
      consumptions: rows,
    }),
  );
  touchActivity(draft, draft.now);
  return ok(undefined);
}
