/**
 * A member's campaign progress, one record per member written with the ledger change that moved it.
 * Counters only ever move with a credited event (an order, a custom event), so redelivery, which the
 * event's key or the order record refuses, cannot move them twice.
 */
export interface CampaignState {
  /** Paid orders credited and not cancelled or refunded in full (what nth-order and order badges count). */
  orders: number;
  /** Lifetime merchandise after discounts and refunds, minor units (spent badges). */
  spent: number;
  /** Custom events credited, by name (event badges). */
  events: Record<string, number>;
  /** Milestones of each nth-order campaign already given (the bonus of milestone n is given once, ever). */
  nth: Record<string, number>;
  stamps: Record<string, { collected: number; completed: number }>;
  /** Badge key → when it was earned (ISO instant). */
  badges: Record<string, string>;
  /** The last year whose birthday / anniversary bonus was given. */
  birthdayYear: number | null;
  anniversaryYear: number | null;
}

export function emptyCampaigns(): CampaignState {
  return { orders: 0, spent: 0, events: {}, nth: {}, stamps: {}, badges: {}, birthdayYear: null, anniversaryYear: null };
}

/** A stored record (possibly from an older shape) as a full state. */
export function campaignStateOf(raw: unknown): CampaignState {
  const r = (raw ?? {}) as Partial<CampaignState>;
  return {
    orders: r.orders ?? 0,
    spent: r.spent ?? 0,
    events: { ...(r.events ?? {}) },
    nth: { ...(r.nth ?? {}) },
    stamps: Object.fromEntries(Object.entries(r.stamps ?? {}).map(([k, v]) => [k, { ...v }])),
    badges: { ...(r.badges ?? {}) },
    birthdayYear: r.birthdayYear ?? null,
    anniversaryYear: r.anniversaryYear ?? null,
  };
}
