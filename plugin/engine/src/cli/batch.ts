import type { Engine } from "../engine.ts";
import { messageOf } from "./context.ts";

/** One non-blank line of an events file, parsed as JSON and accepted by the engine's parser. */
export interface BatchItem {
  line: number;
  input: unknown;
}

export interface BatchSummary {
  total: number;
  applied: number;
  held: number;
  ignored: number;
  duplicates: number;
  rejected: { line: number; code: string; message: string }[];
  /** Why lines were held or ignored, in the engine's words. */
  notes: { line: number; status: "held" | "ignored"; text: string }[];
}

/** Every line checked before anything is written: the good items, or every bad line with its reason. */
export async function parseBatch(text: string): Promise<{ items: BatchItem[]; bad: string[] }> {
  const { parseInput } = await import("../store/ledger/apply.ts");
  const items: BatchItem[] = [];
  const bad: string[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = i + 1;
      if (raw.trim() === "") return;
      let input: unknown;
      try {
        input = JSON.parse(raw);
      } catch (e) {
        bad.push(`line ${line}: not JSON: ${messageOf(e)}`);
        return;
      }
      const parsed = parseInput(input);
      if (parsed.ok) items.push({ line, input });
      else bad.push(`line ${line}: ${parsed.error.message}`);
    });
  return { items, bad };
}

/** A failure of the store itself (not a typed rejection): processing stopped at `line`. */
export class BatchAborted extends Error {
  readonly line: number;
  readonly summary: BatchSummary;
  constructor(line: number, summary: BatchSummary, cause: unknown) {
    super(`line ${line}: ${messageOf(cause)}`, { cause });
    this.line = line;
    this.summary = summary;
  }
}

/** Applies items in order; AlreadyApplied counts as a duplicate, other typed errors as rejections. */
export async function applyBatch(
  engine: Engine,
  program: string,
  items: BatchItem[],
  clock: () => Date,
  onProgress?: (done: number) => void,
): Promise<BatchSummary> {
  const summary: BatchSummary = { total: items.length, applied: 0, held: 0, ignored: 0, duplicates: 0, rejected: [], notes: [] };
  for (const [i, item] of items.entries()) {
    let result: Awaited<ReturnType<Engine["apply"]>>;
    try {
      result = await engine.apply(program, item.input, clock());
    } catch (e) {
      throw new BatchAborted(item.line, summary, e);
    }
    if (result.ok) {
      const { status, notes } = result.value;
      summary[status] += 1;
      if (status !== "applied") summary.notes.push({ line: item.line, status, text: notes.join("; ") || "no effect" });
    } else if (result.error.code === "AlreadyApplied") summary.duplicates += 1;
    else summary.rejected.push({ line: item.line, code: result.error.code, message: result.error.message });
    onProgress?.(i + 1);
  }
  return summary;
}

const NOTES_SHOWN = 20;

/** The counts, each followed by its lines: why held or ignored (the first few), and every rejection. */
export function summaryLines(s: BatchSummary, label = "line"): string[] {
  const notes = (status: "held" | "ignored") => {
    const all = s.notes.filter((n) => n.status === status);
    const shown = all.slice(0, NOTES_SHOWN).map((n) => `  ${label} ${n.line}: ${n.text}`);
    return all.length > NOTES_SHOWN ? [...shown, `  … and ${all.length - NOTES_SHOWN} more`] : shown;
  };
  return [
    `applied     ${s.applied}`,
    `held        ${s.held}`,
    ...notes("held"),
    `ignored     ${s.ignored}`,
    ...notes("ignored"),
    `duplicates  ${s.duplicates}`,
    `rejected    ${s.rejected.length}`,
    ...s.rejected.map((r) => `  ${label} ${r.line}: ${r.code}: ${r.message}`),
  ];
}
