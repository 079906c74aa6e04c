import { drawFrom } from "./consume.ts";
import type { Draft } from "./draft.ts";
import { entry } from "./entry.ts";
import { inactivityDeadline } from "./expiry.ts";
import type { Lot } from "./types.ts";

/** Brings a member up to `now`: pending lots past their window mature, due lots expire. */
export function timePasses(draft: Draft): void {
  if (!draft.member) return;
  const lots = [...draft.lots.values()].sort((a, b) => a.availableAt.getTime() - b.availableAt.getTime() || a.key.localeCompare(b.key));
  for (const lot of lots) if (lot.status === "pending" && lot.availableAt <= draft.now && lot.remaining > 0) mature(draft, lot);
  expireDue(draft);
}

function mature(draft: Draft, lot: Lot): void {
  lot.status = "available";
  draft.touchLot(lot);
  draft.addEntry(
    entry({
      key: `${lot.key}:mature`,
      kind: "mature",
      availableDelta: lot.remaining,
      pendingDelta: -lot.remaining,
      lotKey: lot.key,
      orderId: lot.orderId,
      reason: "return window closed",
      occurredAt: lot.availableAt,
    }),
  );
  settleDebt(draft, lot);
}

function expireDue(draft: Draft): void {
  const { now, config } = draft;
  const member = draft.requireMember();
  const lapse = inactivityDeadline(config.expiry, member.lastActivityAt);
  const lapsed = lapse !== null && lapse <= now;
  const due = [...draft.lots.values()]
    .filter((l) => (l.status === "available" || l.status === "pending") && l.remaining > 0)
    .filter((l) => lapsed || (l.expiresAt !== null && l.expiresAt <= now))
    .sort((a, b) => a.key.localeCompare(b.key));
  let expired = 0;
  for (const lot of due) {
    const wasPending = lot.status === "pending";
    const points = lot.remaining;
    expired += points;
    const at = lapsed ? (lapse as Date) : (lot.expiresAt as Date);
    lot.remaining = 0;
    lot.status = "expired";
    draft.touchLot(lot);
    draft.addEntry(
      entry({
        key: lapsed ? `${lot.key}:expire:inactive:${at.toISOString()}` : `${lot.key}:expire`,
        kind: "expire",
        availableDelta: wasPending ? 0 : -points,
        pendingDelta: wasPending ? -points : 0,
        lotKey: lot.key,
        orderId: lot.orderId,
        reason: lapsed ? `no activity for ${config.expiry.kind === "inactivity" ? config.expiry.days : 0} days` : "lot expired",
        occurredAt: at,
        consumptions: [{ lotKey: lot.key, points }],
      }),
    );
  }
  if (due.length > 0) {
    draft.decision.outbox.push({
      key: `expired:${member.customerId}:${now.toISOString()}`,
      topic: "points.expired",
      payload: { customerId: member.customerId, points: expired, lots: due.map((l) => l.key) },
    });
  }
}

/** A member who owes points (negative-balance programs) pays them back from a lot as it becomes spendable. */
export function settleDebt(draft: Draft, lot: Lot): void {
  const member = draft.requireMember();
  if (member.debt === 0 || lot.status !== "available" || lot.remaining === 0) return;
  const rows = drawFrom(draft, [lot], member.debt);
  const points = rows.reduce((s, r) => s + r.points, 0);
  draft.addEntry(
    entry({
      key: `${lot.key}:settle`,
      kind: "settle",
      debtDelta: -points,
      availableDelta: 0,
      lotKey: lot.key,
      reason: "repays points owed from an earlier reversal",
      occurredAt: draft.now,
      consumptions: rows,
    }),
  );
}
