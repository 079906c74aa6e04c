import { parse } from "csv-parse/browser/esm/sync";
import { isRetryable } from "./client.ts";

/**
 * Moving in, the upload side shared by both admins: a file is split into parts the API takes one
 * request at a time, checked part by part (the dry run), then applied part by part with progress.
 * Everything here is pure but for the `send` it is given.
 */

export interface ImportRowError {
  /** The line in the file (the header is line 1). */
  line: number;
  message: string;
}

/** One request's worth of the file: the header line, then whole records as they are in the file. */
export interface ImportPart {
  csv: string;
  /** The file line of its first row (after the header). */
  firstLine: number;
  rows: number;
}

export type SplitFile =
  | {
      ok: true;
      rows: number;
      parts: ImportPart[];
      /** Rows of one member that the file's size put in different parts (see `SplitLimits.memberColumn`). */
      scattered: ImportRowError[];
    }
  | { ok: false; error: ImportRowError };

export interface SplitLimits {
  maxRows?: number;
  /**
   * What a part may weigh as a JSON string in the request body. Medusa parses JSON bodies with
   * express's default 100 kB limit, so parts stay well under it.
   */
  maxBytes?: number;
  /**
   * The column that names the member, found from the header (undefined: none). The engine imports
   * each member once per source, so a member's rows must travel in one part: consecutive rows of
   * one member are never cut apart, and a member whose rows are apart in a file of several parts
   * is reported (`scattered`) rather than half imported.
   */
  memberColumn?: (header: string[]) => number | undefined;
}

export const DEFAULT_SPLIT = { maxRows: 2_000, maxBytes: 80_000 };

interface RecordInfo {
  record: string[];
  info: { bytes: number };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const BOM = "\uFEFF";

/**
 * Splits a CSV file into parts of whole records. The parser finds where each record ends (a quoted
 * field may hold line breaks), and each part is the file's own bytes for its records, so the engine
 * sees the same quoting, blank lines and line numbers as in the file.
 */
export function splitCsv(text: string, limits: SplitLimits = {}): SplitFile {
  const { maxRows, maxBytes } = { ...DEFAULT_SPLIT, ...limits };
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  let records: RecordInfo[];
  try {
    records = parse(source, {
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as RecordInfo[];
  } catch (e) {
    const line = Number((e as { lines?: unknown }).lines);
    return { ok: false, error: { line: Number.isInteger(line) && line > 0 ? line : 1, message: csvErrorMessage(e) } };
  }
  const [header, ...rows] = records;
  if (!header) return { ok: false, error: { line: 1, message: "The file is empty: it needs a header line and at least one row." } };
  if (rows.length === 0) return { ok: false, error: { line: 2, message: "The file has a header but no rows." } };
  const bytes = encoder.encode(source);
  const slice = (from: number, to: number) => decoder.decode(bytes.subarray(from, to));
  const headerSlice = slice(0, header.info.bytes);
  const headerText = headerSlice.replace(/^(?:\r\n|\n|\r)+/, "");
  const headerPart = /[\r\n]$/.test(headerText) ? headerText : `${headerText}\n`;
  const headerWeight = weight(headerPart);

  const column = limits.memberColumn?.(header.record);
  const memberOf = (i: number) => (column === undefined ? undefined : (rows[i]?.record[column]?.trim() ?? "") || undefined);

  const parts: ImportPart[] = [];
  // Row i is the file's text from the end of record i (the header is record 0) to the end of record i + 1.
  let line = 1 + lineBreaks(headerSlice);
  let current: { text: string[]; firstLine: number; weight: number } | null = null;
  const close = () => {
    if (current) parts.push({ csv: headerPart + current.text.join(""), firstLine: current.firstLine, rows: current.text.length });
  };
  const partOf = new Map<string, { part: number; line: number }>();
  const scattered: ImportRowError[] = [];
  for (let i = 0; i < rows.length; i += 1) {
    const text = slice((records[i] as RecordInfo).info.bytes, (records[i + 1] as RecordInfo).info.bytes);
    const rowWeight = weight(text);
    const member = memberOf(i);
    const sameMember = member !== undefined && member === memberOf(i - 1);
    if (current && !sameMember && (current.text.length >= maxRows || current.weight + rowWeight > maxBytes)) {
      close();
      current = null;
    }
    current ??= { text: [], firstLine: line, weight: headerWeight };
    const rowLine = line + leadingBlankLines(text);
    if (member !== undefined) {
      const seen = partOf.get(member);
      if (!seen) partOf.set(member, { part: parts.length, line: rowLine });
      else if (seen.part !== parts.length)
        scattered.push({
          line: rowLine,
          message: `customer ${member}'s rows must be next to each other in a file this large (their first row is line ${seen.line})`,
        });
    }
    current.text.push(text);
    current.weight += rowWeight;
    line += lineBreaks(text);
  }
  close();
  return { ok: true, rows: rows.length, parts, scattered };
}

function leadingBlankLines(text: string): number {
  return lineBreaks(/^(?:\r\n|\n|\r)*/.exec(text)?.[0] ?? "");
}

/** Line breaks as an editor counts them: CRLF, LF or a lone CR each end one line. */
function lineBreaks(text: string): number {
  return text.match(/\r\n|\n|\r/g)?.length ?? 0;
}

/** UTF-8 bytes plus one for each character JSON escapes: what the text adds to a request body. */
function weight(text: string): number {
  return encoder.encode(text).length + (text.match(/["\\\r\n\t]/g)?.length ?? 0);
}

function csvErrorMessage(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (code === "CSV_QUOTE_NOT_CLOSED") return "A quoted field is never closed: the file is cut short or a quote is missing.";
  return e instanceof Error ? `The file is not valid CSV: ${e.message}` : "The file is not valid CSV.";
}

/** What the engine answers for one part (ImportReport in the admin SDL). */
export interface PartReport {
  rows: number;
  members: number;
  newMembers: number;
  /** Long: a decimal string. */
  points: string;
  tiersSet: number;
  referralCodes: number;
  alreadyImported: number;
  errors: ImportRowError[];
  applied: boolean;
}

export interface PartRequest {
  csv: string;
  firstLine: number;
  dryRun: boolean;
  idempotencyKey: string;
}

/** Sends one part (source and file name bound by the caller). */
export type SendPart = (request: PartRequest) => Promise<PartReport>;

export type ImportTotals = Omit<PartReport, "applied">;

export const emptyTotals = (): ImportTotals => ({
  rows: 0,
  members: 0,
  newMembers: 0,
  points: "0",
  tiersSet: 0,
  referralCodes: 0,
  alreadyImported: 0,
  errors: [],
});

/** Adds a part's report to the totals; bad rows stay in file order. */
export function addReport(totals: ImportTotals, report: PartReport): ImportTotals {
  return {
    rows: totals.rows + report.rows,
    members: totals.members + report.members,
    newMembers: totals.newMembers + report.newMembers,
    points: (BigInt(totals.points) + BigInt(report.points)).toString(),
    tiersSet: totals.tiersSet + report.tiersSet,
    referralCodes: totals.referralCodes + report.referralCodes,
    alreadyImported: totals.alreadyImported + report.alreadyImported,
    errors: [...totals.errors, ...report.errors].sort((a, b) => a.line - b.line),
  };
}

export interface Progress {
  done: number;
  total: number;
}

/** Whole percent of parts done, for a progress bar. */
export function percent({ done, total }: Progress): number {
  return total === 0 ? 0 : Math.floor((done * 100) / total);
}

/**
 * The dry run: every part checked (nothing written), every bad row of the file with its line, and
 * the totals. A part the API refuses outright (not a bad row: the network, the session) rejects.
 */
export async function dryRunParts(
  parts: readonly ImportPart[],
  send: SendPart,
  options: { key: string; onProgress?: (p: Progress) => void; retries?: number },
): Promise<ImportTotals> {
  let totals = emptyTotals();
  for (const [i, part] of parts.entries()) {
    const report = await withRetries(
      () => send({ csv: part.csv, firstLine: part.firstLine, dryRun: true, idempotencyKey: options.key }),
      options.retries,
    );
    totals = addReport(totals, report);
    options.onProgress?.({ done: i + 1, total: parts.length });
  }
  return totals;
}

export type ApplyOutcome =
  | { status: "applied"; done: number; totals: ImportTotals }
  /** Stopped between parts: the parts done stay applied; applying again with the same key carries on. */
  | { status: "cancelled"; done: number; totals: ImportTotals }
  /** A part did not go through (after its retries); the same key applies it once when tried again. */
  | { status: "failed"; done: number; totals: ImportTotals; error: unknown }
  /** The engine found bad rows in a part while applying (the data changed since the dry run): nothing of it applied. */
  | { status: "refused"; done: number; totals: ImportTotals; errors: ImportRowError[] };

/**
 * Applies the parts from `from` on, one request each, all under the file's one idempotency key: a
 * part sent again (a retry, or carrying on after a cancel) is applied once. `shouldStop` is asked
 * between parts.
 */
export async function applyParts(
  parts: readonly ImportPart[],
  send: SendPart,
  options: {
    key: string;
    from?: number;
    totals?: ImportTotals;
    onProgress?: (p: Progress, totals: ImportTotals) => void;
    shouldStop?: () => boolean;
    retries?: number;
  },
): Promise<ApplyOutcome> {
  let totals = options.totals ?? emptyTotals();
  for (let i = options.from ?? 0; i < parts.length; i += 1) {
    if (options.shouldStop?.()) return { status: "cancelled", done: i, totals };
    const part = parts[i] as ImportPart;
    let report: PartReport;
    try {
      report = await withRetries(
        () => send({ csv: part.csv, firstLine: part.firstLine, dryRun: false, idempotencyKey: options.key }),
        options.retries,
      );
    } catch (error) {
      return { status: "failed", done: i, totals, error };
    }
    if (report.errors.length > 0) return { status: "refused", done: i, totals, errors: report.errors };
    totals = addReport(totals, report);
    options.onProgress?.({ done: i + 1, total: parts.length }, totals);
  }
  return { status: "applied", done: parts.length, totals };
}

/** Tries again (same request, so the same key) when the API could not be reached; its answers are final. */
async function withRetries<T>(call: () => Promise<T>, retries = 2): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (e) {
      if (attempt >= retries || !isRetryable(e)) throw e;
    }
  }
}
