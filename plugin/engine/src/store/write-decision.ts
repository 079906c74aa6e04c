import type { Decision, Lot, Member } from "../core/index.ts";
import type { Db } from "./connect.ts";
import { num } from "./schema.ts";

function memberColumns(m: Member, now: Date) {
  return {
    available: m.available,
    pending: m.pending,
    debt: m.debt,
    growth: m.growth,
    tier_key: m.tierKey,
    tier_since: m.tierSince,
    downgrade_due_at: m.downgradeDueAt,
    last_activity_at: m.lastActivityAt,
    profile: JSON.stringify(m.profile),
    profile_updated_at: m.profileUpdatedAt,
    updated_at: now,
  };
}

function lotColumns(programId: number, memberId: number, l: Lot) {
  return {
    program_id: programId,
    member_id: memberId,
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
    rule: l.rule ? JSON.stringify(l.rule) : null,
    basis: JSON.stringify(l.basis),
  };
}

/**
 * Writes a decision inside the caller's transaction. Every key is a unique index: a second
 * writer of the same fact fails here and its transaction rolls back whole.
 */
export async function writeDecision(
  trx: Db,
  programId: number,
  memberId: number | null,
  lotIds: Map<string, number>,
  d: Decision,
  now: Date,
): Promise<number | null> {
  let id = memberId;
  if (d.member) {
    if (id === null) {
      const row = await trx
        .insertInto("kinship_member")
        .values({
          program_id: programId,
          customer_id: d.member.customerId,
          created_at: d.member.createdAt,
          ...memberColumns(d.member, now),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      id = num(row.id);
    } else {
      await trx.updateTable("kinship_member").set(memberColumns(d.member, now)).where("id", "=", id).execute();
    }
  }

  if (id !== null) {
    const mid = id;
    if (d.newLots.length) {
      const rows = await trx
        .insertInto("kinship_lot")
        .values(d.newLots.map((l) => lotColumns(programId, mid, l)))
        .returning(["id", "key"])
        .execute();
      for (const r of rows) lotIds.set(r.key, num(r.id));
    }
    for (const l of d.lotUpdates) {
      await trx
        .updateTable("kinship_lot")
        .set({ remaining: l.remaining, reversed: l.reversed, status: l.status })
        .where("id", "=", lotId(lotIds, l.key))
        .execute();
    }
    await writeEntries(trx, programId, mid, lotIds, d, now);
    if (d.growth.length)
      await trx
        .insertInto("kinship_growth")
        .values(
          d.growth.map((g) => ({
            program_id: programId,
            member_id: mid,
            key: g.key,
            amount: g.amount,
            occurred_at: g.occurredAt,
            reason: g.reason,
            order_id: g.orderId,
            rule_id: g.ruleId,
          })),
        )
        .execute();
    for (const o of d.orders)
      await trx
        .insertInto("kinship_order")
        .values({ program_id: programId, order_id: o.orderId, member_id: mid, record: JSON.stringify(o) })
        .onConflict((oc) => oc.columns(["program_id", "order_id"]).doUpdateSet({ record: JSON.stringify(o) }))
        .execute();
    if (d.tierChanges.length)
      await trx
        .insertInto("kinship_tier_change")
        .values(
          d.tierChanges.map((t) => ({
            program_id: programId,
            member_id: mid,
            key: t.key,
            from_tier: t.from,
            to_tier: t.to,
            reason: t.reason,
            growth: t.growth,
            at: t.at,
          })),
        )
        .execute();
    for (const [capKey, u] of Object.entries(d.capUsage))
      await trx
        .insertInto("kinship_cap_usage")
        .values({ member_id: mid, cap_key: capKey, points: u.points, growth: u.growth })
        .onConflict((oc) => oc.columns(["member_id", "cap_key"]).doUpdateSet({ points: u.points, growth: u.growth }))
        .execute();
  }

  if (d.outbox.length)
    await trx
      .insertInto("kinship_outbox")
      .values(
        d.outbox.map((m) => ({ program_id: programId, key: m.key, topic: m.topic, payload: JSON.stringify(m.payload), created_at: now })),
      )
      .onConflict((oc) => oc.columns(["program_id", "key"]).doNothing())
      .execute();
  if (d.hold.length)
    await trx
      .insertInto("kinship_held_event")
      .values(d.hold.map((h) => ({ program_id: programId, key: h.key, order_id: h.orderId, event: JSON.stringify(h.event), held_at: now })))
      .onConflict((oc) => oc.columns(["program_id", "key"]).doNothing())
      .execute();
  if (d.release.length)
    await trx.deleteFrom("kinship_held_event").where("program_id", "=", programId).where("key", "in", d.release).execute();
  return id;
}

async function writeEntries(trx: Db, programId: number, memberId: number, lotIds: Map<string, number>, d: Decision, now: Date) {
  if (!d.entries.length) return;
  const rows = await trx
    .insertInto("kinship_entry")
    .values(
      d.entries.map((e) => ({
        program_id: programId,
        member_id: memberId,
        key: e.key,
        kind: e.kind,
        available_delta: e.availableDelta,
        pending_delta: e.pendingDelta,
        debt_delta: e.debtDelta,
        written_off: e.writtenOff,
        lot_id: e.lotKey ? lotId(lotIds, e.lotKey) : null,
        order_id: e.orderId,
        reason: e.reason,
        actor: e.actor,
        occurred_at: e.occurredAt,
        recorded_at: now,
      })),
    )
    .returning(["id", "key"])
    .execute();
  const entryIds = new Map(rows.map((r) => [r.key, num(r.id)]));
  const consumptions = d.entries.flatMap((e) =>
    e.consumptions.map((c) => ({ entry_id: entryIds.get(e.key) as number, lot_id: lotId(lotIds, c.lotKey), points: c.points })),
  );
  if (consumptions.length) await trx.insertInto("kinship_consumption").values(consumptions).execute();
}

function lotId(lotIds: Map<string, number>, key: string): number {
  const id = lotIds.get(key);
  if (id === undefined) throw new Error(`bug: lot ${key} not loaded`);
  return id;
}
