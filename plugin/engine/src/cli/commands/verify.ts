import { CliError, type CommandSpec, stringOption, withEngine, writeLine } from "../context.ts";
import { table } from "../format.ts";

export const verifyCommand: CommandSpec = {
  name: "verify",
  summary: "check that the ledger adds up to the cached balances",
  positionals: [],
  options: { shop: { type: "string", arg: "<key>", help: "check one program (default: all programs)" } },
  description: "Exit 0 when every member's balances equal the sums of their ledger; 1 and every drift row otherwise.",
  run: ({ io, values }) =>
    withEngine(io, async (engine) => {
      const key = stringOption(values, "shop");
      if (key !== undefined) {
        const found = await engine.program(key);
        if (!found.ok) throw new CliError(found.error.message);
      }
      const drift = await engine.verify(key);
      if (drift.length === 0) {
        const members = await engine.members.count(key);
        await writeLine(io.stdout, `ledger OK: Σ entries = cached balances for ${members} members${key ? ` in ${key}` : ""}`);
        return 0;
      }
      const lines = table(drift, [
        { header: "PROGRAM", value: (d) => d.program },
        { header: "CUSTOMER", value: (d) => d.customerId },
        { header: "CHECK", value: (d) => d.check },
        { header: "CACHED", value: (d) => d.cached, right: true },
        { header: "LEDGER", value: (d) => d.ledger, right: true },
      ]);
      for (const line of lines) await writeLine(io.stdout, line);
      const members = new Set(drift.map((d) => `${d.program}\u0000${d.customerId}`)).size;
      throw new CliError(`ledger drift: ${drift.length} failed checks for ${members} members`);
    }),
};
