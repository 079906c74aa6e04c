import type { LedgerLine, MemberView } from "../store/members/members.ts";

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null;
  /** Numbers line up on the right. */
  right?: boolean;
}

/** A plain aligned text table; numbers right-aligned, empty values as "-". */
export function table<T>(rows: T[], columns: Column<T>[]): string[] {
  const cells = rows.map((r) => columns.map((c) => cell(c.value(r))));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => (row[i] ?? "").length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i]?.right ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)];
}

function cell(v: string | number | null): string {
  if (v === null || v === "") return "-";
  return String(v);
}

export function personName(m: MemberView): string | null {
  const name = [m.profile.firstName, m.profile.lastName].filter(Boolean).join(" ");
  return name || null;
}

export const MEMBER_COLUMNS: Column<MemberView>[] = [
  { header: "CUSTOMER", value: (m) => m.customerId },
  { header: "NAME", value: personName },
  { header: "TIER", value: (m) => m.tier.name },
  { header: "AVAILABLE", value: (m) => m.points.available, right: true },
  { header: "PENDING", value: (m) => m.points.pending, right: true },
  { header: "DEBT", value: (m) => m.points.debt, right: true },
  { header: "GROWTH", value: (m) => m.growth, right: true },
  { header: "LAST ACTIVITY", value: (m) => day(m.lastActivityAt) },
];

export const LEDGER_COLUMNS: Column<LedgerLine>[] = [
  { header: "WHEN", value: (l) => minute(l.occurredAt) },
  { header: "KIND", value: (l) => l.kind },
  { header: "AVAILABLE", value: (l) => signed(l.available), right: true },
  { header: "PENDING", value: (l) => signed(l.pending), right: true },
  { header: "DEBT", value: (l) => signed(l.debt), right: true },
  { header: "ORDER", value: (l) => l.orderId },
  { header: "REASON", value: (l) => (l.writtenOff ? `${l.reason} (${l.writtenOff} written off)` : l.reason) },
];

/** The readable `member show`: balances, tier, profile, then recent ledger lines. */
export function memberSummary(m: MemberView, ledger: LedgerLine[]): string[] {
  const name = personName(m);
  const lines = [`Member ${m.customerId}${name ? ` (${name})` : ""}`];
  const field = (label: string, value: string) => lines.push(`  ${label.padEnd(14)}${value}`);
  field("Tier", `${m.tier.name} [${m.tier.key}] since ${day(m.tier.since)}`);
  if (m.tier.downgradeDueAt) field("", `downgrade due ${day(m.tier.downgradeDueAt)} unless growth recovers`);
  field("Points", `${m.points.available} available, ${m.points.pending} pending, ${m.points.debt} owed`);
  field("Growth", `${m.growth} in the qualification window (${m.lifetimeGrowth} lifetime)`);
  field("Next tier", m.nextTier ? `${m.nextTier.name} in ${m.nextTier.remaining} growth` : "top tier reached");
  if (m.profile.email) field("Email", m.profile.email);
  if (m.profile.birthday) field("Birthday", m.profile.birthday);
  if (m.profile.tags.length) field("Tags", m.profile.tags.join(", "));
  field("Last activity", m.lastActivityAt ? minute(m.lastActivityAt) : "never");
  lines.push("");
  if (ledger.length === 0) lines.push("No ledger entries yet.");
  else lines.push(`Ledger (latest ${ledger.length}, newest first):`, ...table(ledger, LEDGER_COLUMNS).map((l) => `  ${l}`));
  return lines;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n === 0 ? "" : String(n);
}

function day(iso: string | null): string | null {
  return iso ? iso.slice(0, 10) : null;
}

function minute(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")}Z`;
}
