import { sql } from "kysely";
import { insightDue } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { pruneDeliveries } from "../events/deliveries.ts";
import { type InsightRefresh, insightComputedAt, refreshInsight } from "../insight/refresh.ts";
import { applyInput } from "../ledger/apply.ts";
import { findProgram } from "../programs/programs.ts";
import { backfillReferralCodes } from "../referrals/codes.ts";
import { payDueReferrals } from "../referrals/payout.ts";
import { giveClockCampaigns, noticeExpiringLots } from "./campaigns.ts";
import { evaluateTiers, type TierEvaluation } from "./evaluate-tiers.ts";
import { expireDueLots } from "./expire.ts";
import { matureDueLots } from "./mature.ts";

/** A refund or cancellation whose order never arrives (a guest order, another currency, before install) is dropped after this long. */
export const HELD_EVENT_DAYS = 90;

export interface Maintenance {
  droppedHeld: number;
  matured: number;
  expired: number;
  perMember: number;
  /** Members whose membership had a renewal reminder or a lapse due. */
  memberships: number;
  tiers: TierEvaluation;
  /** Referrals paid (and voided on the way) whose first order passed its return window. */
  referrals: { paid: number; voided: number; codes: number };
  /** Members given a birthday or anniversary bonus. */
  campaigns: number;
  /** `points.expiring` notices written. */
  expiringNotices: number;
  /** The day's insight recompute, or null when it already ran today (program's zone). */
  insight: InsightRefresh | null;
  /** Event deliveries delivered over 30 days ago, dropped from the delivery log. */
  prunedDeliveries: number;
}

/**
 * The scheduled work of a program at `now`: pending points mature, due points expire, members
 * whose case needs the full rules (debts, inactivity) go through the core one by one, memberships
 * due a renewal reminder or a lapse are ticked, and tiers are evaluated (a lapsed plan's member
 * falls to the earned tier); birthday and anniversary bonuses that are due are given, and lots
 * about to expire are announced; once a day (the first run after midnight in the program's zone)
 * every member's RFM scores and segment are recomputed; the delivery log drops what was delivered
 * over 30 days ago. Every step is idempotent and resumable.
 */
export async function maintain(db: Db, programKey: string, now: Date): Promise<Maintenance> {
  const program = await findProgram(db, programKey);
  if (!program.ok) throw new Error(program.error.message);
  const { id, config } = program.value;
  const matured = await matureDueLots(db, id, now);
  const expired = await expireDueLots(db, id, now);
  const special = await sql<{ customer_id: string }>`
    SELECT m.customer_id FROM kinship_member m
    WHERE m.program_id = ${id} AND (
      (m.debt > 0 AND EXISTS (SELECT 1 FROM kinship_lot l WHERE l.member_id = m.id AND l.status = 'pending' AND l.available_at <= ${now}))
      OR (${config.expiry.kind === "inactivity"} AND m.last_activity_at <= ${new Date(now.getTime() - (config.expiry.kind === "inactivity" ? config.expiry.days : 0) * 86_400_000)}
          AND EXISTS (SELECT 1 FROM kinship_lot l WHERE l.member_id = m.id AND l.status IN ('pending', 'available') AND l.remaining > 0)))
    ORDER BY m.id`.execute(db);
  for (const r of special.rows) {
    const applied = await applyInput(db, programKey, { type: "tick", customerId: r.customer_id }, now);
    if (!applied.ok) throw new Error(applied.error.message);
  }
  const memberships = await membershipsDue(db, programKey, id, now);
  const referrals = { ...(await payDueReferrals(db, program.value, now)), codes: await backfillReferralCodes(db, id, now) };
  const campaigns = await giveClockCampaigns(db, programKey, id, config, now);
  const expiringNotices = await noticeExpiringLots(db, id, config, now);
  const tiers = await evaluateTiers(db, id, config, now);
  const insight = insightDue(await insightComputedAt(db, id), now, config.timezone) ? await refreshInsight(db, id, now) : null;
  const dropped = await db
    .deleteFrom("kinship_held_event")
    .where("program_id", "=", id)
    .where("held_at", "<", new Date(now.getTime() - HELD_EVENT_DAYS * 86_400_000))
    .executeTakeFirst();
  const prunedDeliveries = await pruneDeliveries(db, programKey, now);
  return {
    droppedHeld: Number(dropped.numDeletedRows),
    matured,
    expired,
    perMember: special.rows.length,
    memberships,
    tiers,
    campaigns,
    expiringNotices,
    referrals,
    insight,
    prunedDeliveries,
  };
}

/**
 * Members whose membership has a renewal reminder or a lapse due go through the core one by one
 * (a tick): each message is keyed and remembered on the member, so a re-run sends nothing twice.
 */
async function membershipsDue(db: Db, programKey: string, programId: number, now: Date): Promise<number> {
  const due = await db
    .selectFrom("kinship_member")
    .select("customer_id")
    .where("program_id", "=", programId)
    .where("membership_due_at", "<=", now)
    .orderBy("id")
    .execute();
  for (const r of due) {
    const applied = await applyInput(db, programKey, { type: "tick", customerId: r.customer_id }, now);
    if (!applied.ok) throw new Error(applied.error.message);
  }
  return due.length;
}
