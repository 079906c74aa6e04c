import type { Plan } from "../config/plans.ts";
import type { ProgramConfig } from "../config/schema.ts";
import type { OrderPaidEvent } from "../events/schema.ts";
import type { Draft } from "../ledger/draft.ts";
import { reviewTier } from "../ledger/growth.ts";
import type { OrderRecord } from "../ledger/types.ts";
import { addDays } from "../time.ts";
import { cloneMembership, emptyMembership, type GuestPlan, NOTICES_KEPT, type PlanPurchase } from "./record.ts";

export type { GuestPlan };

import { benefitsUntil, currentRun, viewOf } from "./status.ts";

/** The email a guest's plan is claimed by: trimmed and lower-case (referrals compare mailboxes more loosely). */
export function planEmail(email: string | null | undefined): string | null {
  const e = email?.trim().toLowerCase();
  return e ? e : null;
}

/** The enabled plan the order's lines buy (the first in the config when several match) and its lines. */
export function planBought(config: ProgramConfig, e: OrderPaidEvent): { plan: Plan; lineIds: string[] } | null {
  for (const plan of config.plans) {
    if (!plan.enabled) continue;
    const { productIds, variantIds, sellingPlanIds } = plan.products;
    const lineIds = e.lines
      .filter(
        (l) =>
          (l.productId !== undefined && productIds.includes(l.productId)) ||
          (l.variantId !== undefined && variantIds.includes(l.variantId)) ||
          (l.sellingPlanId !== undefined && sellingPlanIds.includes(l.sellingPlanId)),
      )
      .map((l) => l.lineId);
    if (lineIds.length > 0) return { plan, lineIds: [...new Set(lineIds)].sort() };
  }
  return null;
}

/** Records a paid plan on the member (once per order) and says whether it started or renewed the membership. */
export function recordPurchase(draft: Draft, purchase: Omit<PlanPurchase, "endedAt">): void {
  const member = draft.requireMember();
  const record = member.membership ? cloneMembership(member.membership) : emptyMembership();
  if (record.purchases.some((p) => p.orderId === purchase.orderId)) return;
  record.purchases.push({ ...purchase, endedAt: null });
  member.membership = record;
  const run = currentRun(record, draft.config);
  const role = run?.roles.get(purchase.orderId);
  if (!run || !role) return;
  const view = viewOf(run, draft.now);
  draft.decision.outbox.push({
    key: `membership:${purchase.orderId}:paid`,
    topic: role === "started" ? "membership.started" : "membership.renewed",
    payload: {
      customerId: member.customerId,
      plan: purchase.plan,
      orderId: purchase.orderId,
      status: view.status,
      periodStart: view.periodStart.toISOString(),
      periodEnd: view.periodEnd.toISOString(),
      benefitsUntil: view.benefitsUntil.toISOString(),
    },
  });
}

/** A refund of the plan's line or the order's cancellation ends the membership (the plan's onRefund says when). */
export function endPurchase(draft: Draft, order: OrderRecord, at: Date, lineIds: string[] | null): void {
  const member = draft.member;
  const found = member?.membership?.purchases.find((p) => p.orderId === order.orderId);
  if (!member?.membership || !found || found.endedAt !== null) return;
  if (lineIds !== null && !lineIds.some((id) => found.lineIds.includes(id))) return;
  const record = cloneMembership(member.membership);
  for (const p of record.purchases) if (p.orderId === order.orderId) p.endedAt = at;
  member.membership = record;
  reviewTier(draft, "full", `membership:${order.orderId}:ended`);
}

/** The guest's plan orders this customer's email claims: the membership starts now that the customer is known. */
export function claimGuestPlans(draft: Draft, plans: readonly GuestPlan[], knownAt: Date): void {
  const email = planEmail(draft.member?.profile.email);
  if (email === null) return;
  for (const g of plans) {
    if (g.email !== email) continue;
    recordPurchase(draft, { orderId: g.orderId, plan: g.plan, at: g.at > knownAt ? g.at : knownAt, lineIds: g.lineIds });
    // The order is the member's now: a later refund or cancellation finds them through it.
    if (!draft.orders.has(g.orderId))
      draft.putOrder({
        orderId: g.orderId,
        occurredAt: g.at,
        subtotal: 0,
        lineNet: {},
        awards: [],
        refundedLines: {},
        refundedAmount: 0,
        refundIds: [],
        cancelled: false,
      });
    draft.decision.claimedGuestPlans.push(g.orderId);
  }
  reviewTier(draft, "upgradeOnly", `membership:${draft.requireMember().customerId}:claimed:${knownAt.toISOString()}`);
}

/**
 * Brings the membership up to `now`: renewal reminders and the lapse, each sent once (its key is
 * remembered), and the next instant one falls due. A reminder whose time came after the
 * membership had already lapsed is skipped.
 */
export function membershipPasses(draft: Draft): void {
  const member = draft.member;
  if (!member?.membership) return;
  const record = cloneMembership(member.membership);
  const run = currentRun(record, draft.config);
  const due: { key: string; at: Date; topic: "membership.renewal_due" | "membership.lapsed" }[] = [];
  if (run) {
    const until = benefitsUntil(run);
    const started = (run.segments[0] as { start: Date }).start.toISOString();
    if (!run.stoppedAt && !run.endsAt) {
      const end = (run.segments[run.segments.length - 1] as { end: Date }).end;
      const at = addDays(end, -run.plan.reminderDays);
      due.push({ key: `membership:${member.customerId}:${started}:renewal_due:${end.toISOString()}`, at, topic: "membership.renewal_due" });
    }
    due.push({ key: `membership:${member.customerId}:${started}:lapsed`, at: until, topic: "membership.lapsed" });
  }
  let next: Date | null = null;
  for (const n of due) {
    if (record.notices.includes(n.key)) continue;
    if (n.at > draft.now) {
      if (next === null || n.at < next) next = n.at;
      continue;
    }
    record.notices = [...record.notices, n.key].slice(-NOTICES_KEPT);
    if (n.topic === "membership.renewal_due" && run && benefitsUntil(run) <= draft.now) continue;
    const view = viewOf(run as NonNullable<typeof run>, draft.now);
    draft.decision.outbox.push({
      key: n.key,
      topic: n.topic,
      payload: {
        customerId: member.customerId,
        plan: view.plan.key,
        status: view.status,
        periodEnd: view.periodEnd.toISOString(),
        benefitsUntil: view.benefitsUntil.toISOString(),
      },
    });
    if (n.topic === "membership.lapsed") reviewTier(draft, "full", n.key);
  }
  record.dueAt = next;
  if (JSON.stringify(record) !== JSON.stringify(member.membership)) member.membership = record;
}
