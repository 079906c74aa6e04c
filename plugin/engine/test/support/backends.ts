import { inject } from "vitest";
import { openEngineOwningDb } from "../../../../test/support/engine-db.ts";
import type { Engine } from "../../src/index.ts";

export type BackendName = "postgres" | "pglite";
export const backends: BackendName[] = ["postgres", "pglite"];

/** The real Postgres of this run (fresh database) or an in-memory PGlite, migrated. */
export async function openTestEngine(backend: BackendName, max = 10): Promise<Engine> {
  if (backend === "postgres") return openEngineOwningDb({ databaseUrl: inject("databaseUrl"), max });
  return openEngineOwningDb({});
}

let counter = 0;
/** Programs isolate tests sharing one database. */
export function uniqueProgramKey(prefix = "test"): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}.myshopify.com`;
}
