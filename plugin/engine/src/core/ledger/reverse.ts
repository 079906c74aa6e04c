import { drawFrom, sumPoints } from "./consume.ts";
import type { Draft } from "./draft.ts";
import { entry } from "./entry.ts";
import type { Lot } from "./types.ts";

/**
 * Takes back `points` awarded by `lot`: first what is left in the lot, then from the member's
 * other spendable lots; the rest becomes a debt (programs that allow a negative balance) or is
 * written off and reported (the default: a balance never goes below zero).
 */
export function reverseLot(draft: Draft, lot: Lot, points: number, key: string, reason: string, at: Date): void {
  if (points <= 0) return;
  const fromLot = Math.min(points, lot.remaining);
  const wasPending = lot.status === "pending";
  const expiredBefore = lot.status === "expired";
  lot.remaining -= fromLot;
  lot.reversed += points;
  if (lot.remaining === 0 && (lot.status === "pending" || lot.status === "available"))
    lot.status = lot.reversed >= lot.amount ? "reversed" : "consumed";
  draft.touchLot(lot);

  const consumptions = fromLot > 0 ? [{ lotKey: lot.key, points: fromLot }] : [];
  // Points of an expired lot already left the balance: there is nothing more to take back.
  const shortfall = expiredBefore ? 0 : points - fromLot;
  const clawed =
    shortfall > 0
      ? drawFrom(
          draft,
          draft.spendableLots().filter((l) => l.key !== lot.key),
          shortfall,
        )
      : [];
  const clawedPoints = sumPoints(clawed);
  const unrecovered = shortfall - clawedPoints;
  const debt = draft.config.allowNegativeBalance ? unrecovered : 0;

  draft.addEntry(
    entry({
      key,
      kind: "reverse",
      pendingDelta: wasPending ? -fromLot : 0,
      availableDelta: -(wasPending ? 0 : fromLot) - clawedPoints - debt,
      debtDelta: debt,
      writtenOff: unrecovered - debt,
      lotKey: lot.key,
      orderId: lot.orderId,
      reason,
      occurredAt: at,
      consumptions: [...consumptions, ...clawed],
    }),
  );
}
