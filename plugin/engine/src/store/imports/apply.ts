import { sql } from "kysely";
import type { ProgramConfig } from "../../core/config/schema.ts";
import type { ImportSource } from "../../core/import/columns.ts";
import { lotExpiresAt } from "../../core/ledger/expiry.ts";
import { addDays } from "../../core/time.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
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

/**
 * One batch of members in one transaction, in a few set-wise statements: members created, their
 * rows locked, then for each member this source has not imported yet one lot per dated row (an
 * `adjustment` lot expiring by the program's policy from its date), ONE `adjust` entry keyed
 * `import:<source>:<customer>` (the idempotency mark), balances raised, the tier held, the old
 * referral code stored. A member imported meanwhile (a concurrent run) is skipped here.
 */
export async function applyBatch(trx: Db, batch: Planned[], c: BatchContext): Promise<BatchApplied> {
  const { programId, config, source, actor, now } = c;
  const reason = `import:${source}`;
  const base = config.tiers[0]?.key ?? "";
  await sql`SELECT id FROM kinship_program WHERE id = ${programId} FOR KEY SHARE`.execute(trx);
  const fresh = batch.filter((p) => p.isNew);
  const created = await sql<{ n: string }>`
    WITH ins AS (
      INSERT INTO kinship_member (program_id, customer_id, tier_key, tier_since, profile, created_at, updated_at)
      SELECT ${programId}, x.customer_id, ${base}, ${now}::timestamptz, x.profile, ${now}::timestamptz, ${now}::timestamptz
      FROM unnest(${fresh.map((p) => p.member.customerId)}::text[], ${fresh.map((p) => JSON.stringify(profileOf(p)))}::jsonb[]) AS x(customer_id, profile)
      ON CONFLICT (program_id, customer_id) DO NOTHING RETURNING 1)
    SELECT count(*) AS n FROM ins`.execute(trx);
  const locked = await sql<{ id: string; customer_id: string; tier_key: string; growth: string; held: boolean; imported: boolean }>`
    SELECT m.id, m.customer_id, m.tier_key, m.growth, m.override_tier IS NOT NULL AS held,
      EXISTS (SELECT 1 FROM kinship_entry e WHERE e.program_id = ${programId} AND e.key = ${`${reason}:`} || m.customer_id) AS imported
    FROM kinship_member m WHERE m.program_id = ${programId} AND m.customer_id = ANY(${batch.map((p) => p.member.customerId)}::text[])
    ORDER BY m.id FOR UPDATE OF m`.execute(trx);
  const byCustomer = new Map(locked.rows.map((r) => [r.customer_id, r]));

  const lots = {
    member: [] as string[],
    key: [] as string[],
    amount: [] as number[],
    earned: [] as Date[],
    expires: [] as (Date | null)[],
  };
  const members = {
    id: [] as string[],
    key: [] as string[],
    points: [] as number[],
    activity: [] as (Date | null)[],
    hold: [] as (string | null)[],
  };
  const tierMoves: { id: string; from: string; to: string; growth: string; customerId: string }[] = [];
  const codes = { member: [] as string[], code: [] as string[] };
  let points = 0;
  for (const p of batch) {
    const row = byCustomer.get(p.member.customerId);
    if (!row || row.imported) continue;
    let sum = 0;
    let activity: Date | null = null;
    p.member.lots.forEach((lot, n) => {
      const earnedAt = lot.earnedAt ?? now;
      lots.member.push(row.id);
      lots.key.push(`${reason}:${p.member.customerId}:${n + 1}`);
      lots.amount.push(lot.points);
      lots.earned.push(earnedAt);
      lots.expires.push(lotExpiresAt(config.expiry, earnedAt, config.timezone));
      sum += lot.points;
      if (activity === null || earnedAt > activity) activity = earnedAt;
    });
    const hold = p.holdTier !== null && !row.held && p.holdTier !== row.tier_key ? p.holdTier : null;
    members.id.push(row.id);
    members.key.push(`${reason}:${p.member.customerId}`);
    members.points.push(sum);
    members.activity.push(activity);
    members.hold.push(hold);
    if (hold !== null) tierMoves.push({ id: row.id, from: row.tier_key, to: hold, growth: row.growth, customerId: p.member.customerId });
    if (p.code !== null) {
      codes.member.push(row.id);
      codes.code.push(p.code);
    }
    points += sum;
  }
  if (members.id.length === 0) return { members: 0, newMembers: num(created.rows[0]?.n ?? 0), points: 0, tiersSet: 0, referralCodes: 0 };

  await sql`INSERT INTO kinship_lot (program_id, member_id, key, kind, amount, remaining, status, earned_at, available_at, expires_at, basis)
    SELECT ${programId}, x.member_id, x.key, 'adjustment', x.amount, x.amount, 'available', x.earned_at, x.earned_at, x.expires_at, '{"amount":0,"lineIds":null}'::jsonb
    FROM unnest(${lots.member}::bigint[], ${lots.key}::text[], ${lots.amount}::bigint[], ${lots.earned}::timestamptz[], ${lots.expires}::timestamptz[])
      AS x(member_id, key, amount, earned_at, expires_at)`.execute(trx);
  await sql`INSERT INTO kinship_entry (program_id, member_id, key, kind, available_delta, pending_delta, debt_delta, reason, actor, occurred_at, recorded_at)
    SELECT ${programId}, x.member_id, x.key, 'adjust', x.points, 0, 0, ${reason}, ${actor}, ${now}::timestamptz, ${now}::timestamptz
    FROM unnest(${members.id}::bigint[], ${members.key}::text[], ${members.points}::bigint[]) AS x(member_id, key, points)`.execute(trx);
  const until = addDays(now, IMPORTED_TIER_HOLD_DAYS);
  await sql`UPDATE kinship_member m SET
      available = m.available + x.points,
      last_activity_at = greatest(m.last_activity_at, x.activity),
      tier_key = coalesce(x.hold, m.tier_key),
      tier_since = CASE WHEN x.hold IS NULL THEN m.tier_since ELSE ${now}::timestamptz END,
      downgrade_due_at = CASE WHEN x.hold IS NULL THEN m.downgrade_due_at END,
      override_tier = coalesce(x.hold, m.override_tier),
      override_until = CASE WHEN x.hold IS NULL THEN m.override_until ELSE ${until}::timestamptz END,
      override_reason = CASE WHEN x.hold IS NULL THEN m.override_reason ELSE ${`tier kept from ${source}`} END,
      override_actor = CASE WHEN x.hold IS NULL THEN m.override_actor ELSE ${actor} END,
      override_set_at = CASE WHEN x.hold IS NULL THEN m.override_set_at ELSE ${now}::timestamptz END,
      updated_at = ${now}::timestamptz
    FROM unnest(${members.id}::bigint[], ${members.points}::bigint[], ${members.activity}::timestamptz[], ${members.hold}::text[])
      AS x(id, points, activity, hold)
    WHERE m.id = x.id`.execute(trx);
  if (tierMoves.length > 0)
    await sql`INSERT INTO kinship_tier_change (program_id, member_id, key, from_tier, to_tier, reason, growth, at)
      SELECT ${programId}, x.member_id, x.key, x.from_tier, x.to_tier, 'override', x.growth, ${now}::timestamptz
      FROM unnest(${tierMoves.map((t) => t.id)}::bigint[], ${tierMoves.map((t) => `${reason}:${t.customerId}:override`)}::text[],
        ${tierMoves.map((t) => t.from)}::text[], ${tierMoves.map((t) => t.to)}::text[], ${tierMoves.map((t) => t.growth)}::bigint[])
        AS x(member_id, key, from_tier, to_tier, growth)`.execute(trx);
  const stored =
    codes.code.length === 0
      ? 0
      : (
          await sql<{ n: string }>`WITH ins AS (
            INSERT INTO kinship_referral_code (program_id, code, member_id, created_at)
            SELECT ${programId}, x.code, x.member_id, ${now}::timestamptz FROM unnest(${codes.code}::text[], ${codes.member}::bigint[]) AS x(code, member_id)
            ON CONFLICT DO NOTHING RETURNING 1)
          SELECT count(*) AS n FROM ins`.execute(trx)
        ).rows[0]?.n;
  return {
    members: members.id.length,
    newMembers: num(created.rows[0]?.n ?? 0),
    points,
    tiersSet: tierMoves.length,
    referralCodes: num(stored ?? 0),
  };
}

function profileOf(p: Planned) {
  const { email, firstName, lastName } = p.member;
  return { email, firstName, lastName, birthday: null, tags: [], referralCode: null };
}
