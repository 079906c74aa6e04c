import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import {
  CliError,
  type CommandSpec,
  flag,
  JSON_OUTPUT,
  messageOf,
  SHOP,
  selectProgram,
  stringOption,
  UsageError,
  withEngine,
  writeLine,
} from "../context.ts";
import { table } from "../format.ts";

export const dataExportListCommand: CommandSpec = {
  name: "data-export list",
  summary: "list kept data exports (data requests and the owner's), newest first",
  positionals: [],
  options: {
    ...SHOP,
    ...JSON_OUTPUT,
    customer: { type: "string", arg: "<id>", help: "only this customer's" },
    first: { type: "string", arg: "<n>", help: "how many (default 50, at most 250)" },
  },
  run: ({ io, values }) =>
    withEngine(io, async (engine) => {
      const firstText = stringOption(values, "first") ?? "50";
      const first = Number(firstText);
      if (!/^\d+$/.test(firstText) || first < 1 || first > 250) throw new UsageError(`--first must be 1 to 250, not ${firstText}`);
      const key = await selectProgram(engine, values);
      const program = await engine.program(key);
      if (!program.ok) throw new CliError(program.error.message);
      const exports = await engine.compliance.exports(program.value.id, { customerId: stringOption(values, "customer") ?? null, first });
      if (flag(values, "json")) {
        for (const e of exports) await writeLine(io.stdout, JSON.stringify(e));
        return 0;
      }
      if (exports.length === 0) {
        await writeLine(io.stdout, `${key}: no data exports`);
        return 0;
      }
      const lines = table(exports, [
        { header: "ID", value: (e) => e.id, right: true },
        { header: "CUSTOMER", value: (e) => e.customerId },
        { header: "REQUEST", value: (e) => e.requestRef ?? "(owner)" },
        { header: "CREATED", value: (e) => e.createdAt },
      ]);
      for (const line of lines) await writeLine(io.stdout, line);
      return 0;
    }),
};

export const dataExportShowCommand: CommandSpec = {
  name: "data-export show",
  summary: "print one data export as JSON, or save it with --out",
  positionals: ["id"],
  options: { ...SHOP, out: { type: "string", arg: "<file.json>", help: "write the export to this file instead of printing it" } },
  description: "The export is what Kinship holds on the member: profile, ledger, orders, perks, referrals, membership, campaigns, insight.",
  run: ({ io, values, positionals }) =>
    withEngine(io, async (engine) => {
      const id = positionals[0] ?? "";
      if (!/^[1-9]\d{0,17}$/.test(id)) throw new UsageError(`expected an export id (a number), not ${JSON.stringify(id)}`);
      const key = await selectProgram(engine, values);
      const program = await engine.program(key);
      if (!program.ok) throw new CliError(program.error.message);
      const found = await engine.compliance.export(program.value.id, id);
      if (!found) throw new CliError(`${key}: no data export ${id}`, ["see `kinship data-export list`"]);
      const text = JSON.stringify(found, null, 2);
      const out = stringOption(values, "out");
      if (out === undefined) {
        await writeLine(io.stdout, text);
        return 0;
      }
      const path = resolve(io.cwd, out);
      try {
        await writeFile(path, `${text}\n`, { flag: "wx" });
      } catch (e) {
        throw new CliError(`cannot write ${out}: ${messageOf(e)}`, ["an existing file is never overwritten"]);
      }
      await writeLine(io.stdout, `${key}: data export ${id} of ${found.customerId} written to ${out}`);
      return 0;
    }),
};
