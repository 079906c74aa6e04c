import { parse } from "csv-parse/sync";
import type { ImportSource } from "./columns.ts";
import { checkRow, type ImportRow, type ImportRowError, type ParseOptions, readHeader } from "./rows.ts";

/** A dated (or undated: earned at the import) lot of imported points. */
export interface ImportLot {
  points: number;
  earnedAt: Date | null;
  line: number;
}

/** Everything a file says about one member (their rows gathered). */
export interface ImportMember {
  customerId: string;
  /** The line of their first row. */
  line: number;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  lots: ImportLot[];
  tier: string | null;
  referralCode: string | null;
}

export interface ParsedImport {
  /** Data rows read (blank lines aside). */
  rows: number;
  members: ImportMember[];
  errors: ImportRowError[];
}

/**
 * A CSV export (header line, then rows) read and checked: every bad row named by its file line.
 * A member may have several rows (one per dated lot); their tier and referral code must agree.
 */
export function parseImport(source: ImportSource, text: string, options: ParseOptions): ParsedImport {
  const offset = (options.firstLine ?? 2) - 2;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, skip_empty_lines: true, relax_column_count: true, bom: true }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1;
    return { rows: 0, members: [], errors: [{ line: line + offset, message: `not valid CSV: ${(e as Error).message}` }] };
  }
  const [head, ...body] = records;
  if (!head) return { rows: 0, members: [], errors: [{ line: 1, message: "the file is empty (a header line is needed)" }] };
  const header = readHeader(source, head.record);
  if ("error" in header) return { rows: body.length, members: [], errors: [{ line: 1, message: header.error }] };
  const errors: ImportRowError[] = [];
  const rows: ImportRow[] = [];
  for (const { record, info } of body) {
    // info.lines is the line the record ends on; a quoted field may span lines.
    const line = info.lines - newlinesIn(record) + offset;
    const row = checkRow(record, line, header.columns, options);
    if ("customerId" in row) rows.push(row);
    else errors.push(row);
  }
  const members = gather(rows, errors);
  errors.sort((a, b) => a.line - b.line);
  return { rows: body.length, members, errors };
}

function newlinesIn(record: string[]): number {
  let n = 0;
  for (const field of record) for (let i = field.indexOf("\n"); i !== -1; i = field.indexOf("\n", i + 1)) n++;
  return n;
}

/** Rows gathered by member; disagreements (two tiers, two codes, one code for two members) become errors. */
function gather(rows: ImportRow[], errors: ImportRowError[]): ImportMember[] {
  const byCustomer = new Map<string, ImportMember>();
  const codeOwner = new Map<string, { customerId: string; line: number }>();
  for (const row of rows) {
    let member = byCustomer.get(row.customerId);
    if (!member) {
      member = { ...row, lots: [] };
      byCustomer.set(row.customerId, member);
    } else {
      const clash = disagreement(member, row);
      if (clash) {
        errors.push({ line: row.line, message: clash });
        continue;
      }
      member.tier ??= row.tier;
      member.referralCode ??= row.referralCode;
      member.email ??= row.email;
      member.firstName ??= row.firstName;
      member.lastName ??= row.lastName;
    }
    if (row.referralCode !== null) {
      const owner = codeOwner.get(row.referralCode);
      if (owner && owner.customerId !== row.customerId) {
        errors.push({
          line: row.line,
          message: `referralCode: ${row.referralCode} is also customer ${owner.customerId}'s (line ${owner.line})`,
        });
        continue;
      }
      codeOwner.set(row.referralCode, { customerId: row.customerId, line: row.line });
    }
    if (row.points > 0) member.lots.push({ points: row.points, earnedAt: row.earnedAt, line: row.line });
  }
  return [...byCustomer.values()];
}

function disagreement(member: ImportMember, row: ImportRow): string | null {
  if (row.tier !== null && member.tier !== null && row.tier !== member.tier)
    return `tier: ${row.tier} here but ${member.tier} on line ${member.line} for customer ${row.customerId}`;
  if (row.referralCode !== null && member.referralCode !== null && row.referralCode !== member.referralCode)
    return `referralCode: ${row.referralCode} here but ${member.referralCode} on line ${member.line} for customer ${row.customerId}`;
  return null;
}

/** Σ points of the members' lots. */
export function pointsOf(members: ImportMember[]): number {
  let sum = 0;
  for (const m of members) for (const l of m.lots) sum += l.points;
  return sum;
}
