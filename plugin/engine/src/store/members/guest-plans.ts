import type { GuestPlan } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { lockKey } from "../ledger/load-state.ts";

/** Plans guests bought with this (normalised) email and no customer has claimed yet, under a lock on the email. */
export async function unclaimedGuestPlans(trx: Db, programId: number, email: string): Promise<GuestPlan[]> {
  await lockKey(trx, programId, `guest-plan:${email}`);
  const rows = await trx
    .selectFrom("kinship_guest_plan")
    .select(["order_id", "plan", "occurred_at", "line_ids", "email"])
    .where("program_id", "=", programId)
    .where("email", "=", email)
    .where("claimed_at", "is", null)
    .orderBy("occurred_at")
    .orderBy("order_id")
    .execute();
  return rows.map((r) => ({ orderId: r.order_id, plan: r.plan, at: r.occurred_at, lineIds: r.line_ids, email: r.email }));
}
