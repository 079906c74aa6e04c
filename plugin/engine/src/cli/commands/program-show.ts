import { CliError, type CommandSpec, SHOP, selectProgram, withEngine, writeLine } from "../context.ts";

export const programShowCommand: CommandSpec = {
  name: "program show",
  summary: "print a program's config as JSON",
  positionals: [],
  options: { ...SHOP },
  description: "The output is a valid --config file for `kinship program create`.",
  run: ({ io, values }) =>
    withEngine(io, async (engine) => {
      const key = await selectProgram(engine, values);
      const program = await engine.program(key);
      if (!program.ok) throw new CliError(program.error.message);
      await writeLine(io.stdout, JSON.stringify(program.value.config, null, 2));
      return 0;
    }),
};
