import type { ImportSource } from "../../core/import/columns.ts";
import { parseImport, pointsOf } from "../../core/import/parse.ts";
import type { ImportRowError } from "../../core/import/rows.ts";
import { type EngineError, err, ok, type Result } from "../../core/result.ts";
import type { Db } from "../db/connect.ts";
import { findProgram } from "../programs/programs.ts";
import { applyBatch, type BatchApplied } from "./apply.ts";
import { recordPart, sourceOfKey } from "./runs.ts";
import { survey } from "./survey.ts";

export interface ImportInput {
  source: ImportSource;
  /** The CSV text: a header line, then rows (or one part of a larger file, header included). */
  csv: string;
  /** The file line of this text's first row, so errors name the file's lines (default 2). */
  firstLine?: number;
  dryRun: boolean;
  fileName?: string | null;
  actor: string;
  /** Shared by every part of one file; the same key with another source is refused. */
  key: string;
  /** Members per transaction (default 5000). */
  batchSize?: number;
  /** Transactions at once (default 2). */
  parallel?: number;
  /** Told after each batch: members done of the members to apply. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportReport {
  source: ImportSource;
  dryRun: boolean;
  rows: number;
  members: number;
  newMembers: number;
  points: number;
  tiersSet: number;
  referralCodes: number;
  alreadyImported: number;
  errors: ImportRowError[];
  applied: boolean;
}

const KEY = /^.{1,200}$/s;

/**
 * Checks the whole file first (rows, then against the database); with any bad row, or in a dry
 * run, nothing is written and the report says what would change. Else it applies in batches (one
 * transaction each, see applyBatch): a run stopped half-way is finished by running it again.
 */
export async function runImport(db: Db, programKey: string, input: ImportInput, now: Date): Promise<Result<ImportReport, EngineError>> {
  if (!KEY.test(input.key))
    return err({ code: "InvalidEvent", message: "the idempotency key must be 1 to 200 characters", issues: ["key"] });
  const firstLine = input.firstLine ?? 2;
  if (!Number.isInteger(firstLine) || firstLine < 2)
    return err({ code: "InvalidEvent", message: `firstLine must be a whole number ≥ 2, got ${firstLine}`, issues: ["firstLine"] });
  const found = await findProgram(db, programKey);
  if (!found.ok) return found;
  const program = found.value;
  const usedBy = await sourceOfKey(db, program.id, input.key);
  if (usedBy !== null && usedBy !== input.source)
    return err({ code: "IdempotencyKeyReused", message: `idempotency key ${input.key} was used for a ${usedBy} import`, key: input.key });

  const parsed = parseImport(input.source, input.csv, { config: program.config, now, firstLine });
  const surveyed = await survey(db, program.id, program.config, input.source, parsed.members);
  const errors = [...parsed.errors, ...surveyed.errors].sort((a, b) => a.line - b.line);
  const planned = surveyed.planned;
  const report: ImportReport = {
    source: input.source,
    dryRun: input.dryRun,
    rows: parsed.rows,
    members: planned.length,
    newMembers: planned.filter((p) => p.isNew).length,
    points: pointsOf(planned.map((p) => p.member)),
    tiersSet: planned.filter((p) => p.holdTier !== null).length,
    referralCodes: planned.filter((p) => p.code !== null).length,
    alreadyImported: surveyed.alreadyImported,
    errors,
    applied: false,
  };
  if (input.dryRun || errors.length > 0) return ok(report);

  const size = input.batchSize ?? 5000;
  const total: BatchApplied = { members: 0, newMembers: 0, points: 0, tiersSet: 0, referralCodes: 0 };
  const context = { programId: program.id, config: program.config, source: input.source, actor: input.actor, now };
  // Batches touch disjoint members (and codes unique in the file), so two transactions may run at once.
  const starts = Array.from({ length: Math.ceil(planned.length / size) }, (_, n) => n * size);
  let done = 0;
  const worker = async () => {
    for (let start = starts.shift(); start !== undefined; start = starts.shift()) {
      const batch = planned.slice(start, start + size);
      const applied = await db.transaction().execute((trx) => applyBatch(trx, batch, context));
      for (const k of Object.keys(total) as (keyof BatchApplied)[]) total[k] += applied[k];
      done += batch.length;
      input.onProgress?.(done, planned.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, input.parallel ?? 2) }, worker));
  await recordPart(db, {
    ...total,
    programId: program.id,
    key: input.key,
    source: input.source,
    fileName: input.fileName ?? null,
    actor: input.actor,
    firstLine,
    rows: parsed.rows,
    now,
  });
  return ok({ ...report, ...total, alreadyImported: report.alreadyImported + (planned.length - total.members), applied: true });
}
