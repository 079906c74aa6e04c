import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Engine } from "../engine.ts";

/** Where a command reads and writes: the process in production, anything stream-like elsewhere. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/** A failure the user should read: printed as `kinship: <message>` (plus detail lines), then exit. */
export class CliError extends Error {
  readonly exitCode: number;
  readonly details: string[];
  constructor(message: string, details: string[] = [], exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
    this.details = details;
  }
}

/** Wrong arguments: exit 2 and the command's usage. */
export class UsageError extends CliError {
  constructor(message: string, details: string[] = []) {
    super(message, details, 2);
  }
}

export interface OptionSpec {
  type: "string" | "boolean";
  /** The argument's placeholder in usage, e.g. `<key>`. */
  arg?: string;
  short?: string;
  help: string;
}

export type Values = Record<string, string | boolean | undefined>;

/** A shop's currency and time zone, read from the shop itself (Shopify's `shop { currencyCode ianaTimezone }`). */
export type ShopSettingsReader = (shop: string, accessToken: string) => Promise<{ currency: string; timezone: string }>;

/**
 * What a host gives the CLI that the engine cannot do itself. The engine talks to no platform:
 * the Shopify app's `kinship-shopify` passes its Admin API shop query here.
 */
export interface CliServices {
  shopSettings?: ShopSettingsReader;
}

export interface CommandInput {
  io: Io;
  values: Values;
  positionals: string[];
  /** "Now": the --at instant when given, else the clock. */
  clock: () => Date;
  services: CliServices;
}

export interface CommandSpec {
  /** One or two words: `migrate`, `program create`. */
  name: string;
  summary: string;
  /** Positional arguments, all required, e.g. `customer-id`. */
  positionals: string[];
  options: Record<string, OptionSpec>;
  /** Extra lines for `--help`. */
  description?: string;
  run(input: CommandInput): Promise<number>;
}

export const SHOP: Record<string, OptionSpec> = {
  shop: { type: "string", arg: "<key>", help: "program key (may be omitted when exactly one program exists)" },
};
export const JSON_OUTPUT: Record<string, OptionSpec> = {
  json: { type: "boolean", help: "machine-readable output" },
};

export function stringOption(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" ? v : undefined;
}

export function flag(values: Values, name: string): boolean {
  return values[name] === true;
}

/** Writes a line, waiting when the pipe is full so large listings do not pile up in memory. */
export async function writeLine(stream: NodeJS.WritableStream, line: string): Promise<void> {
  if (stream.write(`${line}\n`)) return;
  await new Promise<void>((done) => stream.once("drain", done));
}

export interface DatabaseChoice {
  databaseUrl?: string;
  dataDir?: string;
  /** For humans: which database this is (passwords hidden). */
  description: string;
}

/** DATABASE_URL when set, else embedded PGlite in KINSHIP_DATA_DIR or ./.kinship/pglite. */
export function chooseDatabase(io: Io): DatabaseChoice {
  const url = io.env.DATABASE_URL?.trim();
  if (url) return { databaseUrl: url, description: `Postgres ${redact(url)}` };
  const dataDir = resolve(io.cwd, io.env.KINSHIP_DATA_DIR?.trim() || ".kinship/pglite");
  return { dataDir, description: `PGlite ${dataDir}` };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(DATABASE_URL)";
  }
}

/** Opens the engine (migrating unless told not to), runs `fn`, and always closes it. */
export async function withEngine<T>(io: Io, fn: (engine: Engine, db: DatabaseChoice) => Promise<T>, migrate = true): Promise<T> {
  const choice = chooseDatabase(io);
  let engine: Engine;
  try {
    if (choice.dataDir) mkdirSync(choice.dataDir, { recursive: true });
    // Loaded here, not at the top, so `--help` and usage errors answer without loading the engine.
    const { openEngine } = await import("../engine.ts");
    // Shop tokens are sealed with KINSHIP_TOKEN_KEY (`shops connect` refuses a token without it).
    const tokenKey = io.env.KINSHIP_TOKEN_KEY?.trim() || undefined;
    engine = await openEngine({ databaseUrl: choice.databaseUrl, dataDir: choice.dataDir, max: 2, migrate, tokenKey });
  } catch (e) {
    throw new CliError(`cannot open ${choice.description}: ${messageOf(e)}`);
  }
  try {
    return await fn(engine, choice);
  } finally {
    await engine.close();
  }
}

export function messageOf(e: unknown): string {
  if (e instanceof AggregateError && e.errors.length > 0) return e.errors.map(messageOf).join("; ");
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

const LISTED = 30;

/** The program a command works on: --shop, or the only program there is. */
export async function selectProgram(engine: Engine, values: Values): Promise<string> {
  const shop = stringOption(values, "shop");
  if (shop !== undefined) {
    const found = await engine.program(shop);
    if (!found.ok) throw new CliError(found.error.message, ["see `kinship program list`"]);
    return shop;
  }
  const programs = await engine.programs.list();
  const only = programs.length === 1 ? programs[0] : undefined;
  if (only) return only.key;
  if (programs.length === 0) throw new UsageError("no programs yet: create one with `kinship program create --shop <key>`");
  const listed = programs.slice(0, LISTED).map((p) => p.key);
  if (programs.length > LISTED) listed.push(`… and ${programs.length - LISTED} more (kinship program list)`);
  throw new UsageError(`${programs.length} programs exist; choose one with --shop <key>:`, listed);
}

/** A file's text, or standard input's for `-`. */
export async function readSource(io: Io, file: string): Promise<string> {
  if (file === "-") {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString("utf8");
  }
  try {
    return await readFile(resolve(io.cwd, file), "utf8");
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${messageOf(e)}`);
  }
}
