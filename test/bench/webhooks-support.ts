/**
 * Processes, CPU accounting, queue clean-up and inbox checks for the webhook benchmark.
 */
import { type ChildProcess, fork, spawn } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import Bull from "bull";
import type pg from "pg";
import { postgresCpuSeconds } from "./support.ts";

const ROOT = new URL("../../", import.meta.url);
const NODE_ARGS = ["--disable-warning=ExperimentalWarning"];
const USER_HZ = 100;

export function loopbackRedis(): string {
  const url = new URL(process.env.KINSHIP_BENCH_REDIS_URL ?? "redis://127.0.0.1:6379");
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname))
    throw new Error(`the benchmark only talks to loopback, not ${url.hostname}`);
  return url.toString();
}

/** Only the environment a child needs: no stray DATABASE_URL or REDIS_URL from the caller. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const keep = ["PATH", "HOME", "TMPDIR", "LANG", "TZ", "NODE_OPTIONS", "KINSHIP_WORKER_GROUP", "KINSHIP_WORKER_GROUPS"];
  const env: NodeJS.ProcessEnv = {};
  for (const k of keep) if (process.env[k] !== undefined) env[k] = process.env[k];
  return { ...env, ...extra };
}

export interface Child {
  pid: number;
  logFile: string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
  /** CPU seconds used so far (user + system), from /proc; null once it has exited. */
  cpu(): number | null;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

function wrap(child: ChildProcess, logFile: string, stopSignal: () => void): Child {
  const pid = child.pid;
  if (pid === undefined) throw new Error("child process did not start");
  let stopping: Promise<number | null> | null = null;
  return {
    pid,
    logFile,
    cpu: () => procCpuSeconds(pid),
    stop(graceMs = 15_000) {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
        stopSignal();
        const code = await Promise.race([exited(child), sleep(graceMs).then(() => "timeout" as const)]);
        if (code !== "timeout") return code;
        child.kill("SIGKILL");
        return exited(child);
      })();
      return stopping;
    },
  };
}

export function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

export interface ServerChild extends Child {
  url: string;
}

/**
 * startApp() in a child process (test/bench/webhooks-server.ts, or another script that speaks the
 * same IPC: { ready: url }, then "stop"); resolves once it listens.
 */
export async function startServerChild(
  env: Record<string, string>,
  logFile: string,
  cpuProfDir?: string,
  script = "test/bench/webhooks-server.ts",
): Promise<ServerChild> {
  const fd = openSync(logFile, "a");
  const execArgv = [...NODE_ARGS, ...(cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfDir}`] : [])];
  const child = fork(new URL(script, ROOT), [], {
    execArgv,
    env: childEnv({ ...env, PORT: "0", HOST: "127.0.0.1", KINSHIP_WORKER: env.KINSHIP_WORKER ?? "off" }),
    stdio: ["ignore", fd, fd, "ipc"],
  });
  closeSync(fd);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${tail(logFile)}`)), 60_000);
    child.once("message", (m: { ready?: string }) => {
      clearTimeout(timer);
      if (m.ready) resolve(m.ready);
      else reject(new Error(`unexpected message from the server: ${JSON.stringify(m)}`));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${tail(logFile)}`));
    });
  });
  const wrapped = wrap(child, logFile, () => {
    if (child.connected) child.send("stop");
    else child.kill("SIGTERM");
  });
  return { ...wrapped, url };
}

/** One plugin/app/bin/kinship-worker.js process; resolves once it logged "kinship-worker ready". */
export async function startWorkerChild(env: Record<string, string>, logFile: string, cpuProfDir?: string): Promise<Child> {
  const fd = openSync(logFile, "a");
  const prof = cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfDir}`] : [];
  const child = spawn(process.execPath, [...NODE_ARGS, ...prof, new URL("plugin/app/bin/kinship-worker.js", ROOT).pathname], {
    env: childEnv(env),
    stdio: ["ignore", fd, fd],
  });
  closeSync(fd);
  const worker = wrap(child, logFile, () => child.kill("SIGTERM"));
  const start = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}:\n${tail(logFile)}`);
    const log = readFileSync(logFile, "utf8");
    if (log.includes(`"pid":${worker.pid}`) && log.includes("kinship-worker ready")) return worker;
    if (Date.now() - start > 60_000) {
      await worker.stop(1_000);
      throw new Error(`worker not ready after 60 s:\n${tail(logFile)}`);
    }
    await sleep(20);
  }
}

/** CPU seconds (user + system) of one process, from /proc/<pid>/stat. */
export function procCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  } catch {
    return null;
  }
}

/** Pids of local processes with this command name (/proc/<pid>/comm). */
export function pidsNamed(name: string): number[] {
  const out: number[] = [];
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() === name) out.push(Number(pid));
    } catch {}
  }
  return out;
}

function machineBusySeconds(): number | null {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
    return (user + nice + system + irq + softirq + steal) / USER_HZ;
  } catch {
    return null;
  }
}

/** CPU seconds per part over a stretch of work; `other` is the rest of the machine (noise). */
export interface PhaseCpu {
  wallSeconds: number;
  loadgen: number;
  server: number | null;
  workers: number | null;
  postgres: number | null;
  redis: number | null;
  other: number | null;
}

/**
 * Starts a CPU meter. Children are read while alive: call the returned function before stopping
 * them. Children started after the meter count from their start.
 */
export function cpuMeter(database: string, children: () => { server?: Child | null; workers?: Child[] }): () => PhaseCpu {
  const redisPids = pidsNamed("redis-server");
  const redisCpu = () => (redisPids.length ? redisPids.reduce((s, p) => s + (procCpuSeconds(p) ?? 0), 0) : null);
  const childCpu = () => {
    const c = children();
    return {
      server: c.server ? c.server.cpu() : null,
      workers: c.workers?.length ? c.workers.reduce((s, w) => s + (w.cpu() ?? 0), 0) : null,
    };
  };
  const start = {
    self: process.cpuUsage(),
    children: childCpu(),
    pg: postgresCpuSeconds(database),
    redis: redisCpu(),
    busy: machineBusySeconds(),
    at: performance.now(),
  };
  return () => {
    const self = process.cpuUsage(start.self);
    const loadgen = (self.user + self.system) / 1e6;
    const c = childCpu();
    const diff = (end: number | null, begin: number | null) => (end === null ? null : Math.max(0, end - (begin ?? 0)));
    const pgEnd = postgresCpuSeconds(database);
    const redisEnd = redisCpu();
    const busyEnd = machineBusySeconds();
    const parts: PhaseCpu = {
      wallSeconds: (performance.now() - start.at) / 1000,
      loadgen,
      server: diff(c.server, start.children.server),
      workers: diff(c.workers, start.children.workers),
      postgres: pgEnd === null || start.pg === null ? null : Math.max(0, pgEnd - start.pg),
      redis: redisEnd === null || start.redis === null ? null : Math.max(0, redisEnd - start.redis),
      other: null,
    };
    if (busyEnd !== null && start.busy !== null) {
      const known = loadgen + (parts.server ?? 0) + (parts.workers ?? 0) + (parts.postgres ?? 0) + (parts.redis ?? 0);
      parts.other = Math.max(0, busyEnd - start.busy - known);
    }
    return parts;
  };
}

/** Job counts of a bull queue, then every `bull:<name>:*` key removed (and its workers' clock schedule, `<name>-maintain`); resolves to the counts and keys left. */
export async function removeQueue(redisUrl: string, name: string): Promise<{ counts: Record<string, number>; keysLeft: number }> {
  const queue = new Bull(name, redisUrl);
  try {
    await queue.isReady();
    const counts = { ...(await queue.getJobCounts()) } as Record<string, number>;
    await queue.obliterate({ force: true });
    let keysLeft = 0;
    for (const pattern of [`bull:${name}:*`, `bull:${name}-maintain:*`]) {
      let cursor = "0";
      do {
        const [next, keys] = await queue.client.scan(cursor, "MATCH", pattern, "COUNT", 1000);
        cursor = next;
        if (keys.length) await queue.client.del(...keys);
      } while (cursor !== "0");
      keysLeft += (await queue.client.keys(pattern)).length;
    }
    return { counts, keysLeft };
  } finally {
    await queue.close();
  }
}

export type InboxStatusCounts = Record<"queued" | "applied" | "ignored" | "dead", number>;

export async function inboxStatus(client: pg.Client, program: string): Promise<InboxStatusCounts> {
  const r = await client.query<{ status: keyof InboxStatusCounts; n: string }>(
    "SELECT status, count(*) AS n FROM kinship_inbox WHERE program_key = $1 GROUP BY status",
    [program],
  );
  const out: InboxStatusCounts = { queued: 0, applied: 0, ignored: 0, dead: 0 };
  for (const row of r.rows) out[row.status] = Number(row.n);
  return out;
}

/**
 * Polls the inbox until nothing of `program` is queued. Fails if nothing moved for `stallMs`.
 * Resolves to when (performance.now()) the last poll saw it drained.
 */
export async function waitDrained(client: pg.Client, program: string, stallMs: number, everyMs = 100): Promise<number> {
  let last = Number.POSITIVE_INFINITY;
  let lastMove = performance.now();
  for (;;) {
    // Only the queued rows, through their partial index: a poll that scanned the whole inbox would
    // add its own Postgres CPU to the phase it measures.
    const r = await client.query<{ n: string }>("SELECT count(*) AS n FROM kinship_inbox WHERE status = 'queued' AND program_key = $1", [
      program,
    ]);
    const queued = Number(r.rows[0]?.n ?? 0);
    const now = performance.now();
    if (queued === 0) return now;
    if (queued < last) {
      last = queued;
      lastMove = now;
    } else if (now - lastMove > stallMs) throw new Error(`inbox of ${program} stalled at ${queued} queued for ${stallMs / 1000} s`);
    await sleep(everyMs);
  }
}

/**
 * Waits until the program's inbox stops growing: requests cut off when autocannon stops a timed
 * run are still being handled by the server. Resolves to the row count.
 */
export async function waitSettled(client: pg.Client, program: string, quietMs = 500, maxMs = 15_000): Promise<number> {
  const start = performance.now();
  let last = -1;
  let since = start;
  for (;;) {
    const r = await client.query<{ n: string }>("SELECT count(*) AS n FROM kinship_inbox WHERE program_key = $1", [program]);
    const n = Number(r.rows[0]?.n ?? 0);
    const now = performance.now();
    if (n !== last) {
      last = n;
      since = now;
    } else if (now - since >= quietMs || now - start > maxMs) return n;
    await sleep(50);
  }
}

export interface LedgerCheck {
  statuses: InboxStatusCounts;
  members: number;
  points: number;
  growth: number;
  /** First and last processed_at of the program's inbox rows: the apply window seen by the database. */
  firstProcessed: Date | null;
  lastProcessed: Date | null;
  firstReceived: Date | null;
  lastReceived: Date | null;
}

export async function ledgerCheck(client: pg.Client, program: string): Promise<LedgerCheck> {
  const statuses = await inboxStatus(client, program);
  const m = await client.query<{ members: string; points: string | null; growth: string | null }>(
    `SELECT count(*) AS members, sum(m.available + m.pending) AS points, sum(m.growth) AS growth
       FROM kinship_member m JOIN kinship_program p ON p.id = m.program_id WHERE p.key = $1`,
    [program],
  );
  const t = await client.query<{ fp: Date | null; lp: Date | null; fr: Date | null; lr: Date | null }>(
    `SELECT min(processed_at) AS fp, max(processed_at) AS lp, min(received_at) AS fr, max(received_at) AS lr
       FROM kinship_inbox WHERE program_key = $1`,
    [program],
  );
  const row = m.rows[0];
  const times = t.rows[0];
  return {
    statuses,
    members: Number(row?.members ?? 0),
    points: Number(row?.points ?? 0),
    growth: Number(row?.growth ?? 0),
    firstProcessed: times?.fp ?? null,
    lastProcessed: times?.lp ?? null,
    firstReceived: times?.fr ?? null,
    lastReceived: times?.lr ?? null,
  };
}
