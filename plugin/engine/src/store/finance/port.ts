import { bind } from "../db/bind.ts";
import type { Db } from "../db/connect.ts";
import { financeReport } from "./report.ts";

/** Finance: the month's roll-forward reconciled to the ledger, liability less breakage, benefit costs. */
export function financePort(db: Db) {
  return { report: bind(db, financeReport) };
}

export type FinancePort = ReturnType<typeof financePort>;
