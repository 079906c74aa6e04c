import { type CatalogLookup, type Engine, openEngine } from "@kinship/engine";
import pino from "pino";
import { mapCustom, mapShopify } from "../mappers/index.ts";
import { createBullQueue } from "../queue/bull.ts";
import type { InboxQueue, Logger } from "../queue/types.ts";
import { DEFAULT_MAINTAIN_EVERY_MS } from "./clock.ts";
import { DEFAULT_GROUP_SIZE, DEFAULT_GROUPS_AT_ONCE, type PeriodicTask, startWorker } from "./run.ts";
import { DEFAULT_WEBHOOKS_EVERY_MS } from "./webhooks.ts";

/** The worker process's settings, from its environment. */
export interface WorkerEnv {
  databaseUrl: string;
  redisUrl: string;
  queueName: string;
  attempts: number;
  backoffMs: number;
  concurrency: number;
  groupSize: number;
  groupsAtOnce: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  sweepEveryMs: number;
  sweepAfterMs: number;
  maintainEveryMs: number;
  /** How often due outbound webhook deliveries are sent (0: not in this process). */
  webhooksEveryMs: number;
  /** Encrypts shops' Admin API tokens at rest: the server's key (KINSHIP_TOKEN_KEY). */
  tokenKey: string | undefined;
  logLevel: LogLevel;
}

/** pino's levels, for LOG_LEVEL in the worker and the server. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

export const ENV_HELP = `kinship-worker: applies webhook deliveries from the queue through the engine.
  DATABASE_URL              Postgres (required: the inbox and ledger the server writes to)
  REDIS_URL                 Redis of the bull queue (required)
  KINSHIP_QUEUE_NAME        queue name (default kinship-inbox)
  KINSHIP_QUEUE_ATTEMPTS    runs per delivery before it is a dead letter (default 5)
  KINSHIP_QUEUE_BACKOFF_MS  exponential backoff base (default 1000)
  KINSHIP_WORKER_CONCURRENCY  jobs at once (default 64)
  KINSHIP_WORKER_GROUP      most deliveries applied in one transaction (default 16; 1: each alone)
  KINSHIP_WORKER_GROUPS     such transactions under way at once (default 4)
  KINSHIP_QUEUE_LOCK_MS     job lock; a dead worker's jobs run again after it (default 15000)
  KINSHIP_QUEUE_STALLED_MS  how often to look for them (default 5000)
  KINSHIP_SWEEP_EVERY_MS    inbox sweep interval (default 5000)
  KINSHIP_SWEEP_AFTER_MS    sweep deliveries queued longer than this (default 30000)
  KINSHIP_MAINTAIN_EVERY_MS how often every program is maintained: pending points mature, lots
                            expire, tiers are evaluated; one worker of many runs each period
                            (default 900000, 15 min; 0: not in this process)
  KINSHIP_WEBHOOKS_EVERY_MS how often due outbound webhook deliveries are sent to the programs'
                            endpoints; one worker of many runs each period (default ${DEFAULT_WEBHOOKS_EVERY_MS}; 0: not in this process)
  KINSHIP_TOKEN_KEY         the server's key for shops' Admin API tokens (32 bytes, hex or base64)
  LOG_LEVEL                 ${LOG_LEVELS.join(" | ")} (default info): JSON lines on stdout
`;

export function readWorkerEnv(env: NodeJS.ProcessEnv): WorkerEnv {
  const databaseUrl = env.DATABASE_URL;
  const redisUrl = env.REDIS_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is required: the worker applies deliveries to the server's Postgres");
  if (!redisUrl) throw new Error("REDIS_URL is required: without Redis the server runs its in-process queue itself");
  const int = (name: string, fallback: number, min: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
    return n;
  };
  const logLevel = (env.LOG_LEVEL || "info") as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${env.LOG_LEVEL}"`);
  return {
    databaseUrl,
    redisUrl,
    logLevel,
    queueName: env.KINSHIP_QUEUE_NAME || "kinship-inbox",
    attempts: int("KINSHIP_QUEUE_ATTEMPTS", 5, 1),
    backoffMs: int("KINSHIP_QUEUE_BACKOFF_MS", 1000, 0),
    concurrency: int("KINSHIP_WORKER_CONCURRENCY", 64, 1),
    groupSize: int("KINSHIP_WORKER_GROUP", DEFAULT_GROUP_SIZE, 1),
    groupsAtOnce: int("KINSHIP_WORKER_GROUPS", DEFAULT_GROUPS_AT_ONCE, 1),
    lockDurationMs: int("KINSHIP_QUEUE_LOCK_MS", 15_000, 100),
    stalledIntervalMs: int("KINSHIP_QUEUE_STALLED_MS", 5_000, 100),
    sweepEveryMs: int("KINSHIP_SWEEP_EVERY_MS", 5_000, 10),
    sweepAfterMs: int("KINSHIP_SWEEP_AFTER_MS", 30_000, 0),
    maintainEveryMs: int("KINSHIP_MAINTAIN_EVERY_MS", DEFAULT_MAINTAIN_EVERY_MS, 0),
    webhooksEveryMs: int("KINSHIP_WEBHOOKS_EVERY_MS", DEFAULT_WEBHOOKS_EVERY_MS, 0),
    tokenKey: env.KINSHIP_TOKEN_KEY || undefined,
  };
}

/** What a host adds to the worker process: its own periodic tasks, built from the same environment. */
export interface WorkerExtension {
  /** More lines for the help text, one per environment variable the tasks read. */
  help: string;
  /** Throws with a sentence when the environment is wrong; called before anything opens. */
  check?(env: NodeJS.ProcessEnv): void;
  tasks(context: WorkerContext): PeriodicTask[];
  /** Where the worker reads what a catalog webhook leaves out (the Shopify Admin API). */
  catalog?(context: WorkerContext): CatalogLookup;
}

export interface WorkerContext {
  engine: Engine;
  env: NodeJS.ProcessEnv;
  log: Logger;
  now: () => Date;
}

/** Runs the worker until SIGTERM or SIGINT; resolves to the exit code. */
export async function runWorkerProcess(
  env: NodeJS.ProcessEnv = process.env,
  logger?: Logger,
  extension?: WorkerExtension,
): Promise<number> {
  let config: WorkerEnv;
  try {
    config = readWorkerEnv(env);
    extension?.check?.(env);
  } catch (e) {
    process.stderr.write(`kinship-worker: ${(e as Error).message}\n\n${ENV_HELP}${extension?.help ?? ""}`);
    return 2;
  }
  // Written asynchronously: a line per delivery must not cost a blocking write each.
  const log = logger ?? pino({ level: config.logLevel }, pino.destination({ dest: 1, sync: false }));
  let engine: Engine | null = null;
  let queue: InboxQueue | null = null;
  try {
    engine = await openEngine({ databaseUrl: config.databaseUrl, max: config.concurrency + 2, tokenKey: config.tokenKey });
    queue = createBullQueue({
      redisUrl: config.redisUrl,
      name: config.queueName,
      attempts: config.attempts,
      backoffMs: config.backoffMs,
      concurrency: config.concurrency,
      lockDurationMs: config.lockDurationMs,
      stalledIntervalMs: config.stalledIntervalMs,
      log,
    });
    const context: WorkerContext = { engine, env, log, now: () => new Date() };
    const catalog = extension?.catalog?.(context);
    const worker = await startWorker({
      engine,
      queue,
      mapShopify,
      mapCustom,
      sweepEveryMs: config.sweepEveryMs,
      sweepAfterMs: config.sweepAfterMs,
      maintainEveryMs: config.maintainEveryMs,
      webhooksEveryMs: config.webhooksEveryMs,
      groupSize: config.groupSize,
      groupsAtOnce: config.groupsAtOnce,
      tasks: extension?.tasks(context) ?? [],
      ...(catalog ? { catalog } : {}),
      log,
    });
    log.info(
      { queue: config.queueName, concurrency: config.concurrency, group: config.groupSize, groups: config.groupsAtOnce, pid: process.pid },
      "kinship-worker ready",
    );
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once("SIGTERM", resolve);
      process.once("SIGINT", resolve);
    });
    log.info({ signal }, "stopping: finishing the running deliveries");
    await worker.stop();
    return 0;
  } catch (e) {
    log.error({ err: e }, "kinship-worker failed");
    await queue?.close().catch(() => {});
    return 1;
  } finally {
    await engine?.close();
  }
}
