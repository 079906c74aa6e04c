import type { Draft } from "../ledger/draft.ts";
import { entry } from "../ledger/entry.ts";
import { inactivityDeadline } from "../ledger/expiry.ts";
import type { Consumption, Lot } from "../ledger/types.ts";
import { type EngineError, err, ok, type Result } from "../result.ts";
import type { CancelSpendCommand } from "./commands.ts";

/**
 * Reverses a spend exactly: each lot the spend drew from gets back what it gave, recorded as one
 * `unspend` entry whose consumption rows are the spend's rows negated (a give-back; `kinship
 * verify` checks that they mirror the spend). The entry key `unspend:<spendKey>` is unique, so a
 * spend is cancelled at most once whatever the cancel command's own key.
 *
 * A lot that expired since the spend (its date passed, or the member's points lapsed for
 * inactivity) cannot hold points any more: its returned points expire at once, in an `expire`
 * entry of their own, exactly as if they had never been spent. Returned points do not repay a
 * debt and do not count as activity: the member ends where they would be without the spend.
 *
 * A lot refunded since the spend gets its points back like any other: the refund already took
 * its share from the member's other points (or wrote off what it could not take). A redemption
 * cancels within seconds of its spend, so this is rare; an exact re-run of that reversal would
 * need its write-off per lot.
 */
export function cancelSpend(draft: Draft, c: CancelSpendCommand): Result<void, EngineError> {
  const member = draft.member;
  if (!member) return err({ code: "UnknownMember", message: `no member ${c.customerId}`, customerId: c.customerId });
  const spent = draft.state.spends?.[c.spendKey];
  if (!spent) return err({ code: "UnknownSpend", message: `member ${c.customerId} has no spend ${c.spendKey}`, spendKey: c.spendKey });
  const key = `unspend:${c.spendKey}`;
  if (spent.cancelled) return err({ code: "AlreadyApplied", message: `spend ${c.spendKey} was already cancelled`, key });

  const lapse = inactivityDeadline(draft.config.expiry, member.lastActivityAt);
  const lapsed = lapse !== null && lapse <= draft.now;
  const giveBack: Consumption[] = [];
  const expiring: { lot: Lot; points: number }[] = [];
  for (const row of spent.consumptions) {
    const lot = draft.lots.get(row.lotKey);
    if (!lot) throw new Error(`bug: lot ${row.lotKey} of spend ${c.spendKey} not loaded`);
    lot.remaining += row.points;
    const expired = lot.status === "expired" || lapsed || (lot.expiresAt !== null && lot.expiresAt <= draft.now);
    if (expired) expiring.push({ lot, points: row.points });
    else lot.status = "available";
    draft.touchLot(lot);
    giveBack.push({ lotKey: lot.key, points: -row.points });
  }
  draft.addEntry(
    entry({
      key,
      kind: "unspend",
      availableDelta: spent.points,
      reason: c.reason,
      actor: c.actor,
      occurredAt: draft.now,
      consumptions: giveBack,
    }),
  );
  for (const { lot, points } of expiring) {
    lot.remaining -= points;
    lot.status = "expired";
    draft.addEntry(
      entry({
        key: `${key}:${lot.key}:expire`,
        kind: "expire",
        availableDelta: -points,
        lotKey: lot.key,
        orderId: lot.orderId,
        reason: "points given back to a lot that had expired",
        occurredAt: draft.now,
        consumptions: [{ lotKey: lot.key, points }],
      }),
    );
  }
  if (expiring.length > 0)
    draft.decision.outbox.push({
      key: `expired:${member.customerId}:${key}`,
      topic: "points.expired",
      payload: {
        customerId: member.customerId,
        points: expiring.reduce((s, x) => s + x.points, 0),
        lots: expiring.map((x) => x.lot.key),
      },
    });
  return ok(undefined);
}
