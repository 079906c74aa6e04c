import type { Db } from "../db/connect.ts";

/** Moving in: dry run and apply of another app's export (helper: importers). */
export function importsPort(_db: Db) {
  return {};
}

export type ImportsPort = ReturnType<typeof importsPort>;
