import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import pg from "pg";

/** Benchmark sizes: full by default, small with --quick, each overridable from the environment. */
export interface Sizes {
  quick: boolean;
  sections: Set<Section>;
  pgEvents: number;
  pgCustomers: number;
  concurrency: number[];
  pgliteEvents: number;
  pgliteCustomers: number;
  profileEvents: number;
  afterBulkEvents: number;
  tierMembers: number;
  rolling: boolean;
  expiryLots: number;
  expiryMembers: number;
  importRows: number;
}

export type Section = "apply" | "pglite" | "profile" | "tiers" | "expiry" | "import";
const SECTIONS: Section[] = ["apply", "pglite", "profile", "tiers", "expiry", "import"];

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
  return n;
}

export function readSizes(argv: string[]): Sizes {
  const unknown = argv.filter((a) => a !== "--quick");
  if (unknown.length) throw new Error(`unknown arguments: ${unknown.join(" ")} (only --quick; sizes come from BENCH_* variables)`);
  const quick = argv.includes("--quick");
  const q = (full: number, small: number) => (quick ? small : full);
  const sections = (process.env.BENCH_SECTIONS ?? SECTIONS.join(","))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of sections)
    if (!SECTIONS.includes(s as Section)) throw new Error(`BENCH_SECTIONS: unknown section ${s} (${SECTIONS.join(", ")})`);
  const concurrency = (process.env.BENCH_CONCURRENCY ?? "8,16").split(",").map((s) => Number(s.trim()));
  if (concurrency.some((c) => !Number.isInteger(c) || c < 1 || c > 64))
    throw new Error("BENCH_CONCURRENCY: comma-separated integers 1..64");
  return {
    quick,
    sections: new Set(sections as Section[]),
    pgEvents: envInt("BENCH_PG_EVENTS", q(20_000, 1_000)),
    pgCustomers: Math.max(1, envInt("BENCH_PG_CUSTOMERS", q(5_000, 250))),
    concurrency,
    pgliteEvents: envInt("BENCH_PGLITE_EVENTS", q(5_000, 300)),
    pgliteCustomers: Math.max(1, envInt("BENCH_PGLITE_CUSTOMERS", q(1_250, 100))),
    profileEvents: envInt("BENCH_PROFILE_EVENTS", q(1_000, 100)),
    afterBulkEvents: envInt("BENCH_AFTER_BULK_EVENTS", q(2_000, 200)),
    tierMembers: envInt("BENCH_TIER_MEMBERS", q(1_000_000, 20_000)),
    rolling: envInt("BENCH_ROLLING", 1) === 1,
    expiryLots: envInt("BENCH_EXPIRY_LOTS", q(1_000_000, 20_000)),
    expiryMembers: Math.max(1, envInt("BENCH_EXPIRY_MEMBERS", q(250_000, 5_000))),
    importRows: envInt("BENCH_IMPORT_ROWS", q(100_000, 10_000)),
  };
}

/** The admin URL (loopback only) and a fresh database named after the run. */
export function adminUrl(): URL {
  const url = new URL(process.env.KINSHIP_BENCH_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) throw new Error(`the benchmark only talks to loopback, not ${url.hostname}`);
  return url;
}

export function databaseUrl(admin: URL, name: string): string {
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(admin: URL, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

/** A plain client on the bench database, for set-based loads and checks. */
export async function rawClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

export function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

/** Deterministic PRNG (mulberry32), so every run applies the same events. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

const BACKGROUND = ["checkpointer", "background writer", "walwriter", "autovacuum"];

/**
 * CPU seconds used by the local `postgres` processes that work for `database` (its backends and
 * autovacuum workers) and by the shared background processes, from /proc; null when unreadable.
 */
export function postgresCpuSeconds(database: string): number | null {
  try {
    let total = 0;
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      let cmdline: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      } catch {
        continue;
      }
      const close = stat.lastIndexOf(")");
      if (stat.slice(stat.indexOf("(") + 1, close) !== "postgres") continue;
      if (!cmdline.includes(database) && !BACKGROUND.some((b) => cmdline.includes(`: ${b}`))) continue;
      const fields = stat.slice(close + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) / USER_HZ;
    }
    return total;
  } catch {
    return null;
  }
}

const USER_HZ = 100;

/** Busy CPU seconds of the whole machine (all cores), from /proc/stat. */
function machineBusySeconds(): number | null {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
    return (user + nice + system + irq + softirq + steal) / USER_HZ;
  } catch {
    return null;
  }
}

export interface CpuUse {
  /** This process. */
  node: number;
  /** Postgres working for the bench database, with its shared background processes. */
  postgres: number | null;
  /** Everything else on the machine (other sessions, their databases): noise in the figures. */
  other: number | null;
  wallSeconds: number;
}

/** CPU used over a stretch of work, in seconds. */
export function cpuMeter(database: string): () => CpuUse {
  const node = process.cpuUsage();
  const pgStart = postgresCpuSeconds(database);
  const busyStart = machineBusySeconds();
  const start = performance.now();
  return () => {
    const used = process.cpuUsage(node);
    const pgEnd = postgresCpuSeconds(database);
    const busyEnd = machineBusySeconds();
    const nodeSeconds = (used.user + used.system) / 1e6;
    const postgres = pgStart === null || pgEnd === null ? null : Math.max(0, pgEnd - pgStart);
    return {
      node: nodeSeconds,
      postgres,
      other: busyStart === null || busyEnd === null ? null : Math.max(0, busyEnd - busyStart - nodeSeconds - (postgres ?? 0)),
      wallSeconds: (performance.now() - start) / 1000,
    };
  };
}

export function machineFacts(): { cores: number; cpu: string; memoryGb: number; node: string; platform: string } {
  const cpus = os.cpus();
  return {
    cores: os.availableParallelism(),
    cpu: cpus[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}
