import type { LedgerLine } from "./types.ts";

const MINUS = "\u2212";

export function formatNumber(n: number): string {
  return new Intl.NumberFormat().format(n);
}

/** +250 / −50 / 0, with the typographic minus. */
export function formatSigned(n: number): string {
  if (n > 0) return `+${formatNumber(n)}`;
  if (n < 0) return `${MINUS}${formatNumber(-n)}`;
  return "0";
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

const kindLabels: Record<string, string> = {
  earn: "Earned",
  adjust: "Adjustment",
  spend: "Spent",
  unspend: "Spend returned",
  expire: "Expired",
  mature: "Became available",
  reverse: "Reversed",
  writeoff: "Written off",
  debt: "Debt",
  settle: "Debt repaid",
};

export function ledgerKindLabel(kind: string): string {
  return kindLabels[kind] ?? kind;
}

/** What a ledger line did to the balances: "+250", "+120 pending", "+120 (−120 pending)". */
export function ledgerPoints(line: Pick<LedgerLine, "available" | "pending">): string {
  if (line.pending === 0) return formatSigned(line.available);
  if (line.available === 0) return `${formatSigned(line.pending)} pending`;
  return `${formatSigned(line.available)} (${formatSigned(line.pending)} pending)`;
}
