import { type CommandSpec, SHOP, selectProgram, withEngine, writeLine } from "../context.ts";

export const maintainCommand: CommandSpec = {
  name: "maintain",
  summary: "run scheduled work: mature pending points, expire points, review tiers",
  positionals: [],
  options: { ...SHOP },
  description: "Idempotent and resumable; run it from cron (e.g. hourly).",
  run: ({ io, values, clock }) =>
    withEngine(io, async (engine) => {
      const key = await selectProgram(engine, values);
      const now = clock();
      const m = await engine.maintain(key, now);
      const lines = [
        `maintained ${key} at ${now.toISOString()}`,
        `  matured      ${m.matured} lots`,
        `  expired      ${m.expired} lots`,
        `  brought up   ${m.perMember} members (debts, inactivity)`,
        `  tiers        ${m.tiers.members} members evaluated, ${m.tiers.changed} changed`,
        m.insight
          ? `  insight      ${m.insight.members} members scored, ${m.insight.changed} changed segment`
          : "  insight      already computed today",
      ];
      for (const line of lines) await writeLine(io.stdout, line);
      return 0;
    }),
};
