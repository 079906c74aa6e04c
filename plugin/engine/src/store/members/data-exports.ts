import { type EngineError, err, ok, type Result } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { isUniqueViolation } from "../ledger/apply.ts";
import type { Program } from "../programs/programs.ts";
import { collectMemberExport, EXPORT_ACTION, type MemberExport, saveMemberExport } from "./compliance.ts";

export interface DataExportSummary {
  id: string;
  customerId: string;
  /** The platform's request id (Shopify's data_request), or null for one the owner made. */
  requestRef: string | null;
  createdAt: string;
}

export interface DataExport extends DataExportSummary {
  data: MemberExport;
}

export interface ExportRequest {
  customerId: string;
  /** The request's idempotency key: the same key for the same customer answers the first export. */
  key: string;
  actor: string;
}

/** What the audit row of an owner's export keeps: whom it was for and which export it made. */
interface ExportAudit {
  customerId: string;
  exportId: string;
}

/** The program's exports, newest first; with customerId, that customer's only. */
export async function listDataExports(
  db: Db,
  programId: number,
  filter: { customerId: string | null; first: number },
): Promise<DataExportSummary[]> {
  let query = db
    .selectFrom("kinship_data_export")
    .select(["id", "customer_id", "request_ref", "created_at"])
    .where("program_id", "=", programId);
  if (filter.customerId !== null) query = query.where("customer_id", "=", filter.customerId);
  const rows = await query.orderBy("id", "desc").limit(filter.first).execute();
  return rows.map(summaryOf);
}

export async function findDataExport(db: Db, programId: number, id: string): Promise<DataExport | null> {
  if (!/^[1-9]\d{0,17}$/.test(id)) return null;
  const row = await db
    .selectFrom("kinship_data_export")
    .selectAll()
    .where("program_id", "=", programId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? { ...summaryOf(row), data: row.export as MemberExport } : null;
}

/**
 * The owner's export of a member's data now, audited with the request's key in one transaction. A
 * key seen before answers its first export if it was for the same customer, else IdempotencyKeyReused.
 */
export async function requestDataExport(
  db: Db,
  program: Program,
  request: ExportRequest,
  now: Date,
): Promise<Result<{ export: DataExport; created: boolean }, EngineError>> {
  const earlier = await answerRetry(db, program.id, request);
  if (earlier) return earlier;
  try {
    return await db.transaction().execute(async (trx) => {
      const data = await collectMemberExport(trx, program, request.customerId, now);
      if (!data.ok) return data;
      const id = await saveMemberExport(trx, program.id, request.customerId, null, data.value, now);
      const audit: ExportAudit = { customerId: request.customerId, exportId: id };
      await trx
        .insertInto("kinship_audit")
        .values({
          program_id: program.id,
          actor: request.actor,
          action: EXPORT_ACTION,
          subject: request.customerId,
          before: null,
          after: JSON.stringify(audit),
          at: now,
          request_key: request.key,
        })
        .execute();
      const made: DataExport = { id, customerId: request.customerId, requestRef: null, createdAt: now.toISOString(), data: data.value };
      return ok({ export: made, created: true });
    });
  } catch (e) {
    // The same key at once twice: the audit's unique key let one through; the other answers as its retry.
    if (!isUniqueViolation(e)) throw e;
    const first = await answerRetry(db, program.id, request);
    if (first) return first;
    throw e;
  }
}

async function answerRetry(
  db: Db,
  programId: number,
  request: ExportRequest,
): Promise<Result<{ export: DataExport; created: boolean }, EngineError> | null> {
  const row = await db
    .selectFrom("kinship_audit")
    .select("after")
    .where("program_id", "=", programId)
    .where("action", "=", EXPORT_ACTION)
    .where("request_key", "=", request.key)
    .executeTakeFirst();
  if (!row) return null;
  const first = row.after as ExportAudit | null;
  if (first?.customerId !== request.customerId)
    return err({
      code: "IdempotencyKeyReused",
      message: `idempotencyKey ${request.key} was already used for another customer's export`,
      key: request.key,
    });
  const made = await findDataExport(db, programId, first.exportId);
  // Only an erasure deletes an export; the erasure also renames the audit's customer, so this is a race with it.
  if (!made) return err({ code: "UnknownMember", message: `no member ${request.customerId}`, customerId: request.customerId });
  return ok({ export: made, created: false });
}

function summaryOf(row: {
  id: string | number | bigint;
  customer_id: string;
  request_ref: string | null;
  created_at: Date;
}): DataExportSummary {
  return {
    id: String(row.id),
    customerId: row.customer_id,
    requestRef: row.request_ref,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
