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

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .transform((s) => (s === "" ? null : s));

const RawRow = z.object({
  customerId: z.string().trim().min(1, "customer id is empty").max(255, "customer id is longer than 255 characters"),
  email: optional(320),
  firstName: optional(200),
  lastName: optional(200),
  points: z
    .string()
    .trim()
    .transform((s) => s.replace(/[,_ ]/g, ""))
    .pipe(
      z
        .string()
        .regex(/^\d*$/, "points must be a whole number ≥ 0")
        .transform((s) => (s === "" ? 0 : Number(s))),
    )
    .pipe(z.number().max(MAX_ROW_POINTS, `points must be at most ${MAX_ROW_POINTS}`)),
  earnedAt: optional(40),
  tier: optional(100),
  referralCode: optional(500),
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
  const cell = (f: ImportField) => (columns[f] === undefined ? "" : (fields[columns[f]] ?? ""));
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
  const raw = parsed.data;
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

function dateOf(text: string, zone: string): Date | null {
  let at = DateTime.fromISO(text, { zone });
  if (!at.isValid) at = DateTime.fromSQL(text, { zone });
  return at.isValid ? at.toJSDate() : null;
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
