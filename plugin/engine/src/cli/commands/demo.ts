import { defaultProgramConfig } from "../../core/config/default-program.ts";
import type { MemberView } from "../../store/members/members.ts";
import { applyBatch, summaryLines } from "../batch.ts";
import { CliError, type CommandSpec, withEngine, writeLine } from "../context.ts";
import { DEMO_CUSTOMERS, DEMO_PROGRAM, demoEvents } from "../demo-events.ts";
import { MEMBER_COLUMNS, table } from "../format.ts";

export const demoCommand: CommandSpec = {
  name: "demo",
  summary: `set up program ${DEMO_PROGRAM} with a few customers and orders`,
  positionals: [],
  options: {},
  description:
    "Migrates, creates the demo program when missing, applies the demo events (a rerun finds\nthem all applied already), runs maintenance and prints the members.",
  run: ({ io, clock }) =>
    withEngine(
      io,
      async (engine, db) => {
        const out = (line = "") => writeLine(io.stdout, line);
        await out(`database    ${db.description}`);
        const migrated = await engine.host.migrate();
        await out(`migrations  ${migrated.length ? `applied ${migrated.join(", ")}` : "up to date"}`);

        const now = clock();
        const existing = await engine.program(DEMO_PROGRAM);
        if (existing.ok) await out(`program     ${DEMO_PROGRAM} (exists, config version ${existing.value.configVersion})`);
        else {
          const created = await engine.createProgram({
            key: DEMO_PROGRAM,
            platform: "shopify",
            config: defaultProgramConfig("USD"),
            actor: "kinship demo",
            now,
          });
          if (!created.ok && created.error.code !== "ProgramExists") throw new CliError(created.error.message);
          await out(`program     ${DEMO_PROGRAM} (created: 1 point and 1 growth per $1; Silver at 500, Gold at 2000)`);
        }

        const events = demoEvents(now).map((input, i) => ({ line: i + 1, input }));
        const summary = await applyBatch(engine, DEMO_PROGRAM, events, clock);
        await out(`events      ${events.length} demo events and commands:`);
        for (const line of summaryLines(summary, "event")) await out(`  ${line}`);
        if (summary.rejected.length > 0) throw new CliError("the demo events were rejected; this is a bug");

        const m = await engine.maintain(DEMO_PROGRAM, clock());
        await out(
          `maintain    matured ${m.matured}, expired ${m.expired}, tiers: ${m.tiers.members} evaluated, ${m.tiers.changed} changed`,
        );
        await out();

        const members: MemberView[] = [];
        for await (const member of engine.members.list(DEMO_PROGRAM, clock())) members.push(member);
        for (const line of table(members, MEMBER_COLUMNS)) await out(line);
        await out();
        const shop = `--shop ${DEMO_PROGRAM}`;
        const tips: [string, string][] = [
          [`npx kinship member show ${DEMO_CUSTOMERS.grace} ${shop}`, "one member and their ledger"],
          [`npx kinship member show ${DEMO_CUSTOMERS.ada} ${shop} --json`, "the same as JSON"],
          [`npx kinship program show ${shop} > program.json`, "the program's config, to edit"],
          ["npx kinship events apply events.jsonl --shop <key>", "your own events, one JSON object per line"],
          ["npx kinship verify", "does the ledger add up to the balances?"],
          ["npx kinship --help", "every command"],
        ];
        const width = Math.max(...tips.map(([command]) => command.length));
        const next = ["What next:", ...tips.map(([command, why]) => `  ${command.padEnd(width)}  ${why}`)];
        if (db.dataDir) next.push("", `The data lives in ${db.dataDir}; set DATABASE_URL to use Postgres instead.`);
        for (const line of next) await out(line);
        return 0;
      },
      false,
    ),
};
