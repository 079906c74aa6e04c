import { CliError, type CommandSpec, flag, JSON_OUTPUT, SHOP, selectProgram, withEngine, writeLine } from "../context.ts";
import { memberSummary } from "../format.ts";

const LEDGER_LINES = 20;

export const memberShowCommand: CommandSpec = {
  name: "member show",
  summary: "show one member's points, growth, tier and recent ledger",
  positionals: ["customer-id"],
  options: { ...SHOP, ...JSON_OUTPUT },
  description: `With --json: one JSON object, the engine's member view. Otherwise a summary and the last ${LEDGER_LINES} ledger lines.`,
  run: ({ io, values, positionals, clock }) =>
    withEngine(io, async (engine) => {
      const customerId = positionals[0] ?? "";
      const key = await selectProgram(engine, values);
      const member = await engine.member(key, customerId, clock());
      if (!member.ok) throw new CliError(member.error.message);
      if (flag(values, "json")) {
        await writeLine(io.stdout, JSON.stringify(member.value));
        return 0;
      }
      const ledger = await engine.members.ledger(key, customerId, LEDGER_LINES);
      if (!ledger.ok) throw new CliError(ledger.error.message);
      for (const line of memberSummary(member.value, ledger.value)) await writeLine(io.stdout, line);
      return 0;
    }),
};
