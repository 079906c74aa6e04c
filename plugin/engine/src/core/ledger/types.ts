import type { CampaignState } from "../campaigns/state.ts";
import type { EarnRule } from "../config/schema.ts";
import type { CommerceEvent } from "../events/schema.ts";
import type { OutboxTopic } from "../events/topics.ts";
import type { GuestPlan, MembershipRecord } from "../membership/record.ts";
import type { ContactPrints } from "../referrals/normalise.ts";

export type LotStatus = "pending" | "available" | "consumed" | "expired" | "reversed";
export type LotKind = "earn" | "adjustment";

/** What an earn was measured against, so a refund can reverse exactly its share. */
export interface LotBasis {
  amount: number;
  /** Lines the amount came from; null means the whole order (or no order). */
  lineIds: string[] | null;
}

export interface Lot {
  key: string;
  kind: LotKind;
  amount: number;
  remaining: number;
  reversed: number;
  status: LotStatus;
  earnedAt: Date;
  availableAt: Date;
  expiresAt: Date | null;
  orderId: string | null;
  ruleId: string | null;
  /** The rule exactly as it was when this lot was earned. */
  rule: EarnRule | null;
  basis: LotBasis;
}

export type EntryKind = "earn" | "mature" | "spend" | "expire" | "reverse" | "writeoff" | "debt" | "settle" | "adjust" | "unspend";

export interface Consumption {
  lotKey: string;
  points: number;
}

/** One append-only ledger line. Deltas are signed; Σ deltas per member equals the cached balances. */
export interface Entry {
  key: string;
  kind: EntryKind;
  availableDelta: number;
  pendingDelta: number;
  /** Points owed back; only a program that allows a negative balance has any. */
  debtDelta: number;
  /** Points lost to the member without a balance change (written off reversal). */
  writtenOff: number;
  lotKey: string | null;
  orderId: string | null;
  reason: string;
  actor: string | null;
  occurredAt: Date;
  consumptions: Consumption[];
}

export interface GrowthEntry {
  key: string;
  amount: number;
  /** For rolling windows a deduction dates from the order it reverses, so both leave the window together. */
  occurredAt: Date;
  reason: string;
  orderId: string | null;
  ruleId: string | null;
}

export interface Award {
  ruleId: string;
  lotKey: string | null;
  points: number;
  growth: number;
  basis: LotBasis;
  pointsReversed: number;
  growthReversed: number;
}

export interface OrderRecord {
  orderId: string;
  occurredAt: Date;
  /** Merchandise after all discounts, minor units. */
  subtotal: number;
  lineNet: Record<string, number>;
  awards: Award[];
  refundedLines: Record<string, number>;
  refundedAmount: number;
  refundIds: string[];
  cancelled: boolean;
  /** An order in another listed currency: its amounts above are in the program's, converted at this rate. */
  conversion?: { currency: string; rate: string };
  /** The shopper's contact, normalised and hashed: what referral fraud checks compare. */
  contact?: ContactPrints;
}

export interface Profile {
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  birthday: string | null;
  tags: string[];
  referralCode: string | null;
  phone?: string | null;
}

export interface Member {
  customerId: string;
  available: number;
  pending: number;
  debt: number;
  /** Net growth over the member's whole life; the window decides tiers. */
  growth: number;
  tierKey: string;
  tierSince: Date;
  downgradeDueAt: Date | null;
  lastActivityAt: Date | null;
  profile: Profile;
  profileUpdatedAt: Date | null;
  createdAt: Date;
  /** The owner's hold on a tier; it may have run out (see overrideInForce). */
  override: TierOverride | null;
  /** Paid membership purchases (absent or null: never bought a plan). */
  membership?: MembershipRecord | null;
}

/** A tier the owner set by hand: the member stays at it until `until` (null: until cleared), whatever their growth. */
export interface TierOverride {
  tierKey: string;
  until: Date | null;
  reason: string;
  actor: string;
  setAt: Date;
}

export interface TierChange {
  key: string;
  from: string | null;
  to: string;
  reason: "upgrade" | "downgrade" | "grace_started" | "grace_cleared" | "joined" | "override" | "override_ended";
  growth: number;
  at: Date;
}

export interface OutboxMessage {
  key: string;
  topic: OutboxTopic;
  payload: Record<string, unknown>;
}

/**
 * A member's balances moved: one message per member (its key), which the store re-arms on every
 * later change rather than adding another, so a platform sync reads the newest balance once.
 */
export function pointsChanged(customerId: string): OutboxMessage {
  return { key: `points.changed:${customerId}`, topic: "points.changed", payload: { customerId } };
}

export interface HeldEvent {
  key: string;
  orderId: string;
  event: CommerceEvent;
}

export interface CapUsage {
  points: number;
  growth: number;
}

/** A spend as the ledger recorded it, so it can be cancelled exactly (see handlers/cancel-spend.ts). */
export interface SpendRecord {
  points: number;
  /** The lots the spend drew from, and how much from each. */
  consumptions: Consumption[];
  cancelled: boolean;
}

/** Everything decide() needs about one member, loaded under that member's row lock. */
export interface MemberState {
  member: Member | null;
  /** Open lots (pending or available with points left) and every lot of the orders this event touches. */
  lots: Lot[];
  orders: Record<string, OrderRecord>;
  held: HeldEvent[];
  /** Keyed `${ruleId}|${periodKey}`. */
  capUsage: Record<string, CapUsage>;
  /** Growth inside the qualification window as of `now`, before this decision. */
  windowGrowth: number;
  /**
   * Spends a cancelSpend may reverse, by spend key (the store loads only the one it names; their
   * lots are in `lots` even when consumed).
   */
  spends?: Record<string, SpendRecord>;
  /** A customer event: the plans guests bought with this customer's email, not claimed yet. */
  guestPlans?: GuestPlan[];
  /** The member's campaign progress (absent: none yet). */
  campaigns?: CampaignState;
}

/** What to write, all in one transaction. Updates carry absolute new values. */
export interface Decision {
  member: Member | null;
  memberCreated: boolean;
  newLots: Lot[];
  lotUpdates: Lot[];
  entries: Entry[];
  growth: GrowthEntry[];
  orders: OrderRecord[];
  tierChanges: TierChange[];
  outbox: OutboxMessage[];
  hold: HeldEvent[];
  release: string[];
  capUsage: Record<string, CapUsage>;
  /** Growth inside the qualification window after this decision. */
  windowGrowth: number;
  /** Why nothing was written, when nothing was (guest order, held refund, ...). */
  notes: string[];
  /** An order that earned nothing because it is in this currency, not the program's. */
  foreignCurrency?: string;
  /** A paid order in the program's currency, member's or guest's, for the dashboard's order figures. */
  sale?: Sale;
  /** A plan a guest bought: kept until a customer with the order's email is known. */
  guestPlan?: GuestPlan;
  /** Guests' plan orders this decision made the member's (by order id). */
  claimedGuestPlans: string[];
  /** The member's campaign progress after this decision, when it moved. */
  campaigns?: CampaignState;
}

/** A paid order as the dashboard counts it: recorded once, never a member for a guest. */
export interface Sale {
  orderId: string;
  /** Merchandise after discounts, minor units. */
  subtotal: number;
  occurredAt: Date;
  /** The customer was a member before this order (false: a guest, or a customer this order made a member). */
  byMember: boolean;
  /** Σ the lines' member-price savings, minor units. */
  memberSaving: number;
  /** Shipping the order did not charge, minor units. */
  shippingDiscount: number;
}

export function emptyDecision(member: Member | null): Decision {
  return {
    member,
    memberCreated: false,
    newLots: [],
    lotUpdates: [],
    entries: [],
    growth: [],
    orders: [],
    tierChanges: [],
    outbox: [],
    hold: [],
    release: [],
    capUsage: {},
    windowGrowth: 0,
    notes: [],
    claimedGuestPlans: [],
  };
}

export function emptyState(): MemberState {
  return { member: null, lots: [], orders: {}, held: [], capUsage: {}, windowGrowth: 0 };
}
