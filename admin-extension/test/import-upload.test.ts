import { parse } from "csv-parse/browser/esm/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AdminApiError } from "../shared/client.ts";
import { applyParts, dryRunParts, type ImportPart, type PartReport, type PartRequest, percent, splitCsv } from "../shared/import-upload.ts";

/** Each row's first file line (line breaks before it, counted on the whole text) and its fields, header excluded. */
function rowsOf(text: string, firstLine = 2): { line: number; fields: string[] }[] {
  const source = text.replace(/^\uFEFF/, "");
  const records = parse(source, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as {
    record: string[];
    info: { bytes: number };
  }[];
  const bytes = new TextEncoder().encode(source);
  const lineAt = (offset: number) => 1 + (new TextDecoder().decode(bytes.subarray(0, offset)).match(/\r\n|\n|\r/g)?.length ?? 0);
  return records.slice(1).map((r, i) => ({ line: lineAt(records[i]?.info.bytes ?? 0) + firstLine - 2, fields: r.record }));
}

/** What a part's rows are, at the file lines the engine would name (firstLine + the line within the part − 2). */
const partRows = (parts: ImportPart[]) => parts.flatMap((p) => rowsOf(p.csv, p.firstLine));
const split = (text: string, limits = {}) => {
  const result = splitCsv(text, limits);
  if (!result.ok) throw new Error(result.error.message);
  return result;
};

describe("splitCsv", () => {
  it("gives every part the header and whole rows; a quoted field with line breaks is never cut", () => {
    const file = 'email,points,note\na@x.com,10,plain\nb@x.com,20,"two\nlines, and a comma"\nc@x.com,30,"say ""hi"""\nd@x.com,40,last';
    const { rows, parts } = split(file, { maxRows: 2 });
    expect(rows).toBe(4);
    expect(parts.map((p) => [p.firstLine, p.rows])).toEqual([
      [2, 2],
      [5, 2],
    ]);
    expect(parts.every((p) => p.csv.startsWith("email,points,note\n"))).toBe(true);
    expect(parts[0]?.csv).toBe('email,points,note\na@x.com,10,plain\nb@x.com,20,"two\nlines, and a comma"\n');
    expect(partRows(parts)).toEqual(rowsOf(file));
    expect(partRows(parts).map((r) => r.line)).toEqual([2, 3, 5, 6]);
  });

  it("keeps CRLF, blank lines, a byte-order mark and non-ASCII text as in the file, with the file's line numbers", () => {
    const file = '\uFEFFemail,name\r\nzoë@x.com,Zoë 🎉\r\n\r\n"é\r\nè",Ève\r\nlast@x.com,Ōno\r\n';
    const { parts } = split(file, { maxRows: 1 });
    expect(parts.map((p) => p.firstLine)).toEqual([2, 3, 6]);
    expect(parts[0]?.csv).toBe("email,name\r\nzoë@x.com,Zoë 🎉\r\n");
    expect(parts[1]?.csv).toBe('email,name\r\n\r\n"é\r\nè",Ève\r\n');
    expect(partRows(parts)).toEqual(rowsOf(file));
  });

  it("keeps each part under the byte limit as a JSON string, however the rows are quoted", () => {
    const row = (i: number) => `m${i}@x.com,${i},"note ""${i}""\nwith a break"\n`;
    const file = `email,points,note\n${Array.from({ length: 500 }, (_, i) => row(i)).join("")}`;
    const { parts } = split(file, { maxRows: 10_000, maxBytes: 2_000 });
    expect(parts.length).toBeGreaterThan(10);
    for (const p of parts) expect(new TextEncoder().encode(JSON.stringify(p.csv)).length - 2).toBeLessThanOrEqual(2_000);
    expect(partRows(parts)).toEqual(rowsOf(file));
  });

  it("any file of whole records splits into parts that together are its rows at its lines", () => {
    const field = fc.oneof(fc.constantFrom("", "a", "é", 'q"uote', "com,ma", "line\nbreak", "cr\r\nlf", "🎉"), fc.string({ maxLength: 5 }));
    const quote = (f: string) => (/[",\r\n]/.test(f) || f === "" ? `"${f.replace(/"/g, '""')}"` : f);
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom("\n", "\r\n"),
        (rows, maxRows, eol) => {
          const file = `a,b${eol}${rows.map((r) => r.map(quote).join(",")).join(eol)}`;
          const { parts, rows: count } = split(file, { maxRows });
          expect(count).toBe(rows.length);
          expect(parts.every((p) => p.rows <= maxRows)).toBe(true);
          expect(partRows(parts)).toEqual(rowsOf(file));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keeps a member's consecutive rows in one part, and reports a member whose rows the parts would scatter", () => {
    const file = "customer_id,points,earned_at\nann,1,2026-01-01\nann,2,2026-02-01\nann,3,2026-03-01\nbob,4,\ncat,5,\n\nann,6,\nbob,7,\n";
    const { parts, scattered } = split(file, { maxRows: 2, memberColumn: (header: string[]) => header.indexOf("customer_id") });
    expect(parts.map((p) => [p.firstLine, p.rows])).toEqual([
      [2, 3],
      [5, 2],
      [7, 2],
    ]);
    expect(scattered).toEqual([
      { line: 8, message: "customer ann's rows must be next to each other in a file this large (their first row is line 2)" },
      { line: 9, message: "customer bob's rows must be next to each other in a file this large (their first row is line 5)" },
    ]);
    expect(split(file, { maxRows: 100, memberColumn: () => 0 }).scattered).toEqual([]);
    expect(split(file, { maxRows: 2 }).parts.map((p) => p.rows)).toEqual([2, 2, 2, 1]);
  });

  it("says why a file cannot be split, with the line: empty, header only, a quote never closed", () => {
    expect(splitCsv("")).toEqual({
      ok: false,
      error: { line: 1, message: "The file is empty: it needs a header line and at least one row." },
    });
    expect(splitCsv("email,points\n")).toEqual({ ok: false, error: { line: 2, message: "The file has a header but no rows." } });
    const unclosed = splitCsv('email,points\na@x.com,1\n"b@x.com,2\nc@x.com,3\n');
    expect(unclosed.ok).toBe(false);
    if (!unclosed.ok) expect(unclosed.error.message).toMatch(/quoted field is never closed/);
  });
});

/** A stand-in for the API's answer per part: a row whose points are not a whole number is bad. */
function reportOf(request: PartRequest, applied: boolean): PartReport {
  const rows = rowsOf(request.csv, request.firstLine);
  const bad = rows.filter((r) => !/^\d+$/.test(r.fields[1] ?? ""));
  const ok = rows.filter((r) => !bad.includes(r));
  return {
    rows: rows.length,
    members: ok.length,
    newMembers: ok.length,
    points: ok.reduce((sum, r) => sum + BigInt(r.fields[1] ?? "0"), 0n).toString(),
    tiersSet: 0,
    referralCodes: 0,
    alreadyImported: 0,
    errors: bad.map((r) => ({ line: r.line, message: `points: "${r.fields[1]}" is not a whole number` })),
    applied: applied && bad.length === 0,
  };
}

const file = (points: string[]) => `email,points\n${points.map((p, i) => `m${i}@x.com,${p}`).join("\n")}`;

describe("dryRunParts", () => {
  it("checks every part with dryRun and one key, and lists every bad row of the file by line with the totals", async () => {
    const { parts } = split(file(["9007199254740993", "x", "5", "6", "1.5", "7"]), { maxRows: 2 });
    const sent: PartRequest[] = [];
    const progress: number[] = [];
    const totals = await dryRunParts(
      parts,
      async (r) => {
        sent.push(r);
        return reportOf(r, false);
      },
      { key: "dry-1", onProgress: (p) => progress.push(percent(p)) },
    );
    expect(sent.map((r) => [r.firstLine, r.dryRun, r.idempotencyKey])).toEqual([
      [2, true, "dry-1"],
      [4, true, "dry-1"],
      [6, true, "dry-1"],
    ]);
    expect(progress).toEqual([33, 66, 100]);
    expect(totals.rows).toBe(6);
    expect(totals.points).toBe("9007199254741011");
    expect(totals.errors).toEqual([
      { line: 3, message: 'points: "x" is not a whole number' },
      { line: 6, message: 'points: "1.5" is not a whole number' },
    ]);
  });
});

describe("applyParts", () => {
  const { parts } = split(file(["1", "2", "3", "4", "5"]), { maxRows: 1 });

  it("applies part by part with progress; cancelled between parts, the same key carries on from where it stopped", async () => {
    const sent: PartRequest[] = [];
    const send = async (r: PartRequest) => {
      sent.push(r);
      return reportOf(r, true);
    };
    const seen: string[] = [];
    const first = await applyParts(parts, send, {
      key: "k-1",
      onProgress: (p, t) => seen.push(`${p.done}/${p.total}:${t.points}`),
      shouldStop: () => seen.length === 2,
    });
    expect(first).toMatchObject({ status: "cancelled", done: 2, totals: { rows: 2, points: "3" } });
    expect(seen).toEqual(["1/5:1", "2/5:3"]);
    const rest = await applyParts(parts, send, { key: "k-1", from: first.done, totals: first.totals });
    expect(rest).toMatchObject({ status: "applied", done: 5, totals: { rows: 5, points: "15" } });
    expect(sent.map((r) => [r.firstLine, r.dryRun, r.idempotencyKey])).toEqual([2, 3, 4, 5, 6].map((line) => [line, false, "k-1"]));
  });

  it("retries a part the API could not be reached for with the same key; after that it fails and the same key resumes it", async () => {
    let outage = 4;
    const sent: PartRequest[] = [];
    const send = async (r: PartRequest) => {
      sent.push(r);
      if (r.firstLine === 4 && outage-- > 0) throw new AdminApiError("NETWORK_ERROR", "offline");
      return reportOf(r, true);
    };
    const failed = await applyParts(parts, send, { key: "k-2" });
    expect(failed.status).toBe("failed");
    expect(failed.done).toBe(2);
    expect(sent.filter((r) => r.firstLine === 4).length).toBe(3);
    const resumed = await applyParts(parts, send, { key: "k-2", from: failed.done, totals: failed.totals });
    expect(resumed).toMatchObject({ status: "applied", done: 5, totals: { points: "15" } });
    expect(new Set(sent.map((r) => r.idempotencyKey))).toEqual(new Set(["k-2"]));
  });

  it("does not retry the engine's refusal, and stops at a part that has bad rows", async () => {
    let calls = 0;
    const refused = await applyParts(
      parts,
      async () => {
        calls += 1;
        throw new AdminApiError("FORBIDDEN", "no");
      },
      { key: "k-3" },
    );
    expect(refused.status).toBe("failed");
    expect(calls).toBe(1);
    const { parts: withBad } = split(file(["1", "oops", "3"]), { maxRows: 1 });
    const bad = await applyParts(withBad, async (r) => reportOf(r, true), { key: "k-4" });
    expect(bad).toMatchObject({ status: "refused", done: 1, errors: [{ line: 3 }] });
  });
});
