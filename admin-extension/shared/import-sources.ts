import type { ImportSource } from "./generated/graphql.ts";
import type { ImportTotals } from "./import-upload.ts";

export interface ImportSourceInfo {
  value: ImportSource;
  label: string;
  /** Where the owner gets the file, and the columns the engine reads from it. */
  help: string;
}

/** The exports the engine reads; its importer maps each app's columns (plugin/engine/src/core/import/columns.ts). */
export const IMPORT_SOURCES: readonly ImportSourceInfo[] = [
  {
    value: "SMILE",
    label: "Smile.io",
    help: "Smile.io's customer export as downloaded: Shopify customer ID, Email, Points balance, VIP tier, Referral url.",
  },
  {
    value: "LOYALTYLION",
    label: "LoyaltyLion",
    help: "LoyaltyLion's customer export as downloaded: Merchant ID, Email, Points approved, Tier, Referral link.",
  },
  {
    value: "CSV",
    label: "CSV file",
    help: "Columns: customer_id (required), email, first_name, last_name, points, earned_at (a date: the points expire from it), tier, referral_code. One row per member, or one per dated lot of points.",
  },
];

/**
 * The header of the column naming the member, per source: the customer id aliases of the engine's
 * importer (plugin/engine/src/core/import/columns.ts), compared as it compares them.
 */
const MEMBER_COLUMNS: Record<ImportSource, string[]> = {
  CSV: ["customer_id", "customerId"],
  SMILE: ["Shopify customer id", "External id", "Customer external id", "customer_id", "customerId"],
  LOYALTYLION: ["Merchant id", "Customer merchant id", "Shopify id", "customer_id", "customerId"],
};

const headerKey = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Which column of a source's header names the member (undefined: none, the engine will say so). */
export function memberColumn(source: ImportSource): (header: string[]) => number | undefined {
  return (header) => {
    const keys = header.map(headerKey);
    for (const alias of MEMBER_COLUMNS[source]) {
      const i = keys.indexOf(headerKey(alias));
      if (i !== -1) return i;
    }
    return undefined;
  };
}

export const importSourceLabel = (source: ImportSource): string => IMPORT_SOURCES.find((s) => s.value === source)?.label ?? source;

const plural = (n: number, one: string, many: string) => `${new Intl.NumberFormat().format(n)} ${n === 1 ? one : many}`;

/** The dry run's or the import's figures as lines the owner reads. */
export function reportLines(t: ImportTotals): string[] {
  return [
    plural(t.rows, "row read", "rows read"),
    `${plural(t.members, "member", "members")} (${new Intl.NumberFormat().format(t.newMembers)} new)`,
    `${new Intl.NumberFormat().format(BigInt(t.points))} points`,
    plural(t.tiersSet, "tier set", "tiers set"),
    plural(t.referralCodes, "referral code", "referral codes"),
    ...(t.alreadyImported > 0 ? [`${plural(t.alreadyImported, "member", "members")} already imported (unchanged)`] : []),
  ];
}

/** "3 bad rows": what blocks the import. */
export const badRowsTitle = (n: number) => `${plural(n, "bad row", "bad rows")}: nothing will be imported`;

/** The report's heading: the dry run until the import starts. */
export function reportTitle(phase: string): string {
  if (phase === "applied") return "Imported";
  return phase === "applying" || phase === "cancelled" || phase === "failed" ? "Import" : "Dry run";
}
