import { orderCredited } from "../campaigns/orders.ts";
import type { EarnRule } from "../config/schema.ts";
import { eventInProgramCurrency, orderConversion, toProgram } from "../currency/convert.ts";
import type { OrderPaidEvent } from "../events/schema.ts";
import type { Draft } from "../ledger/draft.ts";
import { earn } from "../ledger/earn.ts";
import { addGrowth, reviewTier } from "../ledger/growth.ts";
import { ensureMember } from "../ledger/member.ts";
import type { Award, CapUsage, LotBasis, OrderRecord } from "../ledger/types.ts";
import { planBought, planEmail, recordPurchase } from "../membership/purchase.ts";
import { contactPrints } from "../referrals/normalise.ts";
import { type RatingContext, rate } from "../rules/rate.ts";

export interface OrderAmounts {
  lineNet: Record<string, number>;
  subtotal: number;
}

/**
 * Merchandise after discounts per line, and the subtotal after order-level discounts. `convert`
 * brings an order in another currency into the program's: each line's net and the order discount
 * are converted whole, so a refund of a whole line converts to exactly what the line earned on.
 */
export function orderAmounts(e: OrderPaidEvent, convert: (amount: number) => number = (a) => a): OrderAmounts {
  const lineNet: Record<string, number> = {};
  for (const l of e.lines) lineNet[l.lineId] = (lineNet[l.lineId] ?? 0) + Math.max(0, l.unitPrice * l.quantity - l.discount);
  for (const id of Object.keys(lineNet)) lineNet[id] = convert(lineNet[id] as number);
  const total = Object.values(lineNet).reduce((s, v) => s + v, 0);
  return { lineNet, subtotal: Math.max(0, total - convert(e.orderDiscount)) };
}

function basisFor(e: OrderPaidEvent, lineNet: Record<string, number>, subtotal: number, rule: EarnRule): LotBasis {
  const f = rule.lines;
  if (!f) return { amount: subtotal, lineIds: null };
  const lines = e.lines.filter(
    (l) =>
      (f.productIds?.includes(l.productId ?? "") ?? false) ||
      (f.variantIds?.includes(l.variantId ?? "") ?? false) ||
      l.collectionIds.some((c) => f.collectionIds?.includes(c)),
  );
  const lineIds = [...new Set(lines.map((l) => l.lineId))].sort();
  const net = lineIds.reduce((s, id) => s + (lineNet[id] ?? 0), 0);
  const total = Object.values(lineNet).reduce((s, v) => s + v, 0);
  // Order-level discounts are shared across lines in proportion to their value.
  const amount = total === 0 ? 0 : Number((BigInt(net) * BigInt(subtotal)) / BigInt(total));
  return { amount, lineIds };
}

/** How the earn rules see a paid order (the earn path and a rule trial alike). */
export function orderRating(
  e: OrderPaidEvent,
  tierKey: string,
  member: Record<string, unknown>,
  capUsage: Record<string, CapUsage>,
  amounts: OrderAmounts = orderAmounts(e),
): RatingContext {
  const { lineNet, subtotal } = amounts;
  return {
    trigger: "order.paid",
    occurredAt: e.occurredAt,
    tierKey,
    data: { event: { ...e, subtotal }, member },
    basisFor: (rule) => basisFor(e, lineNet, subtotal, rule),
    capUsage,
  };
}

export function orderPaid(draft: Draft, e: OrderPaidEvent): void {
  const { currency, rounding } = draft.config;
  // A listed currency earns as if converted at the owner's rate; the order records the rate for its refunds.
  const conversion = orderConversion(draft.config, e.currency);
  const amounts = conversion ? orderAmounts(e, (a) => toProgram(a, conversion, currency, rounding)) : orderAmounts(e);
  const { lineNet, subtotal } = amounts;
  const inCurrency = e.currency === currency || conversion !== null;
  const rated = conversion ? eventInProgramCurrency(e, conversion, currency, rounding) : e;
  const bought = planBought(draft.config, e);
  const savings = { memberSaving: rated.lines.reduce((s, l) => s + l.memberSaving, 0), shippingDiscount: rated.shippingDiscount };
  if (e.customerId === null) {
    draft.decision.notes.push("guest order: no member to credit");
    if (inCurrency) draft.decision.sale = { orderId: e.orderId, subtotal, occurredAt: e.occurredAt, byMember: false, ...savings };
    const email = planEmail(e.contact?.email);
    if (bought && email) {
      draft.decision.guestPlan = { orderId: e.orderId, plan: bought.plan.key, at: e.occurredAt, lineIds: bought.lineIds, email };
      draft.decision.notes.push(`plan ${bought.plan.key} bought by a guest: starts when a customer with the order's email is known`);
    } else if (bought) draft.decision.notes.push(`plan ${bought.plan.key} bought by a guest without an email: nothing to start`);
    return;
  }
  if (draft.orders.has(e.orderId)) {
    draft.decision.notes.push(`order ${e.orderId} was already credited`);
    return;
  }
  if (!inCurrency) {
    draft.decision.notes.push(`order currency ${e.currency} is not the program currency ${currency}`);
    draft.decision.foreignCurrency = e.currency;
    return;
  }
  // A customer first seen with this order becomes a member by it: the order itself was not a member's.
  draft.decision.sale = { orderId: e.orderId, subtotal, occurredAt: e.occurredAt, byMember: draft.member !== null, ...savings };
  const member = ensureMember(draft, e.customerId);
  if (conversion) draft.decision.notes.push(`order in ${e.currency} earns at ${conversion.rate} ${currency} per ${e.currency}`);
  const awards = rate(draft.config, orderRating(rated, member.tierKey, memberFacts(draft), capsFor(draft), amounts));

  const recorded: Award[] = [];
  for (const a of awards) {
    const lotKey = `order:${e.orderId}:${a.rule.id}`;
    if (a.points > 0)
      earn(draft, {
        key: lotKey,
        kind: "earn",
        points: a.points,
        earnedAt: e.occurredAt,
        orderId: e.orderId,
        rule: a.rule,
        basis: a.basis,
        reason: a.rule.name,
      });
    addGrowth(draft, {
      key: `${lotKey}:growth`,
      amount: a.growth,
      occurredAt: e.occurredAt,
      reason: a.rule.name,
      orderId: e.orderId,
      ruleId: a.rule.id,
    });
    if (a.capKey) bumpCap(draft, a.capKey, a.points, a.growth);
    recorded.push({
      ruleId: a.rule.id,
      lotKey: a.points > 0 ? lotKey : null,
      points: a.points,
      growth: a.growth,
      basis: a.basis,
      pointsReversed: 0,
      growthReversed: 0,
    });
  }
  const order: OrderRecord = {
    orderId: e.orderId,
    occurredAt: e.occurredAt,
    subtotal,
    lineNet,
    awards: recorded,
    refundedLines: {},
    refundedAmount: 0,
    refundIds: [],
    cancelled: false,
    ...(conversion ? { conversion } : {}),
  };
  const prints = e.contact ? contactPrints(e.contact) : {};
  if (Object.keys(prints).length > 0) order.contact = prints;
  draft.putOrder(order);
  // The plan's line earns points like any other line; the plan is recorded before the tier review so its tier counts at once.
  if (bought) recordPurchase(draft, { orderId: e.orderId, plan: bought.plan.key, at: e.occurredAt, lineIds: bought.lineIds });
  orderCredited(draft, e, order);
  reviewTier(draft, "upgradeOnly", `order:${e.orderId}`);
}

export function memberFacts(draft: Draft): Record<string, unknown> {
  const m = draft.requireMember();
  return { customerId: m.customerId, tier: m.tierKey, growth: m.growth, tags: m.profile.tags, birthday: m.profile.birthday };
}

export function capsFor(draft: Draft): Record<string, { points: number; growth: number }> {
  return { ...draft.state.capUsage, ...draft.decision.capUsage };
}

export function bumpCap(draft: Draft, key: string, points: number, growth: number): void {
  const used = draft.capUsage(key);
  draft.decision.capUsage[key] = { points: used.points + points, growth: used.growth + growth };
}
