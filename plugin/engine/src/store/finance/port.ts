import type { Db } from "../db/connect.ts";

/** Finance: the roll-forward, liability, breakage and benefit costs (helper: finance). */
export function financePort(_db: Db) {
  return {};
}

export type FinancePort = ReturnType<typeof financePort>;
