import { sql } from "kysely";
import type { ReferralStatus, Signal } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";

export interface ReferralView {
  id: string;
  code: string;
  referrerId: string;
  refereeId: string;
  orderId: string;
  status: ReferralStatus;
  signals: Signal[];
  welcomeCode: string | null;
  points: number;
  createdAt: string;
  payableAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  note: string | null;
}

interface Row {
  id: string | number;
  code: string;
  referrer: string;
  referee: string;
  order_id: string;
  status: ReferralStatus;
  signals: Signal[];
  welcome_code: string | null;
  points: string | number;
  created_at: Date;
  payable_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  note: string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

export function referralView(r: Row): ReferralView {
  return {
    id: String(r.id),
    code: r.code,
    referrerId: r.referrer,
    refereeId: r.referee,
    orderId: r.order_id,
    status: r.status,
    signals: r.signals ?? [],
    welcomeCode: r.welcome_code,
    points: num(r.points),
    createdAt: iso(r.created_at),
    payableAt: iso(r.payable_at),
    decidedAt: r.decided_at ? iso(r.decided_at) : null,
    decidedBy: r.decided_by,
    note: r.note,
  };
}

const SELECT = sql`SELECT r.id, r.code, rr.customer_id AS referrer, ee.customer_id AS referee, r.order_id, r.status, r.signals, CASE WHEN r.welcome_issued_at IS NULL THEN NULL ELSE r.welcome_code END AS welcome_code,
    r.points, r.created_at, r.payable_at, r.decided_at, r.decided_by, r.note
  FROM kinship_referral r JOIN kinship_member rr ON rr.id = r.referrer_id JOIN kinship_member ee ON ee.id = r.referee_id`;

export async function findReferral(db: Db, programId: number, id: string): Promise<ReferralView | null> {
  const r = await sql<Row>`${SELECT} WHERE r.program_id = ${programId} AND r.id = ${id}`.execute(db);
  return r.rows[0] ? referralView(r.rows[0]) : null;
}

/** A page of the program's referrals, newest first (keyset on id), optionally of one status. */
export async function listReferrals(
  db: Db,
  programId: number,
  options: { status: ReferralStatus | null; first: number; beforeId: string | null },
): Promise<{ referrals: ReferralView[]; lastId: string | null }> {
  const rows = await sql<Row>`${SELECT}
    WHERE r.program_id = ${programId}
      ${options.status ? sql`AND r.status = ${options.status}` : sql``}
      ${options.beforeId ? sql`AND r.id < ${options.beforeId}` : sql``}
    ORDER BY r.id DESC LIMIT ${options.first + 1}`.execute(db);
  const page = rows.rows.slice(0, options.first).map(referralView);
  return { referrals: page, lastId: rows.rows.length > options.first ? (page.at(-1)?.id ?? null) : null };
}

/** Referrals made with a member's code, newest first. */
export async function referralsBy(db: Db, programId: number, customerId: string, first: number): Promise<ReferralView[]> {
  const rows = await sql<Row>`${SELECT} WHERE r.program_id = ${programId} AND rr.customer_id = ${customerId}
    ORDER BY r.id DESC LIMIT ${first}`.execute(db);
  return rows.rows.map(referralView);
}

/** A referrer's counts for the storefront: waiting (PENDING, FLAGGED, APPROVED), paid, and the points paid. */
export async function referralCounts(
  db: Db,
  programId: number,
  customerId: string,
): Promise<{ pending: number; paid: number; pointsEarned: number }> {
  const r = await sql<{ pending: string | number; paid: string | number; points: string | number | null }>`
    SELECT count(*) FILTER (WHERE r.status IN ('PENDING', 'FLAGGED', 'APPROVED')) AS pending,
      count(*) FILTER (WHERE r.status = 'PAID') AS paid, coalesce(sum(r.points) FILTER (WHERE r.status = 'PAID'), 0) AS points
    FROM kinship_referral r JOIN kinship_member rr ON rr.id = r.referrer_id
    WHERE r.program_id = ${programId} AND rr.program_id = ${programId} AND rr.customer_id = ${customerId}`.execute(db);
  const row = r.rows[0];
  return { pending: num(row?.pending), paid: num(row?.paid), pointsEarned: num(row?.points ?? 0) };
}

/** Referees whose welcome code is still to be issued (the referral is clean, approved or paid), oldest first. */
export async function welcomeDue(
  db: Db,
  programId: number,
  limit = 100,
): Promise<{ referralId: string; refereeId: string; orderId: string }[]> {
  const r = await sql<{ id: string | number; referee: string; order_id: string }>`
    SELECT r.id, ee.customer_id AS referee, r.order_id FROM kinship_referral r JOIN kinship_member ee ON ee.id = r.referee_id
    WHERE r.program_id = ${programId} AND r.welcome_issued_at IS NULL AND r.status IN ('PENDING', 'APPROVED', 'PAID')
    ORDER BY r.id LIMIT ${limit}`.execute(db);
  return r.rows.map((x) => ({ referralId: String(x.id), refereeId: x.referee, orderId: x.order_id }));
}

/**
 * Reserves the referral's welcome code before it is issued: the first code reserved stays, so a
 * retry after a crash issues that same code again. Answers the code and whether it was issued.
 */
export async function reserveWelcomeCode(
  db: Db,
  programId: number,
  id: string,
  code: string,
): Promise<{ code: string; issued: boolean } | null> {
  const r = await sql<{ welcome_code: string; welcome_issued_at: Date | null }>`
    UPDATE kinship_referral SET welcome_code = coalesce(welcome_code, ${code})
    WHERE program_id = ${programId} AND id = ${id} RETURNING welcome_code, welcome_issued_at`.execute(db);
  const row = r.rows[0];
  return row ? { code: row.welcome_code, issued: row.welcome_issued_at !== null } : null;
}

/** Records the outcome of issuing a reserved welcome code: issued (with the platform's id), or the error to retry on. */
export async function settleWelcomeCode(
  db: Db,
  programId: number,
  id: string,
  outcome: { issued: true; platformRef: string | null } | { issued: false; error: string },
  now: Date,
): Promise<void> {
  if (outcome.issued)
    await sql`UPDATE kinship_referral SET welcome_issued_at = coalesce(welcome_issued_at, ${now}), welcome_ref = ${outcome.platformRef},
      welcome_error = NULL WHERE program_id = ${programId} AND id = ${id}`.execute(db);
  else
    await sql`UPDATE kinship_referral SET welcome_error = ${outcome.error.slice(0, 1000)}
      WHERE program_id = ${programId} AND id = ${id} AND welcome_issued_at IS NULL`.execute(db);
}
