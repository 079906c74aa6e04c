import { type CampaignState, campaignStateOf } from "../campaigns/state.ts";
import type { ProgramConfig } from "../config/schema.ts";
import { cloneMembership } from "../membership/record.ts";
import {
  type Decision,
  type Entry,
  emptyDecision,
  type GrowthEntry,
  type Lot,
  type Member,
  type MemberState,
  type OrderRecord,
  type OutboxMessage,
  pointsChanged,
} from "./types.ts";

/**
 * A working copy of one member's state while a decision is built. Pure: it only records
 * what should be written; the store (or `reduce` in memory) makes it so.
 */
export class Draft {
  readonly config: ProgramConfig;
  readonly now: Date;
  readonly state: MemberState;
  readonly decision: Decision;
  member: Member | null;
  windowGrowth: number;
  /** Campaign progress; call touchCampaigns() after changing it so it is written. */
  readonly campaigns: CampaignState;
  private campaignsMoved = false;
  readonly lots = new Map<string, Lot>();
  readonly orders = new Map<string, OrderRecord>();
  private readonly newLotKeys = new Set<string>();
  private readonly touchedLots = new Set<string>();
  private readonly touchedOrders = new Set<string>();

  constructor(state: MemberState, config: ProgramConfig, now: Date) {
    this.config = config;
    this.now = now;
    this.state = state;
    this.member = state.member ? cloneMember(state.member) : null;
    this.windowGrowth = state.windowGrowth;
    this.campaigns = campaignStateOf(state.campaigns);
    this.decision = emptyDecision(this.member);
    this.decision.capUsage = {};
    for (const lot of state.lots) this.lots.set(lot.key, { ...lot });
    for (const [id, order] of Object.entries(state.orders)) this.orders.set(id, cloneOrder(order));
  }

  requireMember(): Member {
    if (!this.member) throw new Error("bug: member expected in draft");
    return this.member;
  }

  addLot(lot: Lot): void {
    this.lots.set(lot.key, lot);
    this.newLotKeys.add(lot.key);
  }

  touchLot(lot: Lot): void {
    if (!this.newLotKeys.has(lot.key)) this.touchedLots.add(lot.key);
  }

  addEntry(entry: Entry): void {
    const m = this.requireMember();
    m.available += entry.availableDelta;
    m.pending += entry.pendingDelta;
    m.debt += entry.debtDelta;
    this.decision.entries.push(entry);
  }

  addGrowth(entry: GrowthEntry, inWindow: boolean): void {
    this.requireMember().growth += entry.amount;
    if (inWindow) this.windowGrowth += entry.amount;
    this.decision.growth.push(entry);
  }

  putOrder(order: OrderRecord): void {
    this.orders.set(order.orderId, order);
    this.touchedOrders.add(order.orderId);
  }

  touchCampaigns(): void {
    this.campaignsMoved = true;
  }

  capUsage(key: string): { points: number; growth: number } {
    return this.decision.capUsage[key] ?? this.state.capUsage[key] ?? { points: 0, growth: 0 };
  }

  /** Lots that still hold points, in the order spends draw them: soonest expiry first. */
  spendableLots(): Lot[] {
    return [...this.lots.values()]
      .filter((l) => l.status === "available" && l.remaining > 0)
      .sort(
        (a, b) =>
          (a.expiresAt?.getTime() ?? Number.MAX_SAFE_INTEGER) - (b.expiresAt?.getTime() ?? Number.MAX_SAFE_INTEGER) ||
          a.earnedAt.getTime() - b.earnedAt.getTime() ||
          a.key.localeCompare(b.key),
      );
  }

  finish(): Decision {
    const d = this.decision;
    d.member = this.member;
    d.windowGrowth = this.windowGrowth;
    d.newLots = [...this.newLotKeys].map((k) => this.lots.get(k) as Lot);
    d.lotUpdates = [...this.touchedLots].map((k) => this.lots.get(k) as Lot);
    d.orders = [...this.touchedOrders].map((id) => this.orders.get(id) as OrderRecord);
    if (this.campaignsMoved && this.member) d.campaigns = this.campaigns;
    d.outbox.push(...pointsEvents(this.member, d.entries, this.lots));
    if (this.pointsMoved()) d.outbox.push(pointsChanged(this.requireMember().customerId));
    return d;
  }

  /** Whether the decision as a whole leaves the member's balances (available, pending, owed) other than it found them. */
  private pointsMoved(): boolean {
    const after = this.member;
    if (!after) return false;
    const before = this.state.member ?? { available: 0, pending: 0, debt: 0 };
    return before.available !== after.available || before.pending !== after.pending || before.debt !== after.debt;
  }
}

/** points.earned for each earn entry (one per lot) and points.spent for each spend, keyed by the entry: written once. */
function pointsEvents(member: Member | null, entries: readonly Entry[], lots: ReadonlyMap<string, Lot>): OutboxMessage[] {
  if (!member) return [];
  const out: OutboxMessage[] = [];
  for (const e of entries) {
    if (e.kind === "earn") {
      const lot = e.lotKey === null ? undefined : lots.get(e.lotKey);
      out.push({
        key: `points.earned:${e.key}`,
        topic: "points.earned",
        payload: {
          customerId: member.customerId,
          points: e.availableDelta + e.pendingDelta,
          pending: e.pendingDelta > 0,
          availableAt: lot?.availableAt.toISOString() ?? null,
          orderId: e.orderId,
          ruleId: lot?.ruleId ?? null,
          reason: e.reason,
        },
      });
    } else if (e.kind === "spend") {
      out.push({
        key: `points.spent:${e.key}`,
        topic: "points.spent",
        payload: { customerId: member.customerId, points: -e.availableDelta, spendKey: e.key.replace(/^spend:/, ""), reason: e.reason },
      });
    }
  }
  return out;
}

function cloneMember(m: Member): Member {
  return {
    ...m,
    profile: { ...m.profile, tags: [...m.profile.tags] },
    override: m.override && { ...m.override },
    membership: m.membership ? cloneMembership(m.membership) : null,
  };
}

function cloneOrder(o: OrderRecord): OrderRecord {
  return {
    ...o,
    lineNet: { ...o.lineNet },
    awards: o.awards.map((a) => ({ ...a, basis: { ...a.basis } })),
    refundedLines: { ...o.refundedLines },
    refundIds: [...o.refundIds],
  };
}
