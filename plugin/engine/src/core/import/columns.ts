/**
 * How each supported export's columns map to what an import reads. Data, not code: a source whose
 * export names a column differently gets another alias here. Headers are matched case- and
 * punctuation-insensitively ("Points balance", "points_balance" and "POINTS-BALANCE" are one).
 *
 * Fields (one row per member, or several rows per member for dated points):
 * - customerId (required): the store's customer id (Shopify/Medusa), the member's key in Kinship.
 * - email, firstName, lastName: kept on a member the import creates (an existing member's profile is left alone).
 * - points: whole points ≥ 0 — the balance, or the points of one dated lot.
 * - earnedAt: when those points were earned (ISO date or date-time; a date alone is midnight in the
 *   program's time zone). Present: the lot expires under the program's expiry policy from that
 *   date. Absent: the points count as earned at the import.
 * - tier: a tier key or name of this program.
 * - referralCode: the member's old referral code, or the referral link ending in it.
 *
 * The Smile.io and LoyaltyLion aliases follow their customer exports' column names as their help
 * centres describe them (Smile: "Email", "Points balance", "VIP tier", "Referral url";
 * LoyaltyLion: "Email", "Points approved", "Tier", "Referral link"); the exact spellings of every
 * export version could not be checked, so the generic names of the CSV source are accepted too.
 */
export const IMPORT_FIELDS = ["customerId", "email", "firstName", "lastName", "points", "earnedAt", "tier", "referralCode"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_SOURCES = ["smile", "loyaltylion", "csv"] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

const GENERIC: Record<ImportField, string[]> = {
  customerId: ["customer_id", "customerId"],
  email: ["email"],
  firstName: ["first_name"],
  lastName: ["last_name"],
  points: ["points"],
  earnedAt: ["earned_at", "date"],
  tier: ["tier"],
  referralCode: ["referral_code"],
};

export const SOURCE_COLUMNS: Record<ImportSource, Record<ImportField, string[]>> = {
  csv: GENERIC,
  smile: {
    customerId: ["Shopify customer id", "External id", "Customer external id", ...GENERIC.customerId],
    email: ["Email", "Customer email"],
    firstName: ["First name"],
    lastName: ["Last name"],
    points: ["Points balance", "Points", ...GENERIC.points],
    earnedAt: ["Points earned at", "Created at date", ...GENERIC.earnedAt],
    tier: ["VIP tier", "VIP tier name", ...GENERIC.tier],
    referralCode: ["Referral url", "Referral code", ...GENERIC.referralCode],
  },
  loyaltylion: {
    customerId: ["Merchant id", "Customer merchant id", "Shopify id", ...GENERIC.customerId],
    email: ["Email"],
    firstName: ["First name"],
    lastName: ["Last name"],
    points: ["Points approved", "Approved points", "Points", ...GENERIC.points],
    earnedAt: ["Points earned at", ...GENERIC.earnedAt],
    tier: ["Tier", "Current tier", "Tier name"],
    referralCode: ["Referral link", "Referral url", "Referral code", ...GENERIC.referralCode],
  },
};

/** The form headers are compared in: lower case, letters and digits only. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Which column of `headers` holds each field (absent: the export has none). */
export function locateColumns(source: ImportSource, headers: string[]): Partial<Record<ImportField, number>> {
  const at = new Map(headers.map((h, i) => [headerKey(h), i] as const));
  const found: Partial<Record<ImportField, number>> = {};
  for (const field of IMPORT_FIELDS) {
    for (const alias of SOURCE_COLUMNS[source][field]) {
      const i = at.get(headerKey(alias));
      if (i !== undefined) {
        found[field] = i;
        break;
      }
    }
  }
  return found;
}
