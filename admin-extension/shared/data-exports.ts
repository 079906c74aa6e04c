import type { KinshipAdminDataExportQuery, KinshipAdminDataExportsQuery } from "./generated/graphql.ts";

export type DataExportSummary = KinshipAdminDataExportsQuery["dataExports"][number];

/** An export as the engine keeps it: `data` is everything held on the member (see the engine's MemberExport). */
export type DataExport = Omit<NonNullable<KinshipAdminDataExportQuery["dataExport"]>, "data"> & { data: DataExportData };

export interface DataExportData {
  member?: { profile?: { email?: string | null; firstName?: string | null; lastName?: string | null } };
  ledger?: unknown[];
  orders?: unknown[];
  perks?: unknown[];
  referrals?: { code?: string | null; made?: unknown[]; referredBy?: unknown; sessions?: unknown[] };
  membership?: { purchases?: unknown; guestPlans?: unknown[] };
  campaigns?: { badges?: unknown[] };
  insight?: { segment?: string } | null;
  [section: string]: unknown;
}

export const DATA_EXPORTS_PAGE_SIZE = 50;

/** Where an export came from: the platform's data request (its id), or the owner. */
export function exportSource(e: Pick<DataExportSummary, "requestRef">): string {
  return e.requestRef ? `Data request ${e.requestRef}` : "Made by the owner";
}

/** A customer id as typed: trimmed, 1 to 255 characters. */
export function parseCustomerId(text: string): { ok: true; customerId: string } | { ok: false; message: string } {
  const customerId = text.trim();
  if (customerId.length === 0) return { ok: false, message: "Enter the customer's id." };
  if (customerId.length > 255) return { ok: false, message: "A customer id is at most 255 characters." };
  return { ok: true, customerId };
}

/** The sections of an export with how many records each holds, for a glance before downloading. */
export function exportContents(data: DataExportData): { label: string; count: number }[] {
  const size = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  return [
    { label: "Ledger lines", count: size(data.ledger) },
    { label: "Orders", count: size(data.orders) },
    { label: "Partner perks", count: size(data.perks) },
    { label: "Referrals made", count: size(data.referrals?.made) },
    { label: "Browser sessions", count: size(data.referrals?.sessions) },
    { label: "Badges", count: size(data.campaigns?.badges) },
    { label: "Guest plans", count: size(data.membership?.guestPlans) },
  ];
}

/** `kinship-data-export-<customer>-<id>.json`, with anything a file name should not hold replaced. */
export function exportFileName(e: Pick<DataExport, "id" | "customerId">): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 80);
  return `kinship-data-export-${safe(e.customerId)}-${safe(e.id)}.json`;
}

/** The export as the file the owner sends the customer: the whole record, pretty-printed. */
export function exportJson(e: DataExport): string {
  return `${JSON.stringify(e, null, 2)}\n`;
}

/** Saves the export as a JSON file through the browser (a Blob behind a temporary link). */
export function downloadExport(e: DataExport, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([exportJson(e)], { type: "application/json" }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = exportFileName(e);
  link.style.display = "none";
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
