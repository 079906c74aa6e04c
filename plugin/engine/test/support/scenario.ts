import { afterAll, beforeAll } from "vitest";
import type { Engine, ProgramConfigInput } from "../../src/index.ts";
import { openTestEngine } from "./backends.ts";
import { type Ledger, type LedgerKind, memoryLedger, storeLedger } from "./ledger.ts";

export const ledgerKinds: LedgerKind[] = ["memory", "pglite", "postgres"];

/**
 * Inside a describe.each(ledgerKinds) block: opens the engine for the kind once, and returns a
 * function that makes a fresh program (its own tenant) for each test.
 */
export function ledgers(kind: LedgerKind): (config: ProgramConfigInput) => Promise<Ledger> {
  let engine: Engine | null = null;
  beforeAll(async () => {
    if (kind !== "memory") engine = await openTestEngine(kind);
  });
  afterAll(async () => {
    await engine?.close();
  });
  return async (config) => {
    if (kind === "memory") return memoryLedger(config);
    if (!engine) throw new Error("engine not open");
    return storeLedger(engine, kind, config);
  };
}
