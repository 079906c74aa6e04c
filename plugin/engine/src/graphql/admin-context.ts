import type { Engine } from "../engine.ts";
import type { Program } from "../store/programs/programs.ts";
import { badInput } from "./errors.ts";

/** One program's admin, as the edge authenticated it (session token, Medusa admin, API key). */
export interface AdminContext {
  program: string;
  /** Who acts: recorded on adjustments and config changes. */
  actor: string;
  now: Date;
  /** Told about unexpected failures, which the client only sees as "internal error". */
  onError?: (error: unknown) => void;
}

/** The most ledger lines or audit entries one page returns. */
export const MAX_PAGE = 250;

export interface Admin {
  engine: Engine;
  ctx: AdminContext;
  program: () => Promise<Program>;
}

export interface LedgerArgs {
  first: number;
  after?: string | null;
}

export function pageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput(`first must be 1 to ${MAX_PAGE}, got ${first}`);
  return first;
}

export function instant(value: unknown, name: string): Date {
  const at = typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) throw badInput(`${name} must be an ISO 8601 date-time such as 2026-11-01T00:00:00Z`);
  return at;
}
