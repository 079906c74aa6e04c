import type { Db } from "../db/connect.ts";

export interface AuditEntry {
  actor: string;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
  at: string;
}

/** A program's audit log, newest first. */
export async function auditLog(db: Db, programId: number, first: number): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom("kinship_audit")
    .select(["actor", "action", "subject", "before", "after", "at"])
    .where("program_id", "=", programId)
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(first)
    .execute();
  return rows.map((r) => ({
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    before: r.before,
    after: r.after,
    at: r.at.toISOString(),
  }));
}
