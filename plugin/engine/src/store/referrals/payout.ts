import { sql } from "kysely";
import { firstOrderUndone, PAYABLE, type ReferralReward } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { toOrder } from "../db/rows.ts";
import { num } from "../db/schema.ts";
import { applyIn } from "../ledger/apply.ts";
import type { Program } from "../programs/programs.ts";

interface DueRow {
  id: string;
  order_id: string;
  referrer: string;
  referee: string;
  referee_id: string;
  occurred_at: Date;
  status: string;
}

const payable = sql.join(PAYABLE.map((s) => sql.lit(s)));

/**
 * The engine's clock pays referrals whose first order is past the return window: each in a
 * transaction of its own that locks the referral, checks it is still payable (not refunded,
 * cancelled or preceded by an earlier order), writes the keyed lot `referral:<id>` and marks it PAID.
 */
export async function payDueReferrals(db: Db, program: Program, now: Date, limit = 500): Promise<{ paid: number; voided: number }> {
  const out = { paid: 0, voided: 0 };
  if (!program.config.referrals) return out;
  const due = await sql<{ id: string }>`
    SELECT id FROM kinship_referral WHERE program_id = ${program.id} AND status IN (${payable}) AND payable_at <= ${now}
    ORDER BY payable_at, id LIMIT ${limit}`.execute(db);
  for (const { id } of due.rows) {
    const r = await payReferral(db, program, String(id), now);
    if (r === "PAID") out.paid++;
    if (r === "VOID") out.voided++;
  }
  return out;
}

/** Pays one referral if it is due and payable; answers its status afterwards. */
export async function payReferral(db: Db, program: Program, id: string, now: Date): Promise<string> {
  const reward = program.config.referrals?.referrerReward;
  return db.transaction().execute(async (trx) => {
    const found = await sql<DueRow>`
      SELECT r.id, r.order_id, rr.customer_id AS referrer, ee.customer_id AS referee, r.referee_id, r.occurred_at, r.status
      FROM kinship_referral r JOIN kinship_member rr ON rr.id = r.referrer_id JOIN kinship_member ee ON ee.id = r.referee_id
      WHERE r.id = ${id} AND r.program_id = ${program.id} AND r.payable_at <= ${now}
      FOR UPDATE OF r`.execute(trx);
    const row = found.rows[0];
    if (!row || !(PAYABLE as readonly string[]).includes(row.status) || !reward) return row?.status ?? "UNKNOWN";
    const first = await sql<{ record: unknown }>`
      SELECT record FROM kinship_order WHERE program_id = ${program.id} AND order_id = ${row.order_id}`.execute(trx);
    const earlier = await sql<{ why: string }>`
      SELECT 'the referee had an earlier order: not their first' AS why FROM kinship_order
        WHERE program_id = ${program.id} AND member_id = ${row.referee_id} AND order_id <> ${row.order_id}
          AND (record->>'occurredAt')::timestamptz < ${row.occurred_at}
      LIMIT 1`.execute(trx);
    const record = first.rows[0] ? toOrder(first.rows[0].record) : null;
    const why = record && firstOrderUndone(record) ? "the first order was refunded in full or cancelled" : earlier.rows[0]?.why;
    if (why) {
      await sql`UPDATE kinship_referral SET status = 'VOID', note = ${why}, decided_at = ${now}, decided_by = 'kinship' WHERE id = ${id}`.execute(
        trx,
      );
      return "VOID";
    }
    const input: ReferralReward = {
      type: "referralReward",
      referralId: String(row.id),
      customerId: row.referrer,
      refereeId: row.referee,
      orderId: row.order_id,
      points: reward.points,
      growth: reward.growth,
    };
    const applied = await applyIn(trx, program, input, now);
    // AlreadyApplied: the lot was written by an earlier run that could not mark the row; it is paid.
    if (!applied.ok && applied.error.code !== "AlreadyApplied") throw new Error(`referral ${id}: ${applied.error.message}`);
    await sql`UPDATE kinship_referral SET status = 'PAID', points = ${reward.points}, paid_at = ${now} WHERE id = ${id}`.execute(trx);
    return "PAID";
  });
}

export const referralIdOf = (raw: unknown): string | null => {
  const s = typeof raw === "string" ? raw : null;
  return s && /^[1-9]\d{0,15}$/.test(s) && Number.isSafeInteger(num(s)) ? s : null;
};
