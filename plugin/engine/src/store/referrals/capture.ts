import { sql } from "kysely";
import {
  type ContactPrints,
  contactPrints,
  type Decision,
  firstOrderUndone,
  initialStatus,
  type OrderPaidEvent,
  type Referrals,
  referralSignals,
  type Session,
  type Signal,
  VOIDABLE,
} from "../../core/index.ts";
import { addDays } from "../../core/time.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import type { Program } from "../programs/programs.ts";
import { memberOfCode } from "./codes.ts";

/** Why an order's referral code made no referral: recorded in the audit log, where the owner sees it. */
export type Refusal = "unknown_code" | "not_first_order" | "guest_order";

const REFUSED: Record<Refusal, string> = {
  unknown_code: "no member has this referral code",
  not_first_order: "the customer had a paid order before: only a first order is referred",
  guest_order: "a guest's order: no customer to refer",
};

/**
 * The referral an order's code makes, in the order's transaction once its decision is written:
 * exactly once because the order's key was claimed. Answers the notes for the apply's answer.
 */
export async function captureReferral(trx: Db, program: Program, e: OrderPaidEvent, d: Decision, now: Date): Promise<string[]> {
  const config = program.config.referrals;
  const ref = e.referral;
  if (!ref) return [];
  if (!config?.enabled) return ["referral code ignored: the program has no referral program"];
  if (e.customerId === null) return [await refuse(trx, program.id, e, "guest_order", now)];
  const referee = await sql<{ id: string }>`
    SELECT id FROM kinship_member WHERE program_id = ${program.id} AND customer_id = ${e.customerId}`.execute(trx);
  const refereeId = referee.rows[0] ? num(referee.rows[0].id) : null;
  if (refereeId === null) return [];
  const referrer = await memberOfCode(trx, program.id, ref.code, now);
  if (!referrer) return [await refuse(trx, program.id, e, "unknown_code", now)];
  const earlier = await sql<{ one: number }>`
    SELECT 1 AS one FROM kinship_order WHERE program_id = ${program.id} AND member_id = ${refereeId} AND order_id <> ${e.orderId}
      AND (record->>'occurredAt')::timestamptz < ${e.occurredAt}
    UNION ALL SELECT 1 FROM kinship_referral WHERE program_id = ${program.id} AND referee_id = ${refereeId}
    LIMIT 1`.execute(trx);
  if (earlier.rows.length > 0) return [await refuse(trx, program.id, e, "not_first_order", now)];

  const signals = referralSignals(await factsOf(trx, program, e, d, referrer, config), config, program.config.timezone);
  const order = d.orders.find((o) => o.orderId === e.orderId);
  const undone = order !== undefined && firstOrderUndone(order);
  const status = undone ? "VOID" : initialStatus(signals);
  const note = undone
    ? "the first order was refunded in full or cancelled"
    : status === "REJECTED"
      ? "the member's own referral code: no reward"
      : null;
  const inserted = await sql<{ id: string }>`
    INSERT INTO kinship_referral (program_id, order_id, code, referrer_id, referee_id, status, signals, occurred_at, created_at, payable_at,
      decided_at, decided_by, note)
    VALUES (${program.id}, ${e.orderId}, ${ref.code}, ${referrer.memberId}, ${refereeId}, ${status}, ${JSON.stringify(signals)}::jsonb,
      ${e.occurredAt}, ${now}, ${addDays(e.occurredAt, program.config.pendingDays)}, ${note ? now : null}, ${note ? "kinship" : null}, ${note})
    ON CONFLICT DO NOTHING RETURNING id`.execute(trx);
  const id = inserted.rows[0]?.id;
  if (id === undefined) return ["referral already recorded for this customer"];
  if (status === "FLAGGED")
    await sql`INSERT INTO kinship_outbox (program_id, key, topic, payload, created_at)
      VALUES (${program.id}, ${`referral.flagged:${id}`}, 'referral.flagged', ${JSON.stringify({
        customerId: referrer.customerId,
        referralId: String(id),
        refereeId: e.customerId,
        orderId: e.orderId,
        signals: signals.map((s: Signal) => s.name),
      })}::jsonb, ${now})
      ON CONFLICT (program_id, key) DO NOTHING`.execute(trx);
  return [`referral ${id} ${status}${signals.length ? ` (${signals.map((s) => s.name).join(", ")})` : ""}`];
}

async function factsOf(
  trx: Db,
  program: Program,
  e: OrderPaidEvent,
  d: Decision,
  referrer: { memberId: number; customerId: string; profile: { email?: string | null; phone?: string | null } },
  config: Referrals,
) {
  const theirs = await sql<{ contact: ContactPrints }>`
    SELECT record->'contact' AS contact FROM kinship_order
    WHERE program_id = ${program.id} AND member_id = ${referrer.memberId} AND record->'contact' IS NOT NULL
    ORDER BY (record->>'occurredAt')::timestamptz DESC LIMIT 100`.execute(trx);
  const sessions = await sql<{ kind: "ip" | "device"; value: string; seen_at: Date }>`
    SELECT kind, value, seen_at FROM kinship_referral_session
    WHERE member_id = ${referrer.memberId} AND seen_at >= ${addDays(e.occurredAt, -config.sessionDays)}`.execute(trx);
  const prior = await sql<{ occurred_at: Date }>`
    SELECT occurred_at FROM kinship_referral
    WHERE referrer_id = ${referrer.memberId} AND status IN ('PENDING', 'FLAGGED', 'APPROVED', 'PAID') AND order_id <> ${e.orderId}`.execute(
    trx,
  );
  const profile = d.member?.profile;
  return {
    referrerCustomerId: referrer.customerId,
    refereeCustomerId: e.customerId ?? "",
    referee: [contactPrints(e.contact ?? {}), contactPrints({ email: profile?.email ?? null, phone: profile?.phone ?? null })],
    referrer: [
      contactPrints({ email: referrer.profile.email ?? null, phone: referrer.profile.phone ?? null }),
      ...theirs.rows.map((r) => r.contact),
    ],
    ip: e.referral?.ip ?? null,
    deviceId: e.referral?.deviceId ?? null,
    referrerSessions: sessions.rows.map((s): Session => ({ kind: s.kind, value: s.value, seenAt: new Date(s.seen_at) })),
    priorReferrals: prior.rows.map((r) => new Date(r.occurred_at)),
    at: e.occurredAt,
  };
}

async function refuse(trx: Db, programId: number, e: OrderPaidEvent, reason: Refusal, now: Date): Promise<string> {
  await trx
    .insertInto("kinship_audit")
    .values({
      program_id: programId,
      actor: "kinship",
      action: "referral.refused",
      subject: e.orderId,
      before: null,
      after: JSON.stringify({ reason, detail: REFUSED[reason], code: e.referral?.code ?? null, customerId: e.customerId }),
      at: now,
    })
    .execute();
  return `no referral: ${REFUSED[reason]}`;
}

/** A cancellation or full refund of a referred first order: the referral pays nothing (unless it was paid already). */
export async function voidReferralOf(trx: Db, programId: number, orderId: string, now: Date): Promise<boolean> {
  const r =
    await sql`UPDATE kinship_referral SET status = 'VOID', note = 'the first order was refunded in full or cancelled', decided_at = ${now},
      decided_by = 'kinship'
    WHERE program_id = ${programId} AND order_id = ${orderId}
      AND status IN (${sql.join(VOIDABLE.map((s) => sql.lit(s)))})`.execute(trx);
  return Number(r.numAffectedRows ?? 0) > 0;
}
