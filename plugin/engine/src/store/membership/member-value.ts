import { type MembershipValue, type MembershipView, membershipValue } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import type { Program } from "../programs/programs.ts";
import { periodValue } from "./value.ts";

/** A member's value realised in their membership's current period, up to `now`. */
export async function memberValue(db: Db, program: Program, customerId: string, view: MembershipView, now: Date): Promise<MembershipValue> {
  const row = await db
    .selectFrom("kinship_member")
    .select("id")
    .where("program_id", "=", program.id)
    .where("customer_id", "=", customerId)
    .executeTakeFirst();
  const fee = view.plan.price;
  if (!row) return membershipValue({ memberPrices: 0, freeShipping: 0, rewards: 0, perks: 0 }, fee);
  const to = now < view.benefitsUntil ? now : view.benefitsUntil;
  return periodValue(db, program.config, { memberId: num(row.id), from: view.periodStart, to, freeShipping: view.plan.freeShipping }, fee);
}
