/**
 * Webhook benchmark: `npm run bench:webhooks [-- --quick]`.
 *
 *   1. intake: POST /webhooks/shopify with valid signed orders/paid deliveries (distinct event and
 *      order ids) from autocannon, worker off: requests/s, latency, non-2xx;
 *   2. end to end: N orders posted, then kinship-worker process(es) started: orders/s from the
 *      inbox to the ledger, then verify() and the points total;
 *   3. mixed: the worker(s) running while N more orders are posted: intake figures under load and
 *      orders/s from the first request to the last ledger write;
 *   4. a stage profile: each step of intake and worker timed alone, in this process;
 *   5. the floor: the same load on a bare node:http server that only checks the HMAC and parses,
 *      and the inbox insert alone on Postgres (test/bench/webhooks-floor.ts): a lower bound on the
 *      CPU any intake that stores each delivery needs here, hence a bound on its rate.
 *
 * The server is `startApp()` (what `npm start` runs: buildServer, Postgres, bull on Redis) in a
 * child process (test/bench/webhooks-server.ts), so the load generator, which signs every request,
 * does not share its event loop; the workers are plugin/app/bin/kinship-worker.js processes. All on
 * loopback: its own database (kinship_bench_wh_<timestamp>, dropped at the end) and its own bull
 * queues (kinship-bench-wh-<timestamp>-<phase>, removed at the end).
 *
 * Sizes: BENCH_WH_SECONDS (intake run, 15; --quick 3), BENCH_WH_CONNECTIONS (50),
 * BENCH_WH_ORDERS (10000; --quick 500), BENCH_WH_CUSTOMERS (orders / 4), BENCH_WH_WORKERS
 * (processes x concurrency per end-to-end run, comma-separated, "1x64"; KINSHIP_WORKER_GROUP and
 * KINSHIP_WORKER_GROUPS, if set, reach the workers), BENCH_WH_MIXED (1|0),
 * BENCH_WH_PROFILE_CALLS (1000; --quick 100), BENCH_WH_LOG_LEVEL (the server's and workers' level,
 * "info" as in production; logs go to files under the OS temp directory, removed unless a phase
 * failed or BENCH_WH_KEEP_LOGS is set), BENCH_WH_CPU_PROF (a directory: the intake server runs with --cpu-prof into it),
 * BENCH_WH_SECTIONS (intake,e2e,mixed,profile,floor); KINSHIP_BENCH_PG_ADMIN_URL, KINSHIP_BENCH_REDIS_URL.
 * Prints a table, then one JSON line with every figure. Exits 1 if a check failed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import type { Engine } from "../../plugin/engine/src/index.ts";
import { connectShop } from "../../plugin/engine/src/store/index.ts";
import { dbOf, openEngineOwningDb } from "../support/engine-db.ts";
import { adminQuery, adminUrl, databaseUrl, fmt, log, machineFacts, rawClient, table } from "./support.ts";
import { type FloorRun, runFloor } from "./webhooks-floor.ts";
import { BODY_BYTES, type LoadResult, POINTS_PER_ORDER, postOrders, postOrdersPaced } from "./webhooks-load.ts";
import { profileStages, type Stage } from "./webhooks-profile.ts";
import {
  type Child,
  cpuMeter,
  type LedgerCheck,
  ledgerCheck,
  loopbackRedis,
  type PhaseCpu,
  removeQueue,
  type ServerChild,
  startServerChild,
  startWorkerChild,
  waitDrained,
  waitSettled,
} from "./webhooks-support.ts";

const GOAL_INTAKE_PER_SECOND = 2_000;
const GOAL_INTAKE_P99_MS = 50;
const GOAL_E2E_PER_SECOND = 1_000;
const SECRET = "bench-shopify-api-secret";

type Section = "intake" | "e2e" | "mixed" | "profile" | "floor";
const SECTIONS: Section[] = ["intake", "e2e", "mixed", "profile", "floor"];

interface WorkerSetup {
  processes: number;
  concurrency: number;
}

interface Sizes {
  quick: boolean;
  sections: Section[];
  seconds: number;
  warmupSeconds: number;
  connections: number;
  orders: number;
  customers: number;
  workers: WorkerSetup[];
  profileCalls: number;
  logLevel: string;
  cpuProf: string | null;
}

function envInt(name: string, fallback: number, min = 0): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got ${JSON.stringify(raw)}`);
  return n;
}

function readSizes(argv: string[]): Sizes {
  const unknown = argv.filter((a) => a !== "--quick");
  if (unknown.length) throw new Error(`unknown arguments: ${unknown.join(" ")} (only --quick; sizes come from BENCH_WH_* variables)`);
  const quick = argv.includes("--quick");
  const q = (full: number, small: number) => (quick ? small : full);
  const sections = (process.env.BENCH_WH_SECTIONS ?? SECTIONS.join(","))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of sections)
    if (!SECTIONS.includes(s as Section)) throw new Error(`BENCH_WH_SECTIONS: unknown section ${s} (${SECTIONS.join(", ")})`);
  const mixed = envInt("BENCH_WH_MIXED", 1) === 1;
  const workers = (process.env.BENCH_WH_WORKERS ?? "1x64").split(",").map((w) => {
    const m = /^\s*(\d+)\s*x\s*(\d+)\s*$/.exec(w);
    const processes = Number(m?.[1]);
    const concurrency = Number(m?.[2]);
    if (!m || processes < 1 || processes > 8 || concurrency < 1 || concurrency > 256)
      throw new Error(`BENCH_WH_WORKERS: "processes x concurrency" items like 1x64,2x32 (1..8 x 1..256), got ${JSON.stringify(w)}`);
    return { processes, concurrency };
  });
  const orders = envInt("BENCH_WH_ORDERS", q(10_000, 500), 1);
  const level = process.env.BENCH_WH_LOG_LEVEL ?? "info";
  if (!["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(level)) throw new Error(`BENCH_WH_LOG_LEVEL: ${level}?`);
  return {
    quick,
    sections: (sections as Section[]).filter((s) => s !== "mixed" || mixed),
    seconds: envInt("BENCH_WH_SECONDS", q(15, 3), 1),
    warmupSeconds: q(3, 1),
    connections: envInt("BENCH_WH_CONNECTIONS", 50, 1),
    orders,
    customers: envInt("BENCH_WH_CUSTOMERS", Math.max(1, Math.floor(orders / 4)), 1),
    workers,
    profileCalls: envInt("BENCH_WH_PROFILE_CALLS", q(1_000, 100), 1),
    logLevel: level,
    cpuProf: process.env.BENCH_WH_CPU_PROF || null,
  };
}

interface IntakeRun {
  shop: string;
  warmup: LoadResult;
  run: LoadResult;
  /** At half the rate the run reached: the latency of a load this machine keeps up with. */
  paced: LoadResult | null;
  inboxRows: number;
  queue: Record<string, number>;
  cpu: PhaseCpu;
}

interface E2eRun {
  label: string;
  shop: string;
  processes: number;
  concurrency: number;
  orders: number;
  post: LoadResult;
  postCpu: PhaseCpu;
  /** Worker spawn → every row applied (includes process start). */
  wallSeconds: number;
  /** Worker spawn → first row applied (process start, migration check, queue connect). */
  startSeconds: number;
  /** First row applied → last row applied (processed_at): the figure judged against the goal. */
  applySeconds: number;
  perSecond: number;
  perSecondWithStart: number;
  applyCpu: PhaseCpu;
  check: LedgerCheck;
  drift: number;
  verifySeconds: number;
  queue: Record<string, number>;
}

interface MixedRun {
  label: string;
  shop: string;
  processes: number;
  concurrency: number;
  orders: number;
  post: LoadResult;
  /** Rows still queued when the last response came back. */
  backlogAfterPosting: number;
  /** First request → last row applied (its processed_at). */
  seconds: number;
  perSecond: number;
  cpu: PhaseCpu;
  check: LedgerCheck;
  drift: number;
  queue: Record<string, number>;
}

interface Results {
  machine: ReturnType<typeof machineFacts> & { postgres: string; redis: string; postgresSettings: Record<string, string> };
  database: string;
  queuePrefix: string;
  sizes: Sizes;
  bodyBytes: number;
  serverMode: string;
  intake: IntakeRun | null;
  e2e: E2eRun[];
  mixed: MixedRun | null;
  profile: Stage[] | null;
  floor: FloorRun | null;
  queues: { name: string; counts: Record<string, number>; keysLeft: number }[];
  logs: string | null;
  failures: string[];
}

interface Context {
  sizes: Sizes;
  url: string;
  database: string;
  redisUrl: string;
  queuePrefix: string;
  stamp: number;
  logDir: string;
  engine: Engine;
  client: pg.Client;
  results: Results;
  /** Everything started, for the finally. */
  children: Set<Child>;
  queues: Set<string>;
}

async function main(): Promise<number> {
  const sizes = readSizes(process.argv.slice(2));
  const admin = adminUrl();
  const redisUrl = loopbackRedis();
  const stamp = Date.now();
  const database = `kinship_bench_wh_${stamp}`;
  const url = databaseUrl(admin, database);
  const queuePrefix = `kinship-bench-wh-${stamp}`;

  const settings = await adminQuery(
    admin,
    `SELECT version() AS version, name, setting, unit FROM pg_settings
     WHERE name IN ('shared_buffers', 'synchronous_commit', 'fsync', 'max_connections', 'max_wal_size')`,
  );
  const unit = (setting: string, u: string | null) => (u === "8kB" ? `${(Number(setting) * 8) / 1024}MB` : u ? `${setting}${u}` : setting);
  const results: Results = {
    machine: {
      ...machineFacts(),
      postgres: String(settings.rows[0]?.version ?? "unknown").split(" on ")[0] ?? "unknown",
      redis: "unknown",
      postgresSettings: Object.fromEntries(settings.rows.map((r) => [r.name, unit(r.setting, r.unit)])),
    },
    database,
    queuePrefix,
    sizes,
    bodyBytes: BODY_BYTES,
    serverMode: "child process: startApp() (npm start) with KINSHIP_WORKER=off; workers: plugin/app/bin/kinship-worker.js processes",
    intake: null,
    e2e: [],
    mixed: null,
    profile: null,
    floor: null,
    queues: [],
    logs: null,
    failures: [],
  };

  log(`creating database ${database}`);
  await adminQuery(admin, `CREATE DATABASE ${database}`);
  const logDir = mkdtempSync(path.join(os.tmpdir(), "kinship-bench-wh-"));
  const children = new Set<Child>();
  const queues = new Set<string>();
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await Promise.all([...children].map((c) => c.stop(5_000).catch(() => null)));
    for (const name of queues) {
      try {
        results.queues.push({ name, ...(await removeQueue(redisUrl, name)) });
      } catch (e) {
        results.failures.push(`queue ${name}: clean-up failed: ${String(e)}`);
      }
    }
    await adminQuery(admin, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    log(`dropped database ${database}; removed ${queues.size} queue(s)`);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping children, removing queues, dropping ${database}`);
    cleanup().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  let engine: Engine | null = null;
  let client: pg.Client | null = null;
  try {
    engine = await openEngineOwningDb({ databaseUrl: url, max: 4 });
    client = await rawClient(url);
    const redisInfo = await redisVersion(redisUrl);
    results.machine.redis = redisInfo;
    const ctx: Context = { sizes, url, database, redisUrl, queuePrefix, stamp, logDir, engine, client, results, children, queues };
    if (sizes.sections.includes("intake")) await runIntake(ctx);
    if (sizes.sections.includes("e2e")) for (const w of sizes.workers) await runEndToEnd(ctx, w);
    if (sizes.sections.includes("mixed")) await runMixed(ctx, sizes.workers[0] ?? { processes: 1, concurrency: 64 });
    if (sizes.sections.includes("profile")) {
      log(`profile: ${fmt(sizes.profileCalls)} calls per stage, one at a time, in this process`);
      const name = `${queuePrefix}-profile`;
      queues.add(name);
      results.profile = await profileStages(engine, url, redisUrl, name, `profile-${stamp}.myshopify.com`, sizes.profileCalls);
    }
    if (sizes.sections.includes("floor"))
      results.floor = await runFloor({
        engine,
        database,
        logDir,
        secret: SECRET,
        shop: `floor-${stamp}.myshopify.com`,
        seconds: Math.min(sizes.seconds, 10),
        connections: sizes.connections,
        customers: sizes.customers,
        checkpoint: () => checkpoint(ctx),
      });
  } catch (e) {
    results.failures.push(`benchmark stopped: ${e instanceof Error ? e.message : String(e)}`);
    log(`FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  } finally {
    await client?.end().catch(() => undefined);
    await engine?.close().catch(() => undefined);
    await cleanup();
  }
  for (const q of results.queues) if (q.keysLeft) results.failures.push(`queue ${q.name}: ${q.keysLeft} Redis keys left`);
  if (results.failures.length) results.logs = logDir;
  else if (!process.env.BENCH_WH_KEEP_LOGS) rmSync(logDir, { recursive: true, force: true });

  printReport(results);
  return results.failures.length ? 1 : 0;
}

async function redisVersion(redisUrl: string): Promise<string> {
  const { default: Bull } = await import("bull");
  const q = new Bull("kinship-bench-wh-info", redisUrl);
  try {
    const info = String(await q.client.info("server"));
    return `Redis ${/redis_version:(\S+)/.exec(info)?.[1] ?? "unknown"}`;
  } finally {
    await q.close();
  }
}

async function newShop(ctx: Context, name: string): Promise<string> {
  const domain = `${name}-${ctx.stamp}.myshopify.com`;
  const r = await connectShop(dbOf(ctx.engine), domain, null, new Date());
  if (!r.ok) throw new Error(r.error.message);
  return domain;
}

function serverEnv(ctx: Context, queue: string): Record<string, string> {
  return {
    DATABASE_URL: ctx.url,
    REDIS_URL: ctx.redisUrl,
    KINSHIP_QUEUE_NAME: queue,
    SHOPIFY_API_KEY: "bench-key",
    SHOPIFY_API_SECRET: SECRET,
    LOG_LEVEL: ctx.sizes.logLevel,
  };
}

async function startServer(ctx: Context, phase: string, cpuProf = false): Promise<{ server: ServerChild; queue: string }> {
  const queue = `${ctx.queuePrefix}-${phase}`;
  ctx.queues.add(queue);
  const server = await startServerChild(
    serverEnv(ctx, queue),
    path.join(ctx.logDir, `server-${phase}.log`),
    cpuProf ? (ctx.sizes.cpuProf ?? undefined) : undefined,
  );
  ctx.children.add(server);
  return { server, queue };
}

async function stopChild(ctx: Context, child: Child, what: string): Promise<void> {
  const code = await child.stop();
  ctx.children.delete(child);
  if (code !== 0) ctx.results.failures.push(`${what} exited with ${code} (log ${child.logFile})`);
}

async function startWorkers(ctx: Context, setup: WorkerSetup, queue: string, phase: string, cpuProf = false): Promise<Child[]> {
  const env = {
    DATABASE_URL: ctx.url,
    REDIS_URL: ctx.redisUrl,
    KINSHIP_QUEUE_NAME: queue,
    KINSHIP_WORKER_CONCURRENCY: String(setup.concurrency),
  };
  const workers = await Promise.all(
    Array.from({ length: setup.processes }, (_, i) =>
      startWorkerChild(env, path.join(ctx.logDir, `worker-${phase}-${i}.log`), cpuProf ? (ctx.sizes.cpuProf ?? undefined) : undefined),
    ),
  );
  for (const w of workers) ctx.children.add(w);
  return workers;
}

function loadFailures(ctx: Context, what: string, r: LoadResult): void {
  if (r.non2xx || r.errors || r.timeouts)
    ctx.results.failures.push(
      `${what}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts (${JSON.stringify(r.statusCodes)})`,
    );
  const odd = Object.entries(r.outcomes).filter(([k]) => k !== "queued");
  if (odd.length) ctx.results.failures.push(`${what}: answers other than "queued": ${JSON.stringify(Object.fromEntries(odd))}`);
}

async function runIntake(ctx: Context): Promise<void> {
  const { sizes, client } = ctx;
  const shop = await newShop(ctx, "intake");
  const { server, queue } = await startServer(ctx, "intake", true);
  const load = { url: server.url, secret: SECRET, shop, customers: sizes.customers, connections: sizes.connections };
  log(`intake: warm-up ${sizes.warmupSeconds} s, ${sizes.connections} connections (server pid ${server.pid}, queue ${queue})`);
  const warmup = await postOrders({ ...load, batch: 0, seconds: sizes.warmupSeconds });
  await waitSettled(client, shop);
  log(`intake: ${sizes.seconds} s of signed orders/paid, ${sizes.connections} connections, worker off`);
  await checkpoint(ctx);
  const meter = cpuMeter(ctx.database, () => ({ server }));
  const run = await postOrders({ ...load, batch: 1, seconds: sizes.seconds });
  const cpu = meter();
  log(`  ${fmt(run.perSecond)} req/s, p50 ${fmt(run.latencyMs.p50)} ms, p99 ${fmt(run.latencyMs.p99)} ms, ${run.non2xx} non-2xx`);
  await waitSettled(client, shop);
  const rate = Math.max(10, Math.round(run.perSecond / 2 / 10) * 10);
  log(`intake: paced at ${fmt(rate)} req/s for ${Math.ceil(sizes.seconds / 2)} s`);
  const paced = await postOrdersPaced({
    ...load,
    batch: 4,
    seconds: Math.ceil(sizes.seconds / 2),
    warmupSeconds: sizes.warmupSeconds,
    rate,
  });
  log(`  p50 ${fmt(paced.latencyMs.p50)} ms, p99 ${fmt(paced.latencyMs.p99)} ms at ${fmt(paced.perSecond)} req/s`);
  // The requests autocannon cut off at the end are still being handled: let them finish first
  // (stopping the server under them makes startApp's close() fail, see the report).
  const inboxRows = await waitSettled(client, shop);
  await stopChild(ctx, server, "intake server");
  const removed = await removeQueue(ctx.redisUrl, queue);
  ctx.queues.delete(queue);
  ctx.results.queues.push({ name: queue, ...removed });
  ctx.results.intake = { shop, warmup, run, paced, inboxRows, queue: removed.counts, cpu };
  loadFailures(ctx, "intake warm-up", warmup);
  loadFailures(ctx, "intake", run);
  loadFailures(ctx, "intake paced", paced);
  const answered = warmup.ok + run.ok + paced.ok;
  // Requests cut off when a timed run stops may have been stored without their answer being
  // counted; none can be stored that was not built.
  const built = warmup.built + run.built + paced.built;
  if (inboxRows < answered || inboxRows > built)
    ctx.results.failures.push(`intake: ${fmt(inboxRows)} inbox rows for ${fmt(answered)} 2xx answers and ${fmt(built)} requests built`);
  if ((removed.counts.waiting ?? 0) !== inboxRows)
    ctx.results.failures.push(`intake: ${fmt(inboxRows)} inbox rows but ${fmt(removed.counts.waiting ?? 0)} jobs waiting in bull`);
  // These deliveries are never applied: out of the way of the next phases.
  await client.query("DELETE FROM kinship_inbox WHERE program_key = $1", [shop]);
  await client.query("VACUUM ANALYZE kinship_inbox");
}

/**
 * Each measured phase starts just after a checkpoint: otherwise one that falls inside a phase
 * (pages written whole to the WAL again, the flush itself) makes that phase alone slower.
 */
async function checkpoint(ctx: Context): Promise<void> {
  await ctx.client.query("CHECKPOINT");
}

async function runEndToEnd(ctx: Context, setup: WorkerSetup): Promise<void> {
  const { sizes, client } = ctx;
  const label = `${setup.processes}x${setup.concurrency}`;
  const shop = await newShop(ctx, `e2e-${label}`);
  const { server, queue } = await startServer(ctx, `e2e-${label}`);
  log(`end to end ${label}: posting ${fmt(sizes.orders)} orders over ${fmt(sizes.customers)} customers, worker off`);
  await checkpoint(ctx);
  const postMeter = cpuMeter(ctx.database, () => ({ server }));
  const post = await postOrders({
    url: server.url,
    secret: SECRET,
    shop,
    batch: 2,
    customers: sizes.customers,
    connections: sizes.connections,
    amount: sizes.orders,
  });
  const postCpu = postMeter();
  await stopChild(ctx, server, `e2e ${label} server`);
  loadFailures(ctx, `e2e ${label} posting`, post);
  log(
    `  posted at ${fmt(post.perSecond)} req/s (p99 ${fmt(post.latencyMs.p99)} ms); starting ${setup.processes} worker(s) × ${setup.concurrency}`,
  );

  await checkpoint(ctx);
  let workers: Child[] = [];
  const applyMeter = cpuMeter(ctx.database, () => ({ workers }));
  const spawnedAt = performance.now();
  const spawnedWall = Date.now();
  workers = await startWorkers(ctx, setup, queue, `e2e-${label}`, ctx.results.e2e.length === 0);
  const drainedAt = await waitDrained(client, shop, 60_000);
  const drainedWall = Date.now();
  const applyCpu = applyMeter();
  for (const [i, w] of workers.entries()) await stopChild(ctx, w, `e2e ${label} worker ${i}`);
  const check = await ledgerCheck(client, shop);
  const verifyStart = performance.now();
  const drift = (await ctx.engine.verify(shop)).length;
  const verifySeconds = (performance.now() - verifyStart) / 1000;
  const removed = await removeQueue(ctx.redisUrl, queue);
  ctx.queues.delete(queue);
  ctx.results.queues.push({ name: queue, ...removed });

  const wallSeconds = (drainedAt - spawnedAt) / 1000;
  // The apply window as the database saw it: first to last processed_at (set by the worker when it settles a row).
  const firstApplied = check.firstProcessed?.getTime() ?? spawnedWall;
  const lastApplied = check.lastProcessed?.getTime() ?? drainedWall;
  const startSeconds = Math.max(0, (firstApplied - spawnedWall) / 1000);
  const applySeconds = Math.max(0.001, (lastApplied - firstApplied) / 1000);
  const applied = check.statuses.applied;
  const run: E2eRun = {
    label,
    shop,
    ...setup,
    orders: sizes.orders,
    post,
    postCpu,
    wallSeconds,
    startSeconds,
    applySeconds,
    perSecond: applied / applySeconds,
    perSecondWithStart: applied / wallSeconds,
    applyCpu,
    check,
    drift,
    verifySeconds,
    queue: removed.counts,
  };
  ctx.results.e2e.push(run);
  log(`  ${fmt(run.perSecond)} orders/s applying (${fmt(run.perSecondWithStart)} with worker start), verify ${drift} drift`);
  checkLedger(ctx, `e2e ${label}`, check, post.ok, drift, removed.counts);
}

async function runMixed(ctx: Context, setup: WorkerSetup): Promise<void> {
  const { sizes, client } = ctx;
  const label = `${setup.processes}x${setup.concurrency}`;
  const shop = await newShop(ctx, `mixed-${label}`);
  const { server, queue } = await startServer(ctx, `mixed-${label}`);
  const workers = await startWorkers(ctx, setup, queue, `mixed-${label}`);
  log(`mixed ${label}: posting ${fmt(sizes.orders)} orders while ${setup.processes} worker(s) × ${setup.concurrency} apply them`);
  await checkpoint(ctx);
  const meter = cpuMeter(ctx.database, () => ({ server, workers }));
  const startWall = Date.now();
  const post = await postOrders({
    url: server.url,
    secret: SECRET,
    shop,
    batch: 3,
    customers: sizes.customers,
    connections: sizes.connections,
    amount: sizes.orders,
  });
  const backlog = (
    await client.query<{ n: string }>("SELECT count(*) AS n FROM kinship_inbox WHERE program_key = $1 AND status = 'queued'", [shop])
  ).rows[0]?.n;
  await waitDrained(client, shop, 60_000);
  const drainedWall = Date.now();
  const cpu = meter();
  await stopChild(ctx, server, `mixed ${label} server`);
  for (const [i, w] of workers.entries()) await stopChild(ctx, w, `mixed ${label} worker ${i}`);
  const check = await ledgerCheck(client, shop);
  const drift = (await ctx.engine.verify(shop)).length;
  const removed = await removeQueue(ctx.redisUrl, queue);
  ctx.queues.delete(queue);
  ctx.results.queues.push({ name: queue, ...removed });
  // First request to the last processed_at the worker wrote.
  const seconds = Math.max(0.001, ((check.lastProcessed?.getTime() ?? drainedWall) - startWall) / 1000);
  ctx.results.mixed = {
    label,
    shop,
    ...setup,
    orders: sizes.orders,
    post,
    backlogAfterPosting: Number(backlog ?? 0),
    seconds,
    perSecond: check.statuses.applied / seconds,
    cpu,
    check,
    drift,
    queue: removed.counts,
  };
  loadFailures(ctx, `mixed ${label} posting`, post);
  log(`  intake ${fmt(post.perSecond)} req/s (p99 ${fmt(post.latencyMs.p99)} ms); ${fmt(ctx.results.mixed.perSecond)} orders/s end to end`);
  checkLedger(ctx, `mixed ${label}`, check, post.ok, drift, removed.counts);
}

function checkLedger(ctx: Context, what: string, c: LedgerCheck, posted: number, drift: number, queue: Record<string, number>): void {
  const f = ctx.results.failures;
  const s = c.statuses;
  if (s.applied !== posted || s.queued || s.ignored || s.dead)
    f.push(`${what}: inbox ${JSON.stringify(s)} for ${posted} accepted deliveries (all should be applied)`);
  if (drift) f.push(`${what}: verify found ${drift} drifts`);
  const expected = POINTS_PER_ORDER * s.applied;
  if (c.points !== expected || c.growth !== expected)
    f.push(
      `${what}: ${fmt(c.points)} points and ${fmt(c.growth)} growth in the ledger, expected ${fmt(expected)} (${POINTS_PER_ORDER} × ${s.applied})`,
    );
  const customers = Math.min(ctx.sizes.customers, posted);
  if (c.members !== customers) f.push(`${what}: ${c.members} members, expected ${customers}`);
  if (queue.failed) f.push(`${what}: ${queue.failed} failed jobs in the queue`);
}

/** The headline figures, first in the JSON line. */
function figures(r: Results) {
  const e = r.e2e[0];
  const phases = [r.intake?.cpu, ...r.e2e.flatMap((x) => [x.postCpu, x.applyCpu]), r.mixed?.cpu].filter((c): c is PhaseCpu => !!c);
  const otherShare = phases.map((c) => (c.other === null ? 0 : c.other / (c.wallSeconds * r.machine.cores)));
  const intake = r.intake?.run;
  return {
    intakeReqPerSecond: intake ? Math.round(intake.perSecond) : null,
    intakeP50Ms: intake?.latencyMs.p50 ?? null,
    intakeP99Ms: intake?.latencyMs.p99 ?? null,
    intakeNon2xx: intake ? intake.non2xx + (r.intake?.warmup.non2xx ?? 0) + (r.intake?.paced?.non2xx ?? 0) : null,
    intakePacedReqPerSecond: r.intake?.paced ? Math.round(r.intake.paced.perSecond) : null,
    intakePacedP99Ms: r.intake?.paced?.latencyMs.p99 ?? null,
    e2eWorkers: e?.label ?? null,
    e2eEventsPerSecond: e ? Math.round(e.perSecond) : null,
    e2eEventsPerSecondWithStart: e ? Math.round(e.perSecondWithStart) : null,
    e2eDrift: e?.drift ?? null,
    mixedIntakeReqPerSecond: r.mixed ? Math.round(r.mixed.post.perSecond) : null,
    mixedEventsPerSecond: r.mixed ? Math.round(r.mixed.perSecond) : null,
    goals: {
      intake: intake
        ? intake.perSecond >= GOAL_INTAKE_PER_SECOND && intake.latencyMs.p99 <= GOAL_INTAKE_P99_MS && intake.non2xx === 0
        : null,
      e2e: e ? e.perSecond >= GOAL_E2E_PER_SECOND : null,
      mixed: r.mixed ? r.mixed.perSecond >= GOAL_E2E_PER_SECOND : null,
    },
    /** The largest share of the machine other processes used during a phase: above ~10 % the figures are depressed. */
    maxOtherLoadPercent: Math.round(100 * Math.max(0, ...otherShare)),
    floor: r.floor ? floorBound(r.floor, r.machine.cores) : null,
    failures: r.failures.length,
  };
}

/** CPU ms per request of the least intake that stores each delivery, and the rate that bounds. */
function floorBound(f: FloorRun, cores: number) {
  const n = f.bare.load.responses;
  const serverMs = ((f.bare.cpu.server ?? 0) / n) * 1000;
  const loadgenMs = (f.bare.cpu.loadgen / n) * 1000;
  const postgresMs = ((f.postgres.cpu.postgres ?? 0) / f.postgres.rows) * 1000;
  const totalMs = serverMs + loadgenMs + postgresMs;
  return {
    bareReqPerSecond: Math.round(f.bare.load.perSecond),
    bareP99Ms: f.bare.load.latencyMs.p99,
    postgresDeliveriesPerSecond: Math.round(f.postgres.perSecond),
    serverMs,
    loadgenMs,
    postgresMs,
    totalMs,
    boundReqPerSecond: Math.round((cores * 1000) / totalMs),
  };
}

function printReport(r: Results): void {
  const m = r.machine;
  const s = r.sizes;
  const out: string[] = [];
  out.push("");
  out.push(`Kinship webhook benchmark${s.quick ? " (--quick)" : ""} — ${new Date().toISOString()}`);
  out.push(`machine: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, ${m.platform}`);
  out.push(
    `node ${m.node}; ${m.postgres}; ${m.redis}; ${Object.entries(m.postgresSettings)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}`,
  );
  out.push(
    `database ${r.database} (dropped); queues ${r.queuePrefix}-* (removed); body ${fmt(r.bodyBytes)} bytes; log level ${s.logLevel}`,
  );
  out.push(`server: ${r.serverMode}; load: autocannon in the parent process, HMAC per request`);
  out.push("");

  const rows: string[][] = [];
  const lat = (l: LoadResult) => `${fmt(l.latencyMs.p50)} / ${fmt(l.latencyMs.p99)}`;
  const intakeOk = (l: LoadResult) => l.perSecond >= GOAL_INTAKE_PER_SECOND && l.latencyMs.p99 <= GOAL_INTAKE_P99_MS && l.non2xx === 0;
  if (r.intake) {
    const l = r.intake.run;
    rows.push([
      `intake, worker off, ${l.connections} conn`,
      `${fmt(l.seconds, 1)} s, ${fmt(l.ok)} req`,
      `${fmt(l.perSecond)} req/s`,
      lat(l),
      String(l.non2xx),
      `≥ ${fmt(GOAL_INTAKE_PER_SECOND)} req/s, p99 ≤ ${GOAL_INTAKE_P99_MS} ms`,
      intakeOk(l) ? "ok" : "MISSED",
    ]);
    const p = r.intake.paced;
    if (p)
      rows.push([
        "  same, paced at half that rate",
        `${fmt(p.seconds, 1)} s, ${fmt(p.ok)} req`,
        `${fmt(p.perSecond)} req/s`,
        lat(p),
        String(p.non2xx),
        `p99 ≤ ${GOAL_INTAKE_P99_MS} ms`,
        p.latencyMs.p99 <= GOAL_INTAKE_P99_MS && p.non2xx === 0 ? "ok" : "MISSED",
      ]);
  }
  for (const e of r.e2e) {
    rows.push([
      `  posting for e2e ${e.label}`,
      `${fmt(e.post.seconds, 1)} s, ${fmt(e.post.ok)} req`,
      `${fmt(e.post.perSecond)} req/s`,
      lat(e.post),
      String(e.post.non2xx),
      "(intake, again)",
      intakeOk(e.post) ? "ok" : "MISSED",
    ]);
    rows.push([
      `end to end, worker ${e.label}, applying`,
      `${fmt(e.applySeconds, 2)} s, ${fmt(e.check.statuses.applied)} orders`,
      `${fmt(e.perSecond)} ev/s`,
      "-",
      "-",
      `≥ ${fmt(GOAL_E2E_PER_SECOND)} ev/s`,
      e.perSecond >= GOAL_E2E_PER_SECOND ? "ok" : "MISSED",
    ]);
    rows.push(["  same, from worker spawn", `${fmt(e.wallSeconds, 2)} s`, `${fmt(e.perSecondWithStart)} ev/s`, "-", "-", "-", "-"]);
  }
  if (r.mixed) {
    const x = r.mixed;
    rows.push([
      `mixed ${x.label}: intake while applying`,
      `${fmt(x.post.seconds, 1)} s, ${fmt(x.post.ok)} req`,
      `${fmt(x.post.perSecond)} req/s`,
      lat(x.post),
      String(x.post.non2xx),
      "-",
      x.post.non2xx ? "NON-2XX" : "-",
    ]);
    rows.push([
      `mixed ${x.label}: HTTP → ledger`,
      `${fmt(x.seconds, 2)} s, ${fmt(x.check.statuses.applied)} orders`,
      `${fmt(x.perSecond)} ev/s`,
      "-",
      "-",
      `≥ ${fmt(GOAL_E2E_PER_SECOND)} ev/s`,
      x.perSecond >= GOAL_E2E_PER_SECOND ? "ok" : "MISSED",
    ]);
  }
  out.push(table(["benchmark", "size", "rate", "p50 / p99 ms", "non-2xx", "goal", "result"], rows));
  out.push("");

  const cores = m.cores;
  const per = (v: number | null, n: number) => (v === null ? "n/a" : fmt((v / n) * 1000, 2));
  const busy = (c: PhaseCpu) => {
    const total = c.loadgen + (c.server ?? 0) + (c.workers ?? 0) + (c.postgres ?? 0) + (c.redis ?? 0) + (c.other ?? 0);
    return `${fmt((100 * total) / (c.wallSeconds * cores))} %`;
  };
  const cpuRows: string[][] = [];
  // What the machine could do if it did nothing else: cores over the known CPU per delivery.
  const ceiling = (c: PhaseCpu, n: number) => {
    const known = c.loadgen + (c.server ?? 0) + (c.workers ?? 0) + (c.postgres ?? 0) + (c.redis ?? 0);
    return known > 0 ? `${fmt((cores * n) / known)}/s` : "n/a";
  };
  const cpuRow = (what: string, c: PhaseCpu, n: number) =>
    cpuRows.push([
      what,
      fmt(n),
      per(c.server, n),
      per(c.workers, n),
      per(c.postgres, n),
      per(c.redis, n),
      per(c.loadgen, n),
      per(c.other, n),
      busy(c),
      ceiling(c, n),
    ]);
  if (r.intake) cpuRow("intake", r.intake.cpu, r.intake.run.responses);
  for (const e of r.e2e) {
    cpuRow(`e2e ${e.label}: posting`, e.postCpu, e.post.responses);
    cpuRow(`e2e ${e.label}: applying (incl. start)`, e.applyCpu, e.check.statuses.applied);
  }
  if (r.mixed) cpuRow(`mixed ${r.mixed.label}`, r.mixed.cpu, r.mixed.check.statuses.applied);
  if (cpuRows.length) {
    out.push("CPU ms per delivery, by process (other = the rest of the machine: other sessions, noise):");
    out.push(
      table(["phase", "deliveries", "server", "workers", "postgres", "redis", "load gen", "other", "machine busy", "ceiling"], cpuRows),
    );
    out.push(`ceiling: ${cores} cores ÷ the CPU per delivery of server + workers + postgres + redis + load gen (no other load)`);
    if (r.intake?.cpu.server)
      out.push(
        `intake server event loop: ${fmt((r.intake.cpu.server / r.intake.run.responses) * 1000, 2)} ms CPU per request, ` +
          `so one server process tops out near ${fmt(r.intake.run.responses / r.intake.cpu.server)} req/s on a core of its own`,
      );
    out.push("");
  }

  const lRows: string[][] = [];
  const lRow = (what: string, l: LoadResult) =>
    lRows.push([
      what,
      fmt(l.latencyMs.mean, 1),
      fmt(l.latencyMs.p50),
      fmt(l.latencyMs.p90),
      fmt(l.latencyMs.p99),
      fmt(l.latencyMs.p99_9),
      fmt(l.latencyMs.max),
      `${l.errors} / ${l.timeouts}`,
      Object.entries(l.outcomes)
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(", "),
    ]);
  if (r.intake) {
    lRow("intake warm-up", r.intake.warmup);
    lRow("intake", r.intake.run);
    if (r.intake.paced) lRow("intake paced", r.intake.paced);
  }
  for (const e of r.e2e) lRow(`e2e ${e.label} posting`, e.post);
  if (r.mixed) lRow(`mixed ${r.mixed.label} posting`, r.mixed.post);
  if (lRows.length) {
    out.push("latency (ms) and answers:");
    out.push(table(["run", "mean", "p50", "p90", "p99", "p99.9", "max", "errors / timeouts", "answers (2xx)"], lRows));
    out.push("");
  }
  if (r.intake)
    out.push(
      `intake: ${fmt(r.intake.inboxRows)} deliveries left queued in the inbox (${fmt(r.intake.warmup.ok + r.intake.run.ok + (r.intake.paced?.ok ?? 0))} answered 2xx; ` +
        `bull held ${fmt(r.intake.queue.waiting ?? 0)} waiting jobs), then discarded`,
    );
  for (const e of r.e2e)
    out.push(
      `e2e ${e.label}: worker start ${fmt(e.startSeconds, 2)} s; inbox ${JSON.stringify(e.check.statuses)}; ${fmt(e.check.members)} members; ` +
        `${fmt(e.check.points)} points (expected ${fmt(POINTS_PER_ORDER * e.check.statuses.applied)}); verify ${fmt(e.verifySeconds, 2)} s, ${e.drift} drift`,
    );
  if (r.mixed) {
    const x = r.mixed;
    out.push(
      `mixed ${x.label}: ${fmt(x.backlogAfterPosting)} still queued when posting ended; inbox ${JSON.stringify(x.check.statuses)}; ` +
        `${fmt(x.check.members)} members; ${fmt(x.check.points)} points (expected ${fmt(POINTS_PER_ORDER * x.check.statuses.applied)}); ${x.drift} drift`,
    );
  }
  out.push("");

  if (r.profile) {
    out.push(`stage profile (one call at a time, in the benchmark process, ${fmt(r.profile[0]?.calls ?? 0)} calls each):`);
    out.push(
      table(
        ["side", "stage", "wall ms", "node CPU ms", "waiting ms", "pg queries"],
        r.profile.map((p) => [p.side, p.stage, fmt(p.ms, 3), fmt(p.cpuMs, 3), fmt(Math.max(0, p.ms - p.cpuMs), 3), fmt(p.queries, 1)]),
      ),
    );
    out.push("");
  }
  if (r.floor) {
    const f = r.floor;
    const b = floorBound(f, r.machine.cores);
    out.push("floor: the least work an intake can do, on this machine:");
    out.push(
      table(
        ["part", "rate", "p50 / p99 ms", "server CPU ms", "postgres CPU ms", "load gen CPU ms"],
        [
          [
            "bare node:http server: HMAC + JSON.parse, nothing stored",
            `${fmt(f.bare.load.perSecond)} req/s`,
            lat(f.bare.load),
            fmt(b.serverMs, 2),
            "-",
            fmt(b.loadgenMs, 2),
          ],
          [
            `Postgres alone: the inbox insert, ${f.postgres.batch} per statement, ${f.postgres.inFlight} in flight`,
            `${fmt(f.postgres.perSecond)} deliveries/s`,
            "-",
            "-",
            fmt(b.postgresMs, 2),
            "-",
          ],
        ],
      ),
    );
    out.push(
      `bound: ${fmt(b.serverMs, 2)} + ${fmt(b.postgresMs, 2)} + ${fmt(b.loadgenMs, 2)} = ${fmt(b.totalMs, 2)} ms of CPU per stored request ` +
        `(no queue, no shop lookup, no logging), so no intake that stores each delivery exceeds ${fmt(b.boundReqPerSecond)} req/s ` +
        `on these ${r.machine.cores} cores with the load generator beside it (goal ${fmt(GOAL_INTAKE_PER_SECOND)} req/s)`,
    );
    out.push("");
  }
  const other = figures(r).maxOtherLoadPercent;
  if (other >= 10)
    out.push(
      `NOTE: other processes on this machine used up to ${other} % of its CPU during a phase (see "other"): ` +
        "rates are lower and latencies higher than on a quiet machine; the ceiling column estimates the quiet figure\n",
    );
  if (r.sizes.cpuProf) out.push(`CPU profiles (intake server, first end-to-end workers) written to ${r.sizes.cpuProf}\n`);
  if (r.logs) out.push(`logs kept in ${r.logs}`);
  out.push(
    r.failures.length
      ? `FAILURES:\n${r.failures.map((f) => `  - ${f}`).join("\n")}`
      : "no failures (no non-2xx, no drift, points as expected)",
  );
  out.push("");
  process.stdout.write(`${out.join("\n")}\n`);
  process.stdout.write(`${JSON.stringify({ figures: figures(r), ...r })}\n`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
