/** One order that paid for a plan, as the member's record keeps it (keyed by the order). */
export interface PlanPurchase {
  orderId: string;
  plan: string;
  /** When the period it pays for may start: the order's time (a guest's: when the customer became known, if later). */
  at: Date;
  /** The order's lines that were the plan's product: a refund of one of them ends the membership. */
  lineIds: string[];
  /** When a refund of the plan line or a cancellation of the order ended it (null: it stands). */
  endedAt: Date | null;
}

/**
 * A member's paid membership, as data: the purchases, from which everything else (status,
 * periods) is derived, so any arrival order of the same orders and refunds converges.
 */
export interface MembershipRecord {
  purchases: PlanPurchase[];
  /** Keys of the renewal_due and lapsed messages already sent (the newest few). */
  notices: string[];
  /** The next instant a notice falls due (null: none): maintenance ticks the member then. */
  dueAt: Date | null;
}

/** A plan bought by a guest: kept by order until a customer with the order's email is known. */
export interface GuestPlan {
  orderId: string;
  plan: string;
  at: Date;
  lineIds: string[];
  /** The order's contact email, trimmed and lower-cased. */
  email: string;
}

export const NOTICES_KEPT = 20;

export function emptyMembership(): MembershipRecord {
  return { purchases: [], notices: [], dueAt: null };
}

export function cloneMembership(r: MembershipRecord): MembershipRecord {
  return { purchases: r.purchases.map((p) => ({ ...p, lineIds: [...p.lineIds] })), notices: [...r.notices], dueAt: r.dueAt };
}

/** The record as stored JSON comes back (dates as ISO strings). */
export function membershipFromJson(raw: unknown): MembershipRecord | null {
  if (raw === null || raw === undefined) return null;
  const r = raw as {
    purchases?: (Omit<PlanPurchase, "at" | "endedAt"> & { at: string; endedAt: string | null })[];
    notices?: string[];
    dueAt?: string | null;
  };
  return {
    purchases: (r.purchases ?? []).map((p) => ({ ...p, at: new Date(p.at), endedAt: p.endedAt === null ? null : new Date(p.endedAt) })),
    notices: r.notices ?? [],
    dueAt: r.dueAt ? new Date(r.dueAt) : null,
  };
}
