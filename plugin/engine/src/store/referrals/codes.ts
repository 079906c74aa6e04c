import { createHmac, randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";

/**
 * A member's referral code: the HMAC of their customer id under the program's secret (the value
 * the Shopify server's links always carried, so links shared before the code table keep working).
 * A program without a secret gets random codes.
 */
export function referralCodeOf(secret: string | null, customerId: string): string {
  if (!secret) return randomBytes(9).toString("base64url");
  return createHmac("sha256", secret).update(`referral:${customerId}`, "utf8").digest("base64url").slice(0, 12);
}

async function secretOf(db: Db, programId: number): Promise<string | null> {
  const row = await db.selectFrom("kinship_program").select("webhook_secret").where("id", "=", programId).executeTakeFirst();
  return row?.webhook_secret ?? null;
}

/** The member's code, made and stored the first time it is asked for; null when there is no such member. */
export async function ensureReferralCode(db: Db, programId: number, customerId: string, now: Date): Promise<string | null> {
  const found = await sql<{ id: string; code: string | null }>`
    SELECT m.id, c.code FROM kinship_member m LEFT JOIN kinship_referral_code c ON c.member_id = m.id
    WHERE m.program_id = ${programId} AND m.customer_id = ${customerId}`.execute(db);
  const row = found.rows[0];
  if (!row) return null;
  if (row.code) return row.code;
  await insertCodes(db, programId, [{ memberId: num(row.id), code: referralCodeOf(await secretOf(db, programId), customerId) }], now);
  const stored = await sql<{ code: string }>`SELECT code FROM kinship_referral_code WHERE member_id = ${num(row.id)}`.execute(db);
  return stored.rows[0]?.code ?? null;
}

async function insertCodes(db: Db, programId: number, codes: { memberId: number; code: string }[], now: Date): Promise<void> {
  if (codes.length === 0) return;
  // A member who got their code meanwhile keeps it (UNIQUE member_id); a code already taken (a
  // collision of 72 bits) leaves that member without one until asked again.
  await sql`INSERT INTO kinship_referral_code (program_id, code, member_id, created_at)
    SELECT ${programId}, x.code, x.member_id, ${now}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(codes.map((c) => ({ code: c.code, member_id: c.memberId })))}::jsonb) AS x(code text, member_id bigint)
    ON CONFLICT DO NOTHING`.execute(db);
}

/**
 * The code a signed-in customer's link carries: their stored code, or for a customer who is not a
 * member yet the code they will get (the same HMAC), so a link shared now works once they join.
 */
export async function linkCodeOf(db: Db, programId: number, customerId: string, now: Date): Promise<string | null> {
  const stored = await ensureReferralCode(db, programId, customerId, now);
  if (stored) return stored;
  const secret = await secretOf(db, programId);
  return secret ? referralCodeOf(secret, customerId) : null;
}

/** Gives up to `limit` members without a code their code (the engine's clock: members made before codes, or never asked). */
export async function backfillReferralCodes(db: Db, programId: number, now: Date, limit = 1000): Promise<number> {
  const missing = await sql<{ id: string; customer_id: string }>`
    SELECT m.id, m.customer_id FROM kinship_member m
    WHERE m.program_id = ${programId} AND NOT EXISTS (SELECT 1 FROM kinship_referral_code c WHERE c.member_id = m.id)
    ORDER BY m.id LIMIT ${limit}`.execute(db);
  if (missing.rows.length === 0) return 0;
  const secret = await secretOf(db, programId);
  await insertCodes(
    db,
    programId,
    missing.rows.map((r) => ({ memberId: num(r.id), code: referralCodeOf(secret, r.customer_id) })),
    now,
  );
  return missing.rows.length;
}

/** The member a code belongs to, or null; a miss first gives members who joined without a code theirs. */
export async function memberOfCode(
  db: Db,
  programId: number,
  code: string,
  now: Date,
): Promise<{ memberId: number; customerId: string; profile: { email?: string | null; phone?: string | null } } | null> {
  const found = await storedOwner(db, programId, code);
  if (found) return found;
  return (await backfillReferralCodes(db, programId, now)) > 0 ? storedOwner(db, programId, code) : null;
}

async function storedOwner(
  db: Db,
  programId: number,
  code: string,
): Promise<{ memberId: number; customerId: string; profile: { email?: string | null; phone?: string | null } } | null> {
  const found = await sql<{ id: string; customer_id: string; profile: { email?: string | null; phone?: string | null } }>`
    SELECT m.id, m.customer_id, m.profile FROM kinship_referral_code c JOIN kinship_member m ON m.id = c.member_id
    WHERE c.program_id = ${programId} AND c.code = ${code}`.execute(db);
  const row = found.rows[0];
  return row ? { memberId: num(row.id), customerId: row.customer_id, profile: row.profile ?? {} } : null;
}
