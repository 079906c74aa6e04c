import { sql as ledger } from "./0001_ledger.ts";
import { sql as intake } from "./0002_intake.ts";

export interface Migration {
  id: string;
  sql: string;
}

/** Ordered; never edit a released one, add the next. Hosts (e.g. Medusa) may apply these themselves. */
export const migrations: readonly Migration[] = [
  { id: "0001_ledger", sql: ledger },
  { id: "0002_intake", sql: intake },
];
