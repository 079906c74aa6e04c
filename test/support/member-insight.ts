import type { Db } from "@kinship/engine";

/**
 * Sets a member's row of kinship_member_insight as the insight pass would (until that pass runs
 * in these tests): `changed_at` moves only when the segment changes.
 */
export async function setInsight(
  db: Db,
  program: string,
  customerId: string,
  segment: string,
  at: Date,
  rfm: { r: number; f: number; m: number } | null = { r: 3, f: 3, m: 3 },
): Promise<void> {
  const member = await db
    .selectFrom("kinship_member")
    .innerJoin("kinship_program", "kinship_program.id", "kinship_member.program_id")
    .select(["kinship_member.id", "kinship_member.program_id"])
    .where("kinship_program.key", "=", program)
    .where("kinship_member.customer_id", "=", customerId)
    .executeTakeFirst();
  if (!member) throw new Error(`setInsight: no member ${customerId} in ${program}`);
  const memberId = Number(member.id);
  const before = await db
    .selectFrom("kinship_member_insight")
    .select(["segment", "changed_at"])
    .where("member_id", "=", memberId)
    .executeTakeFirst();
  const row = {
    recency: rfm?.r ?? null,
    frequency: rfm?.f ?? null,
    monetary: rfm?.m ?? null,
    segment,
    computed_at: at,
    changed_at: before && before.segment === segment ? before.changed_at : at,
  };
  if (before) await db.updateTable("kinship_member_insight").set(row).where("member_id", "=", memberId).execute();
  else
    await db
      .insertInto("kinship_member_insight")
      .values({ member_id: memberId, program_id: Number(member.program_id), orders: 0, lifetime_value: 0, ...row })
      .execute();
}
