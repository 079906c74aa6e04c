import { createHash } from "node:crypto";
import { sql } from "kysely";
import { type EngineError, err, ok, type Result } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import { findProgram, type Program } from "../programs/programs.ts";
import { type MemberExportExtras, memberExportExtras } from "./export-extras.ts";
import { ledgerPage } from "./ledger-page.ts";
import { type LedgerLine, type MemberView, memberIn } from "./members.ts";

export interface MemberExport extends MemberExportExtras {
  program: string;
  member: MemberView;
  ledger: LedgerLine[];
  orders: string[];
  /** Partner perk codes the member claimed. */
  perks: { partner: string; code: string; claimedAt: string }[];
  exportedAt: string;
}

/** GDPR data request: everything Kinship holds on one member, kept for the merchant to send. */
export async function exportMember(
  db: Db,
  programKey: string,
  customerId: string,
  requestRef: string | null,
  now: Date,
): Promise<Result<MemberExport, EngineError>> {
  const program = await findProgram(db, programKey);
  if (!program.ok) return program;
  const data = await collectMemberExport(db, program.value, customerId, now);
  if (!data.ok) return data;
  await saveMemberExport(db, program.value.id, customerId, requestRef, data.value, now);
  return data;
}

/** Everything Kinship holds on one member, read (nothing written). */
export async function collectMemberExport(
  db: Db,
  program: Program,
  customerId: string,
  now: Date,
): Promise<Result<MemberExport, EngineError>> {
  const member = await memberIn(db, program, customerId, now);
  if (!member.ok) return member;
  const ledger = await ledgerPage(db, program.id, customerId, { first: 100_000, beforeId: null });
  const orders = await db
    .selectFrom("kinship_order")
    .innerJoin("kinship_member", "kinship_member.id", "kinship_order.member_id")
    .select("kinship_order.order_id")
    .where("kinship_order.program_id", "=", program.id)
    .where("kinship_member.customer_id", "=", customerId)
    .orderBy("kinship_order.order_id")
    .execute();
  const perks = await db
    .selectFrom("kinship_perk_code")
    .innerJoin("kinship_member", "kinship_member.id", "kinship_perk_code.member_id")
    .select(["kinship_perk_code.partner_key", "kinship_perk_code.code", "kinship_perk_code.claimed_at"])
    .where("kinship_member.program_id", "=", program.id)
    .where("kinship_member.customer_id", "=", customerId)
    .orderBy("kinship_perk_code.claimed_at")
    .execute();
  return ok({
    program: program.key,
    member: member.value,
    ledger: ledger.lines,
    orders: orders.map((o) => o.order_id),
    perks: perks.map((p) => ({ partner: p.partner_key, code: p.code, claimedAt: (p.claimed_at as Date).toISOString() })),
    ...(await memberExportExtras(db, program, customerId)),
    exportedAt: now.toISOString(),
  });
}

/** Keeps an export for the merchant to read and download; answers its id. */
export async function saveMemberExport(
  db: Db,
  programId: number,
  customerId: string,
  requestRef: string | null,
  data: MemberExport,
  now: Date,
): Promise<string> {
  const row = await db
    .insertInto("kinship_data_export")
    .values({ program_id: programId, customer_id: customerId, request_ref: requestRef, export: JSON.stringify(data), created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** The audit action of an export the owner made (its request key makes a retry answer the first). */
export const EXPORT_ACTION = "member.export";

/**
 * GDPR erasure: the member's profile is emptied and their platform id replaced by an opaque
 * one, so the ledger and its totals (finance needs them) stay but point at no person.
 */
export async function redactMember(
  db: Db,
  programKey: string,
  customerId: string,
  now: Date,
): Promise<Result<{ redactedId: string }, EngineError>> {
  const program = await findProgram(db, programKey);
  if (!program.ok) return program;
  const programId = program.value.id;
  const redactedId = `redacted:${createHash("sha256").update(`${programId}:${customerId}:${now.toISOString()}`).digest("hex").slice(0, 24)}`;
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("kinship_member")
      .set({ customer_id: redactedId, profile: JSON.stringify({}), profile_updated_at: null, updated_at: now })
      .where("program_id", "=", programId)
      .where("customer_id", "=", customerId)
      .executeTakeFirst();
    if (num(updated.numUpdatedRows) === 0)
      return err({ code: "UnknownMember", message: `no member ${customerId} in ${programKey}`, customerId });
    await trx.deleteFrom("kinship_data_export").where("program_id", "=", programId).where("customer_id", "=", customerId).execute();
    // The audit of the owner's exports named the person; it keeps that an export was made, not of whom.
    await sql`UPDATE kinship_audit SET subject = ${redactedId}, after = after || jsonb_build_object('customerId', ${redactedId}::text)
      WHERE program_id = ${programId} AND action = ${EXPORT_ACTION} AND subject = ${customerId}`.execute(trx);
    // The browsers a member was seen on (referral fraud checks) are personal data with no ledger value.
    await sql`DELETE FROM kinship_referral_session WHERE member_id IN
      (SELECT id FROM kinship_member WHERE program_id = ${programId} AND customer_id = ${redactedId})`.execute(trx);
    // Events not yet sent out name the person: none is sent after the erasure, and the log forgets them.
    await sql`DELETE FROM kinship_event_delivery WHERE program_id = ${programId} AND customer_id = ${customerId}`.execute(trx);
    await trx
      .insertInto("kinship_audit")
      .values({
        program_id: programId,
        actor: "compliance",
        action: "member.redact",
        subject: redactedId,
        before: null,
        after: null,
        at: now,
      })
      .execute();
    return ok({ redactedId });
  });
}

/**
 * shop/redact: the program and everything in it is deleted. Rows that reference their member or
 * program go by cascade; consumption rows reference nothing, so they are deleted with their
 * entries' program first, once the program row is locked: every writer of consumption rows
 * share-locks that row before writing them, so none is in flight and none can start.
 */
export async function deleteProgram(db: Db, programKey: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom("kinship_inbox").where("program_key", "=", programKey).execute();
    const program = await trx.selectFrom("kinship_program").select("id").where("key", "=", programKey).forUpdate().executeTakeFirst();
    if (!program) return false;
    const id = num(program.id);
    await sql`DELETE FROM kinship_consumption c USING kinship_entry e WHERE c.entry_id = e.id AND e.program_id = ${id}`.execute(trx);
    const r = await trx.deleteFrom("kinship_program").where("id", "=", id).executeTakeFirst();
    return num(r.numDeletedRows) > 0;
  });
}
