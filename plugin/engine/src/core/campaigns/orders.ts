import type { OrderPaidEvent } from "../events/schema.ts";
import type { Draft } from "../ledger/draft.ts";
import type { OrderRecord } from "../ledger/types.ts";
import { awardBadges } from "./badges.ts";
import { giveBonus } from "./bonus.ts";

/** How an order counts for campaigns: whether it still counts as an order, and its merchandise after refunds. */
export interface OrderStanding {
  counted: boolean;
  net: number;
}

export function standingOf(order: OrderRecord): OrderStanding {
  if (order.cancelled) return { counted: false, net: 0 };
  const refunded = order.refundedAmount + Object.values(order.refundedLines).reduce((s, v) => s + v, 0);
  const net = Math.max(0, order.subtotal - refunded);
  return { counted: order.subtotal === 0 || net > 0, net };
}

/**
 * A paid order credited to the member (once: a redelivered order never gets here): it counts
 * toward nth-order milestones and badges, and may stamp cards. A milestone's bonus is given once
 * ever, so an order cancelled later lowers the count without taking the bonus back, and the order
 * that brings the count back to a milestone already given earns nothing.
 */
export function orderCredited(draft: Draft, e: OrderPaidEvent, order: OrderRecord): void {
  const { campaigns: cfg } = draft.config;
  const customerId = draft.requireMember().customerId;
  const c = draft.campaigns;
  c.orders += 1;
  c.spent += order.subtotal;
  draft.touchCampaigns();
  for (const n of cfg.nthOrder) {
    const milestone = Math.floor(c.orders / n.every);
    if (milestone <= (c.nth[n.id] ?? 0)) continue;
    c.nth[n.id] = milestone;
    giveBonus(draft, {
      key: `nth:${customerId}:${n.id}:${milestone}`,
      points: n.points,
      growth: n.growth,
      at: e.occurredAt,
      reason: `${n.name} (order ${milestone * n.every})`,
      orderId: e.orderId,
      immediate: false,
    });
  }
  for (const card of cfg.stampCards) {
    if (order.subtotal < card.minSubtotal) continue;
    if (card.productIds.length > 0 && !e.lines.some((l) => l.productId !== null && card.productIds.includes(l.productId ?? ""))) continue;
    const s = c.stamps[card.id] ?? { collected: 0, completed: 0 };
    s.collected += 1;
    if (s.collected >= card.stamps) {
      s.collected = 0;
      s.completed += 1;
      // A reward code card grants the reward's cost in points (the member redeems it like any reward).
      const reward = card.reward;
      const points = "points" in reward ? reward.points : (draft.config.rewards.find((r) => r.id === reward.rewardId)?.cost ?? 0);
      giveBonus(draft, {
        key: `stamp:${customerId}:${card.id}:${s.completed}`,
        points,
        growth: 0,
        at: e.occurredAt,
        reason: `${card.name} filled`,
        orderId: e.orderId,
        immediate: false,
      });
    }
    c.stamps[card.id] = s;
  }
  awardBadges(draft, e.occurredAt);
}

/** A refund or cancellation changed an order's standing: the counters follow (bonuses and badges stay). */
export function orderStandingChanged(draft: Draft, before: OrderStanding, after: OrderStanding): void {
  if (!draft.member) return;
  const c = draft.campaigns;
  const orders = (after.counted ? 1 : 0) - (before.counted ? 1 : 0);
  const spent = after.net - before.net;
  if (orders === 0 && spent === 0) return;
  c.orders = Math.max(0, c.orders + orders);
  c.spent = Math.max(0, c.spent + spent);
  draft.touchCampaigns();
}

/** A custom event credited to the member (once, by its key): it counts toward event badges. */
export function customEventCredited(draft: Draft, name: string, at: Date): void {
  const c = draft.campaigns;
  c.events[name] = (c.events[name] ?? 0) + 1;
  draft.touchCampaigns();
  awardBadges(draft, at);
}
