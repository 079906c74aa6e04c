import type { Selectable } from "kysely";
import {
  CommerceEvent,
  type EarnRule,
  type HeldEvent,
  type Lot,
  type LotBasis,
  type LotKind,
  type LotStatus,
  type Member,
  membershipFromJson,
  type OrderRecord,
  type Profile,
  type TierOverride,
} from "../../core/index.ts";
import { type LotTable, type MemberTable, num } from "./schema.ts";

export function toMember(r: Selectable<MemberTable>): Member {
  const p = (r.profile ?? {}) as Partial<Profile>;
  return {
    customerId: r.customer_id,
    available: num(r.available),
    pending: num(r.pending),
    debt: num(r.debt),
    growth: num(r.growth),
    tierKey: r.tier_key,
    tierSince: r.tier_since,
    downgradeDueAt: r.downgrade_due_at,
    lastActivityAt: r.last_activity_at,
    profile: {
      email: p.email ?? null,
      firstName: p.firstName ?? null,
      lastName: p.lastName ?? null,
      birthday: p.birthday ?? null,
      tags: p.tags ?? [],
      referralCode: p.referralCode ?? null,
      ...(p.phone ? { phone: p.phone } : {}),
    },
    profileUpdatedAt: r.profile_updated_at,
    createdAt: r.created_at,
    override: overrideOf(r),
    membership: membershipFromJson(r.membership),
  };
}

/** The override columns (absent from rows read before 0013's columns were selected: no override). */
export function overrideOf(r: Partial<Selectable<MemberTable>>): TierOverride | null {
  if (!r.override_tier) return null;
  return {
    tierKey: r.override_tier,
    until: r.override_until ?? null,
    reason: r.override_reason ?? "",
    actor: r.override_actor ?? "",
    setAt: r.override_set_at as Date,
  };
}

export function toLot(r: Selectable<LotTable>): Lot {
  return {
    key: r.key,
    kind: r.kind as LotKind,
    amount: num(r.amount),
    remaining: num(r.remaining),
    reversed: num(r.reversed),
    status: r.status as LotStatus,
    earnedAt: r.earned_at,
    availableAt: r.available_at,
    expiresAt: r.expires_at,
    orderId: r.order_id,
    ruleId: r.rule_id,
    rule: (r.rule as EarnRule | null) ?? null,
    basis: r.basis as LotBasis,
  };
}

type StoredOrder = Omit<OrderRecord, "occurredAt"> & { occurredAt: string };

export function toOrder(record: unknown): OrderRecord {
  const o = record as StoredOrder;
  return { ...o, occurredAt: new Date(o.occurredAt) };
}

export function toHeld(key: string, orderId: string, event: unknown): HeldEvent {
  return { key, orderId, event: CommerceEvent.parse(event) };
}
