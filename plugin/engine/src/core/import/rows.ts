import { DateTime } from "luxon";
import { z } from "zod";
import type { ProgramConfig } from "../config/schema.ts";
import { type ImportField, type ImportSource, locateColumns, SOURCE_COLUMNS } from "./columns.ts";

/** One bad row: its line in the file (the header is line 1) and what is wrong. */
export interface ImportRowError {
  line: number;
  message: string;
}

/** One data row, checked: what it says about its member. */
export interface ImportRow {
  line: number;
  customerId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  points: number;
  /** Null: earned at the import. */
  earnedAt: Date | null;
  /** A tier key of the program. */
  tier: string | null;
  referralCode: string | null;
}

/** The most points one row may carry (far below 2^53, so sums stay exact). */
export const MAX_ROW_POINTS = 1_000_000_000;
const REFERRAL_CODE = /^[A-Za-z0-9_-]{3,64}$/;

const text = (max: number) => z.string().max(max, `at most ${max} characters`);

/** The cells as read (trimmed); zod checks their lengths, the points and dates are read after. */
const RawRow = z.object({
  customerId: z.string().min(1, "customer id is empty").max(255, "customer id is longer than 255 characters"),
  email: text(320),
  firstName: text(200),
  lastName: text(200),
  points: z.string().regex(/^[\d,_ ]*$/, "points must be a whole number ≥ 0"),
  earnedAt: text(40),
  tier: text(100),
  referralCode: text(500),
});

export interface ParseOptions {
  config: ProgramConfig;
  now: Date;
  /** The file line of the first data row (the text is a part of a larger file); 2 for a whole file. */
  firstLine?: number;
}

/** The header's columns located, or the error naming what is missing. */
export function readHeader(source: ImportSource, header: string[]): { columns: Partial<Record<ImportField, number>> } | { error: string } {
  const columns = locateColumns(source, header);
  if (columns.customerId === undefined) return { error: `no customer id column (one of: ${SOURCE_COLUMNS[source].customerId.join(", ")})` };
  if (columns.points === undefined && columns.tier === undefined && columns.referralCode === undefined)
    return { error: "nothing to import: no points, tier or referral code column" };
  return { columns };
}

/** Checks one record against the program: an ImportRow, or the reasons it is bad. */
export function checkRow(
  fields: string[],
  line: number,
  columns: Partial<Record<ImportField, number>>,
  { config, now }: ParseOptions,
): ImportRow | ImportRowError {
  const cell = (f: ImportField) => (columns[f] === undefined ? "" : (fields[columns[f]] ?? "").trim());
  const parsed = RawRow.safeParse({
    customerId: cell("customerId"),
    email: cell("email"),
    firstName: cell("firstName"),
    lastName: cell("lastName"),
    points: cell("points"),
    earnedAt: cell("earnedAt"),
    tier: cell("tier"),
    referralCode: cell("referralCode"),
  });
  if (!parsed.success) return { line, message: parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join("; ") };
  const cells = parsed.data;
  const orNull = (v: string) => (v === "" ? null : v);
  const raw = {
    customerId: cells.customerId,
    email: orNull(cells.email),
    firstName: orNull(cells.firstName),
    lastName: orNull(cells.lastName),
    points: cells.points === "" ? 0 : Number(cells.points.replace(/[,_ ]/g, "")),
    earnedAt: orNull(cells.earnedAt),
    tier: orNull(cells.tier),
    referralCode: orNull(cells.referralCode),
  };
  if (raw.points > MAX_ROW_POINTS) return { line, message: `points: points must be at most ${MAX_ROW_POINTS}` };
  const problems: string[] = [];
  let earnedAt: Date | null = null;
  if (raw.earnedAt !== null) {
    earnedAt = dateOf(raw.earnedAt, config.timezone);
    if (earnedAt === null) problems.push(`earnedAt: ${JSON.stringify(raw.earnedAt)} is not a date such as 2025-03-01`);
    else if (earnedAt > now) problems.push(`earnedAt: ${raw.earnedAt} is in the future`);
  }
  let tier: string | null = null;
  if (raw.tier !== null) {
    tier = tierKeyOf(raw.tier, config);
    if (tier === null) problems.push(`tier: no tier ${JSON.stringify(raw.tier)} (tiers: ${config.tiers.map((t) => t.key).join(", ")})`);
  }
  let referralCode: string | null = null;
  if (raw.referralCode !== null) {
    referralCode = codeOf(raw.referralCode);
    if (referralCode === null)
      problems.push(`referralCode: ${JSON.stringify(raw.referralCode)} is not a code of 3 to 64 letters, digits, - or _`);
  }
  if (problems.length > 0) return { line, message: problems.join("; ") };
  return { line, ...raw, earnedAt, tier, referralCode };
}

/** Exports repeat the same days: each distinct text is read once (luxon is the slow part of a row). */
const dates = new Map<string, Date | null>();

function dateOf(text: string, zone: string): Date | null {
  const cacheKey = `${zone} ${text}`;
  const known = dates.get(cacheKey);
  if (known !== undefined) return known;
  let at = DateTime.fromISO(text, { zone });
  if (!at.isValid) at = DateTime.fromSQL(text, { zone });
  const date = at.isValid ? at.toJSDate() : null;
  if (dates.size >= 10_000) dates.clear();
  dates.set(cacheKey, date);
  return date;
}

/** A tier by its key or its name, letter case aside. */
function tierKeyOf(text: string, config: ProgramConfig): string | null {
  const wanted = text.toLowerCase();
  return config.tiers.find((t) => t.key.toLowerCase() === wanted || t.name.toLowerCase() === wanted)?.key ?? null;
}

/** The code itself, or the code a referral link carries (its ref/code parameter, else its last path segment). */
export function codeOf(text: string): string | null {
  let code = text;
  if (/^https?:\/\//i.test(text) || text.includes("/")) {
    try {
      const url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
      code = url.searchParams.get("ref") ?? url.searchParams.get("code") ?? url.pathname.split("/").filter(Boolean).pop() ?? "";
    } catch {
      return null;
    }
  }
  return REFERRAL_CODE.test(code) ? code : null;
}
