import type { MemberView } from "../../store/members/members.ts";
import { type CommandSpec, flag, JSON_OUTPUT, SHOP, selectProgram, withEngine, writeLine } from "../context.ts";
import { MEMBER_COLUMNS, table } from "../format.ts";

export const membersListCommand: CommandSpec = {
  name: "members list",
  summary: "list a program's members",
  positionals: [],
  options: { ...SHOP, ...JSON_OUTPUT },
  description: "With --json: JSON lines, one member view per line (streamed).",
  run: ({ io, values, clock }) =>
    withEngine(io, async (engine) => {
      const key = await selectProgram(engine, values);
      const members = engine.members.list(key, clock());
      if (flag(values, "json")) {
        for await (const m of members) await writeLine(io.stdout, JSON.stringify(m));
        return 0;
      }
      const rows: MemberView[] = [];
      for await (const m of members) rows.push(m);
      if (rows.length === 0) await writeLine(io.stdout, `no members in ${key} yet`);
      else for (const line of table(rows, MEMBER_COLUMNS)) await writeLine(io.stdout, line);
      return 0;
    }),
};
