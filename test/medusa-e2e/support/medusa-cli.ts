import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/** The test store: a Medusa 2.x project with @kinship/medusa in its plugins (test/medusa). */
export const STORE_DIR = fileURLToPath(new URL("../../medusa/", import.meta.url));
const CLI = createRequire(import.meta.url).resolve("@medusajs/cli/cli.js");

export interface CliRun {
  code: number | null;
  output: string;
}

/** Runs `medusa <args>` in the test store (on this Node, the pinned 24) and collects its output. */
export function medusa(args: string[], env: Record<string, string>, timeoutMs = 180_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: STORE_DIR,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`medusa ${args.join(" ")} did not finish in ${timeoutMs} ms:\n${output.slice(-4000)}`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Like `medusa`, but fails with the command's output when it exits non-zero. */
export async function medusaOk(args: string[], env: Record<string, string>, timeoutMs?: number): Promise<string> {
  const run = await medusa(args, env, timeoutMs);
  if (run.code !== 0) throw new Error(`medusa ${args.join(" ")} exited ${run.code}:\n${run.output.slice(-6000)}`);
  return run.output;
}

/** Starts `medusa start` and resolves once /health answers; `stop()` ends it (SIGTERM, then SIGKILL). */
export async function startMedusa(
  env: Record<string, string>,
  port: number,
  timeoutMs = 240_000,
): Promise<{ url: string; log: () => string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [CLI, "start"], {
    cwd: STORE_DIR,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://localhost:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill("SIGTERM");
    });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`medusa start exited ${child.exitCode}:\n${output.slice(-6000)}`);
    const up = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, log: () => output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`medusa start did not answer /health within ${timeoutMs} ms:\n${output.slice(-6000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
