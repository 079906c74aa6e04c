import { sql } from "kysely";
import { type EngineError, err, ok, type ReferralStatus, type Result, review } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import type { Program } from "../programs/programs.ts";
import { payReferral } from "./payout.ts";
import { findReferral, type ReferralView } from "./referrals.ts";

export interface ReviewInput {
  id: string;
  approve: boolean;
  note: string | null;
  actor: string;
}

/**
 * The owner's decision on a referral, audited: approve (paid at once when its order is already past
 * the return window) or reject. The same decision again answers the referral as it is; the
 * opposite decision on a decided referral is ReferralDecided and changes nothing.
 */
export async function reviewReferral(db: Db, program: Program, input: ReviewInput, now: Date): Promise<Result<ReferralView, EngineError>> {
  const unknown = (): Result<never, EngineError> => err({ code: "UnknownReferral", message: `no referral ${input.id}`, id: input.id });
  if (!/^[1-9]\d{0,15}$/.test(input.id)) return unknown();
  const decided = await db.transaction().execute(async (trx) => {
    const found = await sql<{ status: ReferralStatus; payable_at: Date }>`
      SELECT status, payable_at FROM kinship_referral WHERE program_id = ${program.id} AND id = ${input.id} FOR UPDATE`.execute(trx);
    const row = found.rows[0];
    if (!row) return unknown();
    const next = review(row.status, input.approve);
    if (next === "same") return ok({ pay: false });
    if (next === "refused")
      return err({
        code: "ReferralDecided",
        message: `referral ${input.id} is ${row.status}: it cannot be ${input.approve ? "approved" : "rejected"}`,
        id: input.id,
        status: row.status,
      } as const);
    await sql`UPDATE kinship_referral SET status = ${next.to}, decided_at = ${now}, decided_by = ${input.actor}, note = ${input.note}
      WHERE id = ${input.id}`.execute(trx);
    await trx
      .insertInto("kinship_audit")
      .values({
        program_id: program.id,
        actor: input.actor,
        action: input.approve ? "referral.approve" : "referral.reject",
        subject: input.id,
        before: JSON.stringify({ status: row.status }),
        after: JSON.stringify({ status: next.to, note: input.note }),
        at: now,
      })
      .execute();
    return ok({ pay: next.to === "APPROVED" && new Date(row.payable_at) <= now });
  });
  if (!decided.ok) return decided;
  if (decided.value.pay) await payReferral(db, program, input.id, now);
  const view = await findReferral(db, program.id, input.id);
  return view ? ok(view) : unknown();
}
