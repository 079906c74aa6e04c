import { type CommandSpec, withEngine, writeLine } from "../context.ts";

export const migrateCommand: CommandSpec = {
  name: "migrate",
  summary: "apply pending database migrations",
  positionals: [],
  options: {},
  description: "Creates or upgrades Kinship's tables. Every other command does this too, silently.",
  run: ({ io }) =>
    withEngine(
      io,
      async (engine, db) => {
        const { migrations } = await import("../../store/db/migrations/index.ts");
        const applied = await engine.host.migrate();
        await writeLine(io.stdout, `database: ${db.description}`);
        if (applied.length === 0) await writeLine(io.stdout, `up to date (${migrations.length} migrations applied earlier)`);
        else for (const id of applied) await writeLine(io.stdout, `applied ${id}`);
        return 0;
      },
      false,
    ),
};
