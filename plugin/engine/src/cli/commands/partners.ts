import {
  CliError,
  type CommandSpec,
  flag,
  JSON_OUTPUT,
  readSource,
  SHOP,
  selectProgram,
  stringOption,
  UsageError,
  withEngine,
  writeLine,
} from "../context.ts";

/** A whole file of codes is one import (one transaction); the API takes 10,000 at a time. */
const MAX_FILE_CODES = 1_000_000;

export const partnersImportCommand: CommandSpec = {
  name: "partners import",
  summary: "add perk codes (one per line) to a partner's pool",
  positionals: ["partner", "file"],
  options: { ...SHOP },
  description: [
    "Each non-blank line is one code (surrounding spaces are trimmed). Codes already in the pool are",
    "counted, not added twice, so the same file can be imported again. A line with a space inside or",
    `longer than 200 characters rejects the whole file. Up to ${MAX_FILE_CODES.toLocaleString("en")} codes; - reads standard input.`,
  ].join("\n"),
  async run({ io, values, positionals, clock }) {
    const [partner = "", file = "-"] = positionals;
    const codes = (await readSource(io, file)).replace(/^\uFEFF/, "").split(/\r?\n/);
    return withEngine(io, async (engine) => {
      const key = await selectProgram(engine, values);
      const done = await engine.partners.importCodes({
        program: key,
        partner,
        codes,
        actor: "cli",
        now: clock(),
        maxCodes: MAX_FILE_CODES,
      });
      if (!done.ok) throw new CliError(done.error.message, "issues" in done.error ? done.error.issues : []);
      const { added, alreadyThere } = done.value;
      const count = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "code" : "codes"}`;
      await writeLine(io.stdout, `${key}: ${partner}: added ${count(added)}, ${alreadyThere.toLocaleString("en")} already there`);
      return 0;
    });
  },
};

export const partnersReportCommand: CommandSpec = {
  name: "partners report",
  summary: "claims, amount due and codes left per partner for a period",
  positionals: [],
  options: {
    ...SHOP,
    ...JSON_OUTPUT,
    from: { type: "string", arg: "<instant>", help: "start of the period, inclusive (default: the start of this month, UTC)" },
    to: { type: "string", arg: "<instant>", help: "end of the period, exclusive (default: now)" },
  },
  description: "With --json: one JSON object per partner per line. Amounts are in minor units of the program's currency.",
  run: ({ io, values, clock }) =>
    withEngine(io, async (engine) => {
      const now = clock();
      const from = instantOption(values, "from") ?? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
      const to = instantOption(values, "to") ?? now;
      if (from >= to) throw new UsageError("--from must be before --to");
      const key = await selectProgram(engine, values);
      const report = await engine.partners.settlement({ program: key, from, to });
      if (!report.ok) throw new CliError(report.error.message);
      if (flag(values, "json")) {
        for (const row of report.value) await writeLine(io.stdout, JSON.stringify(row));
        return 0;
      }
      await writeLine(io.stdout, `${key}: partner claims from ${from.toISOString()} to ${to.toISOString()}`);
      if (report.value.length === 0) await writeLine(io.stdout, "no partners");
      for (const r of report.value)
        await writeLine(
          io.stdout,
          `${r.partner} (${r.name}): ${r.claimed} claimed × ${r.settlementPrice} = ${r.amountDue} ${r.currency} minor units due; ${r.codesLeft} of ${r.codesImported} codes left`,
        );
      return 0;
    }),
};

function instantOption(values: Record<string, string | boolean | undefined>, name: string): Date | undefined {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  const at = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(at.getTime()))
    throw new UsageError(`--${name} must be an ISO instant, e.g. 2026-11-01T00:00:00Z`);
  return at;
}
