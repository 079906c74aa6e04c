import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { isRetryable } from "./client.ts";
import { financeReportQuery } from "./finance-operations.ts";
import type { KinshipAdminFinanceReportQuery } from "./generated/graphql.ts";
import { kinshipAdminKeys, useKinshipAdminClient } from "./hooks.ts";
import { longToDecimal, toChartNumber } from "./long.ts";

export type FinanceReport = KinshipAdminFinanceReportQuery["financeReport"];
export type RollForward = FinanceReport["total"];
export type Liability = FinanceReport["liability"][number];
export type Breakage = FinanceReport["breakage"];
export type BenefitCost = FinanceReport["benefitCosts"][number];

const retry = (failures: number, error: unknown) => isRetryable(error) && failures < 2;

/** The month's finance report (month "2026-06", the program's time zone); the last month stays on screen while the next loads. */
export function useFinanceReport(month: string) {
  const client = useKinshipAdminClient();
  return useQuery({
    queryKey: [...kinshipAdminKeys.all(client), "finance", month],
    queryFn: ({ signal }): Promise<FinanceReport> => client.request(financeReportQuery, { month }, signal).then((d) => d.financeReport),
    placeholderData: keepPreviousData,
    retry,
  });
}

/** The roll-forward's point movements, in the order a reader follows them from opening to closing. */
export const ROLL_FORWARD_COLUMNS = [
  { key: "opening", label: "Opening" },
  { key: "issued", label: "Issued" },
  { key: "redeemed", label: "Redeemed" },
  { key: "expired", label: "Expired" },
  { key: "reversed", label: "Reversed" },
  { key: "adjusted", label: "Adjusted" },
  { key: "other", label: "Other" },
  { key: "closing", label: "Closing" },
] as const;

export type RollForwardKey = (typeof ROLL_FORWARD_COLUMNS)[number]["key"];

/** Points issued, redeemed and expired per day, for the chart (numbers: a chart's scale never needs 2^53). */
export function dailyMovements(report: Pick<FinanceReport, "days">): { day: string; issued: number; redeemed: number; expired: number }[] {
  return report.days.map((d) => ({
    day: d.period,
    issued: toChartNumber(d.issued),
    redeemed: toChartNumber(d.redeemed),
    expired: toChartNumber(d.expired),
  }));
}

/** The breakage rate as a percentage: 0.125 → "12.5%". */
export function breakageRate(breakage: Breakage, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(breakage.rate);
}

/** Quoted when it holds a separator; a text starting like a formula gets a leading ' (spreadsheets would run it). */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The roll-forward as CSV: a row per day, then the month's total; points, then the same figures in
 * money (decimal, the program currency), then whether the row closed on the ledger's own sum.
 * Exact: Longs are copied as the engine sent them.
 */
export function rollForwardCsv(report: Pick<FinanceReport, "days" | "total" | "currency">): string {
  const header = [
    "period",
    ...ROLL_FORWARD_COLUMNS.map((c) => `${c.key}_points`),
    ...ROLL_FORWARD_COLUMNS.map((c) => `${c.key}_${report.currency.toLowerCase()}`),
    "reconciled",
  ];
  const row = (r: RollForward, period: string) => [
    period,
    ...ROLL_FORWARD_COLUMNS.map((c) => String(r[c.key])),
    ...ROLL_FORWARD_COLUMNS.map((c) => longToDecimal(r.money[c.key], r.money.currency)),
    r.reconciled ? "yes" : "no",
  ];
  const rows = [header, ...report.days.map((d) => row(d, d.period)), row(report.total, `${report.total.period} total`)];
  return `${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** The CSV's file name: kinship-roll-forward-2026-06.csv. */
export function rollForwardFileName(month: string): string {
  return `kinship-roll-forward-${month}.csv`;
}

/** Hands `text` to the browser as a file download (a Blob URL on a temporary link). */
export function downloadText(fileName: string, text: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** What a benefit-cost row's kind reads as. */
export function benefitKindLabel(kind: string): string {
  return { memberPrice: "Member price", reward: "Reward", partner: "Partner perk" }[kind] ?? kind;
}
