import { orderStandingChanged, standingOf } from "../campaigns/orders.ts";
import { toProgram } from "../currency/convert.ts";
import { type CancelEvent, eventKey, type RefundEvent } from "../events/schema.ts";
import type { Draft } from "../ledger/draft.ts";
import { addGrowth } from "../ledger/growth.ts";
import { reverseLot } from "../ledger/reverse.ts";
import type { Award, OrderRecord } from "../ledger/types.ts";
import { endPurchase } from "../membership/purchase.ts";

/** How much of an award's basis has been refunded so far (capped at the basis). */
function refundedBasis(order: OrderRecord, award: Award): number {
  const lineIds = award.basis.lineIds ?? Object.keys(order.lineNet);
  const byLines = lineIds.reduce((s, id) => s + (order.refundedLines[id] ?? 0), 0);
  const byAmount = order.subtotal === 0 ? 0 : Number((BigInt(order.refundedAmount) * BigInt(award.basis.amount)) / BigInt(order.subtotal));
  return Math.min(award.basis.amount, byLines + byAmount);
}

/** What should be reversed in total: the awarded share of the refunded basis, never recomputed. */
function target(awarded: number, refunded: number, basis: number, cancelled: boolean): number {
  if (cancelled) return awarded;
  if (basis === 0) return 0;
  return Number((BigInt(awarded) * BigInt(refunded)) / BigInt(basis));
}

function reverseOrder(draft: Draft, order: OrderRecord, keyPrefix: string, reason: string, at: Date): void {
  for (const award of order.awards) {
    const refunded = refundedBasis(order, award);
    const points = target(award.points, refunded, award.basis.amount, order.cancelled) - award.pointsReversed;
    const growth = target(award.growth, refunded, award.basis.amount, order.cancelled) - award.growthReversed;
    if (points > 0 && award.lotKey) {
      const lot = draft.lots.get(award.lotKey);
      if (!lot) throw new Error(`bug: lot ${award.lotKey} of order ${order.orderId} not loaded`);
      reverseLot(draft, lot, points, `${keyPrefix}:${award.ruleId}:reverse`, reason, at);
      award.pointsReversed += points;
    }
    if (growth > 0) {
      addGrowth(draft, {
        key: `${keyPrefix}:${award.ruleId}:growth`,
        amount: -growth,
        occurredAt: order.occurredAt,
        reason,
        orderId: order.orderId,
        ruleId: award.ruleId,
      });
      award.growthReversed += growth;
    }
  }
  draft.putOrder(order);
}

function holdUntilOrder(draft: Draft, e: RefundEvent | CancelEvent): boolean {
  if (draft.orders.has(e.orderId)) return false;
  draft.decision.hold.push({ key: eventKey(e), orderId: e.orderId, event: e });
  draft.decision.notes.push(`held until order ${e.orderId} arrives`);
  return true;
}

export function refundCreated(draft: Draft, e: RefundEvent): void {
  if (holdUntilOrder(draft, e)) return;
  const order = draft.orders.get(e.orderId) as OrderRecord;
  if (order.refundIds.includes(e.refundId)) {
    draft.decision.notes.push(`refund ${e.refundId} was already applied`);
    return;
  }
  const before = standingOf(order);
  order.refundIds.push(e.refundId);
  // A refund is in the order's currency: converted at the rate the order earned at, as its lines were.
  const c = order.conversion;
  const { currency, rounding } = draft.config;
  const inProgram = (amount: number) => (c ? toProgram(amount, c, currency, rounding) : amount);
  for (const line of e.lines) order.refundedLines[line.lineId] = (order.refundedLines[line.lineId] ?? 0) + inProgram(line.amount);
  order.refundedAmount += inProgram(e.amount);
  reverseOrder(draft, order, `refund:${e.refundId}`, `refund ${e.refundId} of order ${e.orderId}`, e.occurredAt);
  endPurchase(
    draft,
    order,
    e.occurredAt,
    e.lines.filter((l) => l.quantity > 0 || l.amount > 0).map((l) => l.lineId),
  );
  orderStandingChanged(draft, before, standingOf(order));
}

export function orderCancelled(draft: Draft, e: CancelEvent): void {
  if (holdUntilOrder(draft, e)) return;
  const order = draft.orders.get(e.orderId) as OrderRecord;
  if (order.cancelled) {
    draft.decision.notes.push(`order ${e.orderId} was already cancelled`);
    return;
  }
  const before = standingOf(order);
  order.cancelled = true;
  reverseOrder(draft, order, `order:${e.orderId}:cancel`, `order ${e.orderId} cancelled`, e.occurredAt);
  endPurchase(draft, order, e.occurredAt, null);
  orderStandingChanged(draft, before, standingOf(order));
}
