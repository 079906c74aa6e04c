import { type CommandSpec, flag, JSON_OUTPUT, withEngine, writeLine } from "../context.ts";
import { table } from "../format.ts";

export const programListCommand: CommandSpec = {
  name: "program list",
  summary: "list the programs",
  positionals: [],
  options: { ...JSON_OUTPUT },
  description: "With --json: one JSON object per line ({ key, platform, configVersion }).",
  run: ({ io, values }) =>
    withEngine(io, async (engine) => {
      const programs = await engine.programs.list();
      if (flag(values, "json")) {
        for (const p of programs) await writeLine(io.stdout, JSON.stringify(p));
        return 0;
      }
      if (programs.length === 0) {
        await writeLine(io.stdout, "no programs yet (kinship program create --shop <key>)");
        return 0;
      }
      const lines = table(programs, [
        { header: "PROGRAM", value: (p) => p.key },
        { header: "PLATFORM", value: (p) => p.platform },
        { header: "CONFIG VERSION", value: (p) => p.configVersion, right: true },
      ]);
      for (const line of lines) await writeLine(io.stdout, line);
      return 0;
    }),
};
