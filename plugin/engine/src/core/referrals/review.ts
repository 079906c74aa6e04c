import { standingOf } from "../campaigns/orders.ts";
import type { OrderRecord } from "../ledger/types.ts";
import type { Signal } from "./signals.ts";

export const REFERRAL_STATUSES = ["PENDING", "FLAGGED", "APPROVED", "PAID", "REJECTED", "VOID"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Statuses the engine's clock pays when the order is past the return window. */
export const PAYABLE: readonly ReferralStatus[] = ["PENDING", "APPROVED"];
/** Statuses a refund or cancellation of the first order voids. */
export const VOIDABLE: readonly ReferralStatus[] = ["PENDING", "FLAGGED", "APPROVED"];

/**
 * Whether a referred first order no longer stands: cancelled, or refunded in full. A partial refund
 * (one item of several sent back) leaves a real first order, so the referral still pays.
 */
export function firstOrderUndone(order: OrderRecord): boolean {
  return !standingOf(order).counted;
}

/** A new referral's status: a self-referral never pays; any other signal waits for the owner. */
export function initialStatus(signals: readonly Signal[]): ReferralStatus {
  if (signals.some((s) => s.name === "self_referral")) return "REJECTED";
  return signals.length > 0 ? "FLAGGED" : "PENDING";
}

/**
 * The owner's decision on a referral in `status`: the status it moves to, `same` when the decision
 * is already in force (answered as it is), or `refused` for a decision the referral cannot take.
 */
export function review(status: ReferralStatus, approve: boolean): { to: ReferralStatus } | "same" | "refused" {
  switch (status) {
    case "FLAGGED":
      return { to: approve ? "APPROVED" : "REJECTED" };
    case "PENDING":
      return approve ? "same" : { to: "REJECTED" };
    case "APPROVED":
    case "PAID":
      return approve ? "same" : "refused";
    case "REJECTED":
      return approve ? "refused" : "same";
    case "VOID":
      return "refused";
  }
}
