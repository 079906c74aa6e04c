import { readFileSync } from "node:fs";
import { type ParseArgsOptionsConfig, parseArgs } from "node:util";
import { apikeyCreateCommand } from "./commands/apikey-create.ts";
import { catalogImportCommand } from "./commands/catalog-import.ts";
import { dataExportListCommand, dataExportShowCommand } from "./commands/data-export.ts";
import { demoCommand } from "./commands/demo.ts";
import { dlqListCommand, dlqReplayCommand } from "./commands/dlq.ts";
import { eventsApplyCommand } from "./commands/events-apply.ts";
import { importCommand } from "./commands/import.ts";
import { maintainCommand } from "./commands/maintain.ts";
import { memberShowCommand } from "./commands/member-show.ts";
import { membersListCommand } from "./commands/members-list.ts";
import { migrateCommand } from "./commands/migrate.ts";
import { partnersImportCommand, partnersReportCommand } from "./commands/partners.ts";
import { programCreateCommand } from "./commands/program-create.ts";
import { programListCommand } from "./commands/program-list.ts";
import { programSecretCommand } from "./commands/program-secret.ts";
import { programShowCommand } from "./commands/program-show.ts";
import { reportFinanceCommand } from "./commands/report-finance.ts";
import { shopsConnectCommand } from "./commands/shops-connect.ts";
import { verifyCommand } from "./commands/verify.ts";
import { webhooksAddCommand, webhooksDeliveriesCommand, webhooksListCommand, webhooksReplayCommand } from "./commands/webhooks.ts";
import {
  CliError,
  type CliServices,
  type CommandSpec,
  type Io,
  messageOf,
  type OptionSpec,
  processIo,
  UsageError,
  type Values,
} from "./context.ts";

export type { CliServices, Io, ShopSettingsReader } from "./context.ts";

export const COMMANDS: readonly CommandSpec[] = [
  migrateCommand,
  programCreateCommand,
  programShowCommand,
  programListCommand,
  programSecretCommand,
  shopsConnectCommand,
  memberShowCommand,
  membersListCommand,
  dataExportListCommand,
  dataExportShowCommand,
  eventsApplyCommand,
  catalogImportCommand,
  importCommand,
  partnersImportCommand,
  partnersReportCommand,
  reportFinanceCommand,
  apikeyCreateCommand,
  maintainCommand,
  verifyCommand,
  dlqListCommand,
  dlqReplayCommand,
  webhooksListCommand,
  webhooksAddCommand,
  webhooksDeliveriesCommand,
  webhooksReplayCommand,
  demoCommand,
];

/** Options every command takes. */
const COMMON: Record<string, OptionSpec> = {
  at: { type: "string", arg: "<instant>", help: 'ISO instant to use as "now", e.g. 2026-11-01T00:00:00Z (default: the clock)' },
  help: { type: "boolean", short: "h", help: "show this help" },
};

/** Other spellings that reach the same command. */
const ALIASES: Record<string, string> = { "member list": "members list", "members show": "member show", "programs list": "program list" };

/**
 * Runs the CLI; resolves to the exit code (0 ok, 1 failure or drift, 2 usage). Never throws.
 * `services`: what a host adds (the Shopify app's shop query for `shops connect`).
 */
export async function main(argv: readonly string[], io: Io = processIo(), services: CliServices = {}): Promise<number> {
  let command: CommandSpec | undefined;
  try {
    const found = findCommand(argv, io);
    if (typeof found === "number") return found;
    command = found.command;
    return await runCommand(found.command, found.rest, io, services);
  } catch (e) {
    return report(e, io, command);
  }
}

type Found = { command: CommandSpec; rest: string[] } | number;

function findCommand(argv: readonly string[], io: Io): Found {
  const [first, second] = argv;
  if (first === undefined) {
    io.stderr.write(topUsage());
    return 2;
  }
  if (first === "--help" || first === "-h" || first === "help") {
    const wanted = first === "help" ? argv.slice(1) : [];
    const command = wanted.length ? lookup(wanted) : undefined;
    io.stdout.write(
      command ? commandUsage(command.command) : wanted.length && isGroup(wanted[0]) ? groupUsage(wanted[0] ?? "") : topUsage(),
    );
    return 0;
  }
  if (first === "--version" || first === "-v") {
    io.stdout.write(`kinship ${version()}\n`);
    return 0;
  }
  const found = lookup(argv);
  if (found) return found;
  if (isGroup(first)) {
    if (second === undefined || second === "--help" || second === "-h") {
      (second ? io.stdout : io.stderr).write(groupUsage(first));
      return second ? 0 : 2;
    }
    throw new UsageError(`unknown command "${first} ${second}"`, [groupUsage(first).trimEnd()]);
  }
  throw new UsageError(`unknown command "${first}"`, [topUsage().trimEnd()]);
}

function lookup(argv: readonly string[]): { command: CommandSpec; rest: string[] } | undefined {
  const [first, second] = argv;
  const two = `${first} ${second}`;
  const byTwo = COMMANDS.find((c) => c.name === (ALIASES[two] ?? two));
  if (second !== undefined && byTwo) return { command: byTwo, rest: argv.slice(2) };
  const byOne = COMMANDS.find((c) => c.name === first);
  if (byOne) return { command: byOne, rest: argv.slice(1) };
  return undefined;
}

function isGroup(word: string | undefined): boolean {
  return COMMANDS.some((c) => c.name.startsWith(`${word} `));
}

async function runCommand(command: CommandSpec, rest: string[], io: Io, services: CliServices): Promise<number> {
  const beforeDashes = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
  if (beforeDashes.includes("--help") || beforeDashes.includes("-h")) {
    io.stdout.write(commandUsage(command));
    return 0;
  }
  const specs = { ...command.options, ...COMMON };
  const options: ParseArgsOptionsConfig = {};
  for (const [name, spec] of Object.entries(specs))
    options[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] };
  } catch (e) {
    throw new UsageError(messageOf(e).replace(/\. To specify a positional argument.*$/s, ""));
  }
  const { values, positionals } = parsed;
  const names = command.positionals;
  if (positionals.length < names.length) throw new UsageError(`missing <${names[positionals.length]}>`);
  if (positionals.length > names.length) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[names.length])}`);
  for (const [name, spec] of Object.entries(specs))
    if (spec.type === "string" && values[name] === "") throw new UsageError(`--${name} needs a value`);
  const at = typeof values.at === "string" ? parseInstant(values.at) : undefined;
  const clock = at ? () => at : () => new Date();
  return command.run({ io, values, positionals, clock, services });
}

/** A date (midnight UTC) or a date-time with its zone: never the machine's local time. */
function parseInstant(text: string): Date {
  const at = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(text) || Number.isNaN(at.getTime()))
    throw new UsageError(`--at needs an ISO instant with a zone, such as 2026-11-01T00:00:00Z, not ${JSON.stringify(text)}`);
  return at;
}

function report(e: unknown, io: Io, command: CommandSpec | undefined): number {
  const error = e instanceof CliError ? e : new CliError(messageOf(e));
  const lines = [`kinship: ${error.message}`, ...error.details.map((d) => `  ${d.replaceAll("\n", "\n  ")}`)];
  if (error instanceof UsageError && command) lines.push(`usage: ${synopsis(command)}`, `(see kinship ${command.name} --help)`);
  if (!(e instanceof CliError) && e instanceof Error && io.env.KINSHIP_DEBUG) lines.push(e.stack ?? "");
  io.stderr.write(`${lines.join("\n")}\n`);
  return error.exitCode;
}

function synopsis(command: CommandSpec): string {
  const args = command.positionals.map((p) => `<${p}>`);
  const required = command.name === "program create" || command.name === "apikey create" ? new Set(["shop"]) : new Set<string>();
  const opts = Object.entries(command.options).map(([name, spec]) => {
    const text = `--${name}${spec.arg ? ` ${spec.arg}` : ""}`;
    return required.has(name) ? text : `[${text}]`;
  });
  return ["kinship", command.name, ...args, ...opts, "[--at <instant>]"].join(" ");
}

export function commandUsage(command: CommandSpec): string {
  const lines = [`Usage: ${synopsis(command)}`, "", `${capitalize(command.summary)}.`];
  if (command.description) lines.push("", command.description);
  const entries = Object.entries({ ...command.options, ...COMMON }).map(([name, spec]) => {
    const left = `${spec.short ? `-${spec.short}, ` : ""}--${name}${spec.arg ? ` ${spec.arg}` : ""}`;
    return [left, spec.help] as const;
  });
  const width = Math.max(...entries.map(([left]) => left.length));
  lines.push("", "Options:", ...entries.map(([left, help]) => `  ${left.padEnd(width)}  ${help}`));
  return `${lines.join("\n")}\n`;
}

function listing(commands: readonly CommandSpec[]): string[] {
  const width = Math.max(...commands.map((c) => c.name.length));
  return commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
}

function groupUsage(group: string): string {
  const commands = COMMANDS.filter((c) => c.name.startsWith(`${group} `));
  return `${[`Usage: kinship ${group} <command> [options]`, "", "Commands:", ...listing(commands), "", `Run \`kinship ${group} <command> --help\` for details.`].join("\n")}\n`;
}

export function topUsage(): string {
  return `${[
    "Usage: kinship <command> [options]",
    "",
    "Kinship loyalty engine: programs, members, points, growth and tiers.",
    "",
    "Commands:",
    ...listing(COMMANDS),
    "",
    "Database: DATABASE_URL (Postgres) when set, else embedded PGlite in ./.kinship/pglite",
    "(or KINSHIP_DATA_DIR). --shop <key> picks the program; it may be omitted when only one exists.",
    'Every command takes --at <instant> to fix "now", and --help.',
    "Exit codes: 0 ok, 1 failure (or ledger drift), 2 usage error.",
  ].join("\n")}\n`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string }).version ?? "?";
  } catch {
    return "?";
  }
}
