import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { inject } from "vitest";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const binDir = join(repoRoot, "node_modules", ".bin");

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Added to a clean environment (no DATABASE_URL, no KINSHIP_DATA_DIR). */
  env?: Record<string, string>;
  cwd?: string;
  stdin?: string;
}

/**
 * Runs the real `kinship` executable as `npx kinship` would: node_modules/.bin first on PATH, so
 * its `#!/usr/bin/env node` shebang finds the repo's Node 24 (vitest itself may run on an older one).
 */
export function kinship(args: string[], options: RunOptions = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${binDir}${delimiter}${process.env.PATH ?? ""}`, ...options.env };
  if (!options.env?.DATABASE_URL) delete env.DATABASE_URL;
  if (!options.env?.KINSHIP_DATA_DIR) delete env.KINSHIP_DATA_DIR;
  delete env.NODE_OPTIONS;
  return new Promise((resolve, reject) => {
    const child = spawn(join(binDir, "kinship"), args, { cwd: options.cwd ?? repoRoot, env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? "");
  });
}

/** A scratch folder, removed by the returned function. */
export async function tempDir(prefix = "kinship-cli-"): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export async function writeJsonLines(path: string, lines: (object | string)[]): Promise<string> {
  await writeFile(path, `${lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n")}\n`);
  return path;
}

/** JSON lines on stdout, each parsed (fails the test on a line that is not one JSON object). */
export function jsonLines(stdout: string): unknown[] {
  return stdout
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as unknown);
}

/** The counts of an `events apply` summary, e.g. { applied: 4, held: 1, ... }. */
export function summary(stdout: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of stdout.matchAll(/^ *(applied|held|ignored|duplicates|rejected) +(\d+)$/gm)) counts[m[1] ?? ""] = Number(m[2]);
  return counts;
}

/**
 * A Postgres database of its own, next to the run's (same server), for tests that need to know
 * every program in it or that damage the ledger on purpose. Dropped by the returned function.
 */
export async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const runUrl = inject("databaseUrl");
  const name = `kinship_cli_${process.pid}_${Date.now().toString(36)}`;
  await sqlOn(runUrl, `CREATE DATABASE ${name}`);
  const url = new URL(runUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => sqlOn(runUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Runs one SQL statement against a database URL. */
export async function sqlOn(url: string, text: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}
