import { ok } from "../../core/result.ts";
import type { Db } from "../db/connect.ts";
import { findProgram } from "../programs/programs.ts";
import { type ImportInput, runImport } from "./run.ts";
import { listImports } from "./runs.ts";

/** Moving in: dry run and apply of another app's export, and the imports applied. */
export function importsPort(db: Db) {
  return {
    /** Checks (dry run) or applies a CSV export: one `adjust` entry per member, re-runs change nothing. */
    run: (programKey: string, input: ImportInput, now: Date) => runImport(db, programKey, input, now),
    /** Applied imports, newest first. */
    async list(programKey: string, first = 20) {
      const program = await findProgram(db, programKey);
      if (!program.ok) return program;
      return ok(await listImports(db, program.value.id, first));
    },
  };
}

export type ImportsPort = ReturnType<typeof importsPort>;
