import { type RawBuilder, sql } from "kysely";
import type { Decision, Lot, Member } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { PREPARED } from "../db/prepared.ts";
import { rearmOnConflict } from "./outbox.ts";

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

function memberRecord(m: Member, now: Date) {
  return {
    customer_id: m.customerId,
    available: m.available,
    pending: m.pending,
    debt: m.debt,
    growth: m.growth,
    tier_key: m.tierKey,
    tier_since: m.tierSince,
    downgrade_due_at: m.downgradeDueAt,
    last_activity_at: m.lastActivityAt,
    profile: m.profile,
    profile_updated_at: m.profileUpdatedAt,
    created_at: m.createdAt,
    updated_at: now,
    override_tier: m.override?.tierKey ?? null,
    override_until: m.override?.until ?? null,
    override_reason: m.override?.reason ?? null,
    override_actor: m.override?.actor ?? null,
    override_set_at: m.override?.setAt ?? null,
    membership: m.membership ?? null,
    membership_due_at: m.membership?.dueAt ?? null,
  };
}

const MEMBER_COLUMNS = sql`customer_id text, available bigint, pending bigint, debt bigint, growth bigint, tier_key text,
  tier_since timestamptz, downgrade_due_at timestamptz, last_activity_at timestamptz, profile jsonb,
  profile_updated_at timestamptz, created_at timestamptz, updated_at timestamptz, override_tier text, override_until timestamptz,
  override_reason text, override_actor text, override_set_at timestamptz, membership jsonb, membership_due_at timestamptz`;

function lotRecord(l: Lot) {
  return {
    key: l.key,
    kind: l.kind,
    amount: l.amount,
    remaining: l.remaining,
    reversed: l.reversed,
    status: l.status,
    earned_at: l.earnedAt,
    available_at: l.availableAt,
    expires_at: l.expiresAt,
    order_id: l.orderId,
    rule_id: l.ruleId,
    rule: l.rule,
    basis: l.basis,
  };
}

/** A lot id expression: a lot loaded before (its id) or one this statement inserts (by key). */
const lotRef = (alias: string) => sql.raw(`coalesce(${alias}.lot_id, (SELECT nl.id FROM nl WHERE nl.key = ${alias}.lot_key))`);

/** Runs a decision's CTEs as their own statement (nothing when there are none). */
export async function writeCtes(trx: Db, ctes: RawBuilder<unknown>[]): Promise<void> {
  if (ctes.length === 0) return;
  await sql`${sql.raw(PREPARED)}
    WITH ${sql.join(ctes, sql`, `)}
    SELECT 1 AS written`.execute(trx);
}

/**
 * A decision's writes, as data-modifying CTEs fed by JSON, so every event costs ONE statement of
 * writes: run alone (writeCtes) or ahead of another member's state query in the same statement (a
 * group's inputs). Every key is a unique index: a second writer of the same fact fails here and
 * its transaction rolls back whole. Foreign keys between the CTEs' rows are checked at the end of
 * the statement. Their names (m, nl, ne, ...) are taken: a statement they join must not use them.
 */
export function decisionCtes(
  programId: number,
  memberId: number | null,
  lotIds: Map<string, number>,
  d: Decision,
  now: Date,
  event: { key: string; status: string; currency?: string | null } | null = null,
): RawBuilder<unknown>[] {
  const ctes: RawBuilder<unknown>[] = [];
  // A member loaded before is named by its id; a new one by what the member CTE inserts.
  const member = memberId === null ? sql`(SELECT id FROM m)` : sql`${memberId}::bigint`;
  const idOf = (key: string | null) => (key === null ? null : (lotIds.get(key) ?? null));

  if (d.member) {
    const record = json(memberRecord(d.member, now));
    ctes.push(
      memberId === null
        ? sql`m AS (INSERT INTO kinship_member (program_id, customer_id, available, pending, debt, growth, tier_key, tier_since,
              downgrade_due_at, last_activity_at, profile, profile_updated_at, created_at, updated_at, membership, membership_due_at)
            SELECT ${programId}, x.customer_id, x.available, x.pending, x.debt, x.growth, x.tier_key, x.tier_since, x.downgrade_due_at,
              x.last_activity_at, x.profile, x.profile_updated_at, x.created_at, x.updated_at, x.membership, x.membership_due_at
            FROM jsonb_to_record(${record}) AS x(${MEMBER_COLUMNS}) RETURNING id)`
        : sql`m AS (UPDATE kinship_member SET available = x.available, pending = x.pending, debt = x.debt, growth = x.growth,
              tier_key = x.tier_key, tier_since = x.tier_since, downgrade_due_at = x.downgrade_due_at, last_activity_at = x.last_activity_at,
              profile = x.profile, profile_updated_at = x.profile_updated_at, updated_at = x.updated_at,
              override_tier = x.override_tier, override_until = x.override_until, override_reason = x.override_reason,
              override_actor = x.override_actor, override_set_at = x.override_set_at,
              membership = x.membership, membership_due_at = x.membership_due_at
            FROM jsonb_to_record(${record}) AS x(${MEMBER_COLUMNS}) WHERE kinship_member.id = ${memberId} RETURNING kinship_member.id)`,
    );
    ctes.push(sql`nl AS (INSERT INTO kinship_lot (program_id, member_id, key, kind, amount, remaining, reversed, status, earned_at,
        available_at, expires_at, order_id, rule_id, rule, basis)
      SELECT ${programId}, ${member}, x.key, x.kind, x.amount, x.remaining, x.reversed, x.status, x.earned_at, x.available_at,
        x.expires_at, x.order_id, x.rule_id, x.rule, x.basis
      FROM jsonb_to_recordset(${json(d.newLots.map(lotRecord))}) AS x(key text, kind text, amount bigint, remaining bigint, reversed bigint,
        status text, earned_at timestamptz, available_at timestamptz, expires_at timestamptz, order_id text, rule_id text, rule jsonb, basis jsonb)
      RETURNING id, key)`);
    if (d.lotUpdates.length)
      ctes.push(sql`lu AS (UPDATE kinship_lot l SET remaining = x.remaining, reversed = x.reversed, status = x.status
        FROM jsonb_to_recordset(${json(d.lotUpdates.map((l) => ({ id: idOf(l.key) ?? missing(l.key), remaining: l.remaining, reversed: l.reversed, status: l.status })))})
          AS x(id bigint, remaining bigint, reversed bigint, status text)
        WHERE l.id = x.id)`);
    const entries = d.entries.map((e) => ({
      key: e.key,
      kind: e.kind,
      available_delta: e.availableDelta,
      pending_delta: e.pendingDelta,
      debt_delta: e.debtDelta,
      written_off: e.writtenOff,
      lot_id: idOf(e.lotKey),
      lot_key: e.lotKey,
      order_id: e.orderId,
      reason: e.reason,
      actor: e.actor,
      occurred_at: e.occurredAt,
    }));
    ctes.push(sql`ne AS (INSERT INTO kinship_entry (program_id, member_id, key, kind, available_delta, pending_delta, debt_delta, written_off,
        lot_id, order_id, reason, actor, occurred_at, recorded_at)
      SELECT ${programId}, ${member}, x.key, x.kind, x.available_delta, x.pending_delta, x.debt_delta, x.written_off, ${lotRef("x")},
        x.order_id, x.reason, x.actor, x.occurred_at, ${now}
      FROM jsonb_to_recordset(${json(entries)}) AS x(key text, kind text, available_delta bigint, pending_delta bigint, debt_delta bigint,
        written_off bigint, lot_id bigint, lot_key text, order_id text, reason text, actor text, occurred_at timestamptz)
      RETURNING id, key)`);
    const consumptions = d.entries.flatMap((e) =>
      e.consumptions.map((c) => ({ entry_key: e.key, lot_id: idOf(c.lotKey), lot_key: c.lotKey, points: c.points })),
    );
    if (consumptions.length)
      ctes.push(sql`nc AS (INSERT INTO kinship_consumption (entry_id, lot_id, points)
        SELECT ne.id, ${lotRef("x")}, x.points
        FROM jsonb_to_recordset(${json(consumptions)}) AS x(entry_key text, lot_id bigint, lot_key text, points bigint)
        JOIN ne ON ne.key = x.entry_key)`);
    if (d.growth.length)
      ctes.push(sql`ng AS (INSERT INTO kinship_growth (program_id, member_id, key, amount, occurred_at, reason, order_id, rule_id)
        SELECT ${programId}, ${member}, x.key, x.amount, x.occurred_at, x.reason, x.order_id, x.rule_id
        FROM jsonb_to_recordset(${json(d.growth.map((g) => ({ key: g.key, amount: g.amount, occurred_at: g.occurredAt, reason: g.reason, order_id: g.orderId, rule_id: g.ruleId })))})
          AS x(key text, amount bigint, occurred_at timestamptz, reason text, order_id text, rule_id text))`);
    if (d.orders.length)
      ctes.push(sql`nor AS (INSERT INTO kinship_order (program_id, order_id, member_id, record)
        SELECT ${programId}, x.order_id, ${member}, x.record
        FROM jsonb_to_recordset(${json(d.orders.map((o) => ({ order_id: o.orderId, record: o })))}) AS x(order_id text, record jsonb)
        ON CONFLICT (program_id, order_id) DO UPDATE SET record = EXCLUDED.record)`);
    if (d.tierChanges.length)
      ctes.push(sql`ntc AS (INSERT INTO kinship_tier_change (program_id, member_id, key, from_tier, to_tier, reason, growth, at)
        SELECT ${programId}, ${member}, x.key, x.from_tier, x.to_tier, x.reason, x.growth, x.at
        FROM jsonb_to_recordset(${json(d.tierChanges.map((t) => ({ key: t.key, from_tier: t.from, to_tier: t.to, reason: t.reason, growth: t.growth, at: t.at })))})
          AS x(key text, from_tier text, to_tier text, reason text, growth bigint, at timestamptz))`);
    if (d.campaigns)
      ctes.push(sql`nmc AS (INSERT INTO kinship_member_campaign (member_id, state) VALUES (${member}, ${json(d.campaigns)})
        ON CONFLICT (member_id) DO UPDATE SET state = EXCLUDED.state)`);
    const caps = Object.entries(d.capUsage).map(([cap_key, u]) => ({ cap_key, points: u.points, growth: u.growth }));
    if (caps.length)
      ctes.push(sql`ncu AS (INSERT INTO kinship_cap_usage (member_id, cap_key, points, growth)
        SELECT ${member}, x.cap_key, x.points, x.growth FROM jsonb_to_recordset(${json(caps)}) AS x(cap_key text, points bigint, growth bigint)
        ON CONFLICT (member_id, cap_key) DO UPDATE SET points = EXCLUDED.points, growth = EXCLUDED.growth)`);
  }
  if (d.sale) {
    const s = d.sale;
    // A guest's order names no member (and makes none); a redelivered order is already there.
    ctes.push(sql`nsa AS (INSERT INTO kinship_sale (program_id, order_id, member_id, by_member, subtotal, occurred_at, member_saving, shipping_discount)
      VALUES (${programId}, ${s.orderId}, ${d.member ? member : null}, ${s.byMember}, ${s.subtotal}, ${s.occurredAt}, ${s.memberSaving}, ${s.shippingDiscount})
      ON CONFLICT (program_id, order_id) DO NOTHING)`);
  }
  if (d.guestPlan) {
    const g = d.guestPlan;
    ctes.push(sql`ngp AS (INSERT INTO kinship_guest_plan (program_id, order_id, email, plan, occurred_at, line_ids)
      VALUES (${programId}, ${g.orderId}, ${g.email}, ${g.plan}, ${g.at}, ${json(g.lineIds)})
      ON CONFLICT (program_id, order_id) DO NOTHING)`);
  }
  if (d.claimedGuestPlans.length && d.member)
    ctes.push(sql`cgp AS (UPDATE kinship_guest_plan SET member_id = ${member}, claimed_at = ${now}
      WHERE program_id = ${programId} AND order_id = ANY(${d.claimedGuestPlans}::text[]) AND claimed_at IS NULL)`);
  // One row per key: a statement may not upsert the same row twice (the last message of a key wins).
  const messages = [...new Map(d.outbox.map((o) => [o.key, o])).values()];
  if (messages.length)
    ctes.push(sql`nob AS (INSERT INTO kinship_outbox (program_id, key, topic, payload, created_at)
      SELECT ${programId}, x.key, x.topic, x.payload, ${now}
      FROM jsonb_to_recordset(${json(messages)}) AS x(key text, topic text, payload jsonb)
      ${rearmOnConflict})`);
  if (d.hold.length)
    ctes.push(sql`nh AS (INSERT INTO kinship_held_event (program_id, key, order_id, event, held_at)
      SELECT ${programId}, x.key, x.order_id, x.event, ${now}
      FROM jsonb_to_recordset(${json(d.hold.map((h) => ({ key: h.key, order_id: h.orderId, event: h.event })))}) AS x(key text, order_id text, event jsonb)
      ON CONFLICT (program_id, key) DO NOTHING)`);
  if (d.release.length)
    ctes.push(sql`dh AS (DELETE FROM kinship_held_event WHERE program_id = ${programId} AND key = ANY(${d.release}::text[]))`);
  if (event)
    ctes.push(
      sql`ev AS (UPDATE kinship_event SET status = ${event.status}, currency = ${event.currency ?? null}::text WHERE program_id = ${programId} AND key = ${event.key})`,
    );
  return ctes;
}

function missing(key: string): never {
  throw new Error(`bug: lot ${key} not loaded`);
}
