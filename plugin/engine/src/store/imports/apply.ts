import { sql } from "kysely";
import type { ProgramConfig } from "../../core/config/schema.ts";
import type { ImportSource } from "../../core/import/columns.ts";
import { lotExpiresAt } from "../../core/ledger/expiry.ts";
import { addDays } from "../../core/time.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import { pointsChangedOf } from "../ledger/outbox.ts";
import type { Planned } from "./survey.ts";

/** How long an imported tier is held (the owner's override) before tiers follow growth earned here. */
export const IMPORTED_TIER_HOLD_DAYS = 365;

export interface BatchContext {
  programId: number;
  config: ProgramConfig;
  source: ImportSource;
  actor: string;
  now: Date;
}

export interface BatchApplied {
  members: number;
  newMembers: number;
  points: number;
  tiersSet: number;
  referralCodes: number;
}

/** One member's share of the batch, with their row id. */
interface Write {
  id: string;
  planned: Planned;
  points: number;
  activity: Date | null;
  /** The tier to hold them at, or null. */
  hold: string | null;
  from: string;
  growth: string;
}

/**
 * One batch of members in one transaction, in a few set-wise statements. New members are inserted
 * with their balance, last activity and held tier already set (no second write); members who
 * existed are locked, skipped when this source imported them meanwhile (a concurrent run), and
 * raised in one UPDATE. Then for each: a lot per row (an `adjustment` lot expiring by the
 * program's policy from its date), ONE `adjust` entry keyed `import:<source>:<customer>` (the
 * idempotency mark), the tier change of a held tier, the old referral code.
 */
export async function applyBatch(trx: Db, batch: Planned[], c: BatchContext): Promise<BatchApplied> {
  const { programId, config, source, actor, now } = c;
  const reason = `import:${source}`;
  const base = config.tiers[0]?.key ?? "";
  const until = addDays(now, IMPORTED_TIER_HOLD_DAYS);
  const overrideReason = `tier kept from ${source}`;
  await sql`SELECT id FROM kinship_program WHERE id = ${programId} FOR KEY SHARE`.execute(trx);

  const fresh = batch.filter((p) => p.isNew).map((p) => shareOf(p, "", base, false, now));
  const created = await sql<{ id: string; customer_id: string }>`
    INSERT INTO kinship_member (program_id, customer_id, available, tier_key, tier_since, last_activity_at, profile,
      override_tier, override_until, override_reason, override_actor, override_set_at, created_at, updated_at)
    SELECT ${programId}, x.customer_id, x.points, coalesce(x.hold, ${base}), ${now}::timestamptz, x.activity, x.profile,
      x.hold, CASE WHEN x.hold IS NOT NULL THEN ${until}::timestamptz END, CASE WHEN x.hold IS NOT NULL THEN ${overrideReason} END,
      CASE WHEN x.hold IS NOT NULL THEN ${actor} END, CASE WHEN x.hold IS NOT NULL THEN ${now}::timestamptz END,
      ${now}::timestamptz, ${now}::timestamptz
    FROM unnest(${fresh.map((w) => w.planned.member.customerId)}::text[], ${fresh.map((w) => w.points)}::bigint[],
      ${fresh.map((w) => w.activity)}::timestamptz[], ${fresh.map((w) => w.hold)}::text[], ${fresh.map((w) => JSON.stringify(profileOf(w.planned)))}::jsonb[])
      AS x(customer_id, points, activity, hold, profile)
    ON CONFLICT (program_id, customer_id) DO NOTHING RETURNING id, customer_id`.execute(trx);
  const createdIds = new Map(created.rows.map((r) => [r.customer_id, r.id]));
  const writes: Write[] = [];
  for (const w of fresh) {
    const id = createdIds.get(w.planned.member.customerId);
    if (id !== undefined) writes.push({ ...w, id });
  }

  // Members who existed (or were created since the survey by someone else).
  const others = batch.filter((p) => !createdIds.has(p.member.customerId));
  if (others.length > 0) {
    const locked = await sql<{ id: string; customer_id: string; tier_key: string; growth: string; held: boolean; imported: boolean }>`
      SELECT m.id, m.customer_id, m.tier_key, m.growth, m.override_tier IS NOT NULL AS held,
        EXISTS (SELECT 1 FROM kinship_entry e WHERE e.program_id = ${programId} AND e.key = ${`${reason}:`} || m.customer_id) AS imported
      FROM kinship_member m WHERE m.program_id = ${programId} AND m.customer_id = ANY(${others.map((p) => p.member.customerId)}::text[])
      ORDER BY m.id FOR UPDATE OF m`.execute(trx);
    const byCustomer = new Map(locked.rows.map((r) => [r.customer_id, r]));
    const raised: Write[] = [];
    for (const p of others) {
      const row = byCustomer.get(p.member.customerId);
      if (row && !row.imported) raised.push({ ...shareOf(p, row.id, row.tier_key, row.held, now), growth: row.growth });
    }
    if (raised.length > 0)
      await sql`UPDATE kinship_member m SET
          available = m.available + x.points,
          last_activity_at = greatest(m.last_activity_at, x.activity),
          tier_key = coalesce(x.hold, m.tier_key),
          tier_since = CASE WHEN x.hold IS NULL THEN m.tier_since ELSE ${now}::timestamptz END,
          downgrade_due_at = CASE WHEN x.hold IS NULL THEN m.downgrade_due_at END,
          override_tier = coalesce(x.hold, m.override_tier),
          override_until = CASE WHEN x.hold IS NULL THEN m.override_until ELSE ${until}::timestamptz END,
          override_reason = CASE WHEN x.hold IS NULL THEN m.override_reason ELSE ${overrideReason} END,
          override_actor = CASE WHEN x.hold IS NULL THEN m.override_actor ELSE ${actor} END,
          override_set_at = CASE WHEN x.hold IS NULL THEN m.override_set_at ELSE ${now}::timestamptz END,
          updated_at = ${now}::timestamptz
        FROM unnest(${raised.map((w) => w.id)}::bigint[], ${raised.map((w) => w.points)}::bigint[],
          ${raised.map((w) => w.activity)}::timestamptz[], ${raised.map((w) => w.hold)}::text[]) AS x(id, points, activity, hold)
        WHERE m.id = x.id`.execute(trx);
    writes.push(...raised);
  }
  if (writes.length === 0) return { members: 0, newMembers: 0, points: 0, tiersSet: 0, referralCodes: 0 };

  const lots = {
    member: [] as string[],
    key: [] as string[],
    amount: [] as number[],
    earned: [] as Date[],
    expires: [] as (Date | null)[],
  };
  for (const w of writes)
    w.planned.member.lots.forEach((lot, n) => {
      const earnedAt = lot.earnedAt ?? now;
      lots.member.push(w.id);
      lots.key.push(`${reason}:${w.planned.member.customerId}:${n + 1}`);
      lots.amount.push(lot.points);
      lots.earned.push(earnedAt);
      lots.expires.push(lotExpiresAt(config.expiry, earnedAt, config.timezone));
    });
  const moves = writes.filter((w) => w.hold !== null);
  const coded = writes.filter((w) => w.planned.code !== null);
  const made = writes.filter((w) => createdIds.has(w.planned.member.customerId));
  const grown = writes.filter((w) => !createdIds.has(w.planned.member.customerId));
  // The platform syncs (Shopify metafields and tags, Medusa's groups) and the event sinks hear of
  // imported members as of any other: member.created for a new one (the syncs read its whole
  // state), points.changed for one who was there, tier.changed for a tier kept.
  const stored = await sql<{ n: string }>`
    WITH members AS (SELECT customer_id FROM unnest(${grown.map((w) => w.planned.member.customerId)}::text[]) AS m(customer_id)),
    changed AS (${pointsChangedOf(programId, now)}),
    joined AS (
      INSERT INTO kinship_outbox (program_id, key, topic, payload, created_at)
      SELECT ${programId}, 'member:' || x.customer_id || ':created', 'member.created', jsonb_build_object('customerId', x.customer_id, 'tier', x.tier), ${now}::timestamptz
      FROM unnest(${made.map((w) => w.planned.member.customerId)}::text[], ${made.map((w) => w.hold ?? base)}::text[]) AS x(customer_id, tier)
      ON CONFLICT (program_id, key) DO NOTHING),
    moved AS (
      INSERT INTO kinship_outbox (program_id, key, topic, payload, created_at)
      SELECT ${programId}, ${`tier:${reason}:`} || x.customer_id || ':override', 'tier.changed',
        jsonb_build_object('customerId', x.customer_id, 'from', x.from_tier, 'to', x.to_tier, 'reason', 'override', 'growth', x.growth), ${now}::timestamptz
      FROM unnest(${moves.map((w) => w.planned.member.customerId)}::text[], ${moves.map((w) => w.from)}::text[], ${moves.map((w) => w.hold)}::text[],
        ${moves.map((w) => w.growth)}::bigint[]) AS x(customer_id, from_tier, to_tier, growth)
      ON CONFLICT (program_id, key) DO NOTHING),
    lots AS (
      INSERT INTO kinship_lot (program_id, member_id, key, kind, amount, remaining, status, earned_at, available_at, expires_at, basis)
      SELECT ${programId}, x.member_id, x.key, 'adjustment', x.amount, x.amount, 'available', x.earned_at, x.earned_at, x.expires_at,
        '{"amount":0,"lineIds":null}'::jsonb
      FROM unnest(${lots.member}::bigint[], ${lots.key}::text[], ${lots.amount}::bigint[], ${lots.earned}::timestamptz[], ${lots.expires}::timestamptz[])
        AS x(member_id, key, amount, earned_at, expires_at)),
    entries AS (
      INSERT INTO kinship_entry (program_id, member_id, key, kind, available_delta, pending_delta, debt_delta, reason, actor, occurred_at, recorded_at)
      SELECT ${programId}, x.member_id, ${`${reason}:`} || x.customer_id, 'adjust', x.points, 0, 0, ${reason}, ${actor}, ${now}::timestamptz, ${now}::timestamptz
      FROM unnest(${writes.map((w) => w.id)}::bigint[], ${writes.map((w) => w.planned.member.customerId)}::text[], ${writes.map((w) => w.points)}::bigint[])
        AS x(member_id, customer_id, points)),
    moves AS (
      INSERT INTO kinship_tier_change (program_id, member_id, key, from_tier, to_tier, reason, growth, at)
      SELECT ${programId}, x.member_id, ${`${reason}:`} || x.customer_id || ':override', x.from_tier, x.to_tier, 'override', x.growth, ${now}::timestamptz
      FROM unnest(${moves.map((w) => w.id)}::bigint[], ${moves.map((w) => w.planned.member.customerId)}::text[], ${moves.map((w) => w.from)}::text[],
        ${moves.map((w) => w.hold)}::text[], ${moves.map((w) => w.growth)}::bigint[]) AS x(member_id, customer_id, from_tier, to_tier, growth)),
    codes AS (
      INSERT INTO kinship_referral_code (program_id, code, member_id, created_at)
      SELECT ${programId}, x.code, x.member_id, ${now}::timestamptz
      FROM unnest(${coded.map((w) => w.planned.code)}::text[], ${coded.map((w) => w.id)}::bigint[]) AS x(code, member_id)
      ON CONFLICT DO NOTHING RETURNING 1)
    SELECT count(*) AS n FROM codes`.execute(trx);
  return {
    members: writes.length,
    newMembers: createdIds.size,
    points: writes.reduce((sum, w) => sum + w.points, 0),
    tiersSet: moves.length,
    referralCodes: num(stored.rows[0]?.n ?? 0),
  };
}

/** A member's points, last activity and held tier, given the tier they hold now. */
function shareOf(p: Planned, id: string, tierNow: string, held: boolean, now: Date): Write {
  let points = 0;
  let activity: Date | null = null;
  for (const lot of p.member.lots) {
    const earnedAt = lot.earnedAt ?? now;
    points += lot.points;
    if (activity === null || earnedAt > activity) activity = earnedAt;
  }
  const hold = p.holdTier !== null && !held && p.holdTier !== tierNow ? p.holdTier : null;
  return { id, planned: p, points, activity, hold, from: tierNow, growth: "0" };
}

function profileOf(p: Planned) {
  const { email, firstName, lastName } = p.member;
  return { email, firstName, lastName, birthday: null, tags: [], referralCode: null };
}
