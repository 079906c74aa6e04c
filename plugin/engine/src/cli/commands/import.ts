import { createHash } from "node:crypto";
import { basename } from "node:path";
import { IMPORT_SOURCES, type ImportSource, SOURCE_COLUMNS } from "../../core/import/columns.ts";
import type { ImportReport } from "../../store/imports/run.ts";
import {
  CliError,
  type CommandSpec,
  flag,
  type Io,
  readSource,
  SHOP,
  selectProgram,
  stringOption,
  UsageError,
  withEngine,
  writeLine,
} from "../context.ts";

/** The most bad rows printed (the count is always given). */
const SHOWN_ERRORS = 50;

export const importCommand: CommandSpec = {
  name: "import",
  summary: "move members in from Smile.io, LoyaltyLion or a CSV file (balances, dated points, tiers, referral codes)",
  positionals: ["file.csv"],
  options: {
    from: { type: "string", arg: "<source>", help: `the export's source: ${IMPORT_SOURCES.join(", ")}` },
    "dry-run": { type: "boolean", help: "check every row and report what would change; apply nothing" },
    program: { type: "string", arg: "<key>", help: "program key (same as --shop)" },
    progress: { type: "boolean", help: "draw the progress bar even when stderr is not a terminal" },
    ...SHOP,
  },
  description: [
    "Reads the export (header line, then rows) and checks every row first: with any bad row",
    "nothing is applied and each is listed by its line. Each member gets ONE ledger entry",
    "(adjust, reason import:<source>) and one points lot per row; a row with a date (earned_at)",
    "expires by the program's policy from that date. A tier above the member's is kept as the",
    "owner's override for a year. An old referral code is stored so old links keep working.",
    "Re-running the same import changes nothing. Columns (any letter case):",
    ...IMPORT_SOURCES.map((s) => `  ${s}: ${columnsHelp(s)}`),
  ].join("\n"),
  async run({ io, values, positionals, clock }) {
    const from = stringOption(values, "from");
    if (from === undefined || !(IMPORT_SOURCES as readonly string[]).includes(from))
      throw new UsageError(`--from must be one of ${IMPORT_SOURCES.join(", ")}`);
    const source = from as ImportSource;
    const file = positionals[0] ?? "-";
    const csv = await readSource(io, file);
    const dryRun = flag(values, "dry-run");
    const program = stringOption(values, "program");
    return withEngine(io, async (engine) => {
      const key = await selectProgram(engine, program === undefined ? values : { ...values, shop: program });
      const bar = dryRun ? null : await progressBar(io, flag(values, "progress"));
      const started = performance.now();
      const report = await engine.imports.run(
        key,
        {
          source,
          csv,
          dryRun,
          fileName: file === "-" ? null : basename(file),
          actor: `cli:${io.env.USER ?? "unknown"}`,
          // Same file from the same source: the same import (re-running it changes nothing).
          key: `cli:${source}:${createHash("sha256").update(csv).digest("hex")}`,
          onProgress: (done, total) => bar?.update(done, total),
        },
        clock(),
      );
      bar?.stop();
      const seconds = (performance.now() - started) / 1000;
      if (!report.ok) throw new CliError(report.error.message);
      for (const line of reportLines(key, file, report.value, seconds)) await writeLine(io.stdout, line);
      const bad = report.value.errors;
      if (bad.length > 0)
        throw new CliError(`${bad.length} bad ${bad.length === 1 ? "row" : "rows"} in ${file}; nothing applied`, [
          ...bad.slice(0, SHOWN_ERRORS).map((e) => `line ${e.line}: ${e.message}`),
          ...(bad.length > SHOWN_ERRORS ? [`… and ${bad.length - SHOWN_ERRORS} more`] : []),
        ]);
      return 0;
    });
  },
};

function columnsHelp(source: ImportSource): string {
  return Object.entries(SOURCE_COLUMNS[source])
    .map(([field, aliases]) => `${field}=${aliases[0]}`)
    .join(", ");
}

function reportLines(program: string, file: string, r: ImportReport, seconds: number): string[] {
  const head = r.applied
    ? `${program}: imported ${file} from ${r.source}`
    : `${program}: ${r.dryRun ? "dry run of" : "checked"} ${file} from ${r.source} (nothing applied)`;
  const lines = [
    head,
    `  rows              ${r.rows}`,
    `  members           ${r.members} (${r.newMembers} new)`,
    `  points            ${r.points}`,
    `  tiers kept        ${r.tiersSet}`,
    `  referral codes    ${r.referralCodes}`,
    `  already imported  ${r.alreadyImported}`,
    `  bad rows          ${r.errors.length}`,
  ];
  if (r.applied && seconds > 0) lines.push(`  rate              ${Math.round(r.rows / seconds)} rows/s (${seconds.toFixed(2)} s)`);
  return lines;
}

/** A bar on stderr while applying: for a person at a terminal, or when asked for. */
async function progressBar(io: Io, forced: boolean): Promise<{ update(done: number, total: number): void; stop(): void } | null> {
  if (!io.stderr.isTTY && !forced) return null;
  const { default: progress } = await import("cli-progress");
  const bar = new progress.SingleBar(
    {
      stream: io.stderr,
      format: "importing {bar} {value}/{total} members | {eta_formatted} left",
      hideCursor: true,
      clearOnComplete: Boolean(io.stderr.isTTY),
      noTTYOutput: forced,
      notTTYSchedule: 250,
    },
    progress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}
