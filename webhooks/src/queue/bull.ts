import Bull from "bull";
import { coalesce } from "../coalesce.ts";
import { type InboxHandler, type InboxQueue, type Logger, silentLogger } from "./types.ts";

export interface BullQueueOptions {
  redisUrl: string;
  /** Queue name (Redis keys `bull:<name>:*`). */
  name?: string;
  /** Runs per delivery before it is a dead letter. */
  attempts?: number;
  /** Exponential backoff base: retries wait 1×, 3×, 7×, ... this. */
  backoffMs?: number;
  /** Jobs run at once by this process. */
  concurrency?: number;
  /** A job's lock lives this long unless its worker renews it (every half of it). */
  lockDurationMs?: number;
  /** How often this process looks for jobs whose worker died (lock expired) and puts them back. */
  stalledIntervalMs?: number;
  /** Times a job may be put back after its worker died before bull fails it (the sweeper then re-enqueues it). */
  maxStalledCount?: number;
  /** enqueue gives up after this long (Redis down); the delivery is safe in the inbox and the sweeper enqueues it later. */
  enqueueTimeoutMs?: number;
  log?: Logger;
}

interface JobData {
  inboxId: number;
}

/** The bull job id of an inbox row: the same delivery is in the queue at most once. */
export function jobIdOf(inboxId: number): string {
  return `inbox-${inboxId}`;
}

/**
 * Where a job is, read in one step. bull's own getState checks the lists one call after the
 * other, so a job moving between them (wait → active, active → delayed) can read as "stuck";
 * replacing it then would restart its attempts. "lost": the job hash is there but in no list.
 * (LPOS needs Redis 6.0.6; older servers get bull's own LRANGE scan.)
 */
const JOB_STATE = `
local function inList(key, id)
  local ok, pos = pcall(redis.call, "LPOS", key, id)
  if ok then return pos end
  for _, v in ipairs(redis.call("LRANGE", key, 0, -1)) do
    if v == id then return 0 end
  end
  return false
end
if redis.call("EXISTS", KEYS[7]) == 0 then return "none" end
if redis.call("ZSCORE", KEYS[1], ARGV[1]) then return "finished" end
if redis.call("ZSCORE", KEYS[2], ARGV[1]) then return "finished" end
if redis.call("ZSCORE", KEYS[3], ARGV[1]) then return "pending" end
for i = 4, 6 do
  if inList(KEYS[i], ARGV[1]) then return "pending" end
end
return "lost"
`;

type JobState = "none" | "finished" | "pending" | "lost";

type StateClient = Bull.Queue["client"] & { kinshipJobState?: (...args: string[]) => Promise<JobState> };

async function jobState(queue: Bull.Queue<JobData>, jobId: string): Promise<JobState> {
  const keys = ["completed", "failed", "delayed", "active", "wait", "paused", jobId].map((k) => queue.toKey(k));
  const client = queue.client as StateClient;
  // Registered once: ioredis then runs it by hash (EVALSHA) instead of sending the script each time.
  if (!client.kinshipJobState) client.defineCommand("kinshipJobState", { numberOfKeys: keys.length, lua: JOB_STATE });
  return (client.kinshipJobState as (...args: string[]) => Promise<JobState>)(...keys, jobId);
}

/**
 * The Redis queue (bull). Jobs carry only the inbox id, under a job id derived from it. Completed
 * jobs are removed; failed ones are kept (the Redis side of the dead letters) until the delivery
 * is enqueued again (a replay), which replaces the failed job with a fresh one.
 */
export function createBullQueue(options: BullQueueOptions): InboxQueue {
  const {
    redisUrl,
    name = "kinship-inbox",
    attempts = 5,
    backoffMs = 1000,
    concurrency = 8,
    lockDurationMs = 15_000,
    stalledIntervalMs = 5_000,
    maxStalledCount = 3,
    enqueueTimeoutMs = 2_000,
    log = silentLogger,
  } = options;
  const queue = new Bull<JobData>(name, redisUrl, {
    defaultJobOptions: {
      attempts,
      backoff: { type: "exponential", delay: backoffMs },
      removeOnComplete: true,
      removeOnFail: false,
    },
    settings: {
      lockDuration: lockDurationMs,
      lockRenewTime: Math.floor(lockDurationMs / 2),
      stalledInterval: stalledIntervalMs,
      maxStalledCount,
    },
  });
  queue.on("error", (error) => log.warn({ err: error, queue: name }, "queue connection error"));
  queue.on("stalled", (job: Bull.Job<JobData>) =>
    log.warn({ inboxId: job.data.inboxId, queue: name }, "job stalled (its worker died?): put back in line"),
  );
  let processing = false;
  let closing: Promise<void> | null = null;
  const schedules: Bull.Queue[] = [];
  // Fresh rows arriving together are added in one MULTI (one round trip).
  const addFresh = coalesce(
    async (ids: number[]) => {
      await queue.addBulk(ids.map((inboxId) => ({ data: { inboxId }, opts: { jobId: jobIdOf(inboxId) } })));
      return ids.map(() => undefined);
    },
    { maxBatch: 64, maxInFlight: 2 },
  );

  async function enqueue(inboxId: number, fresh: boolean): Promise<void> {
    if (!Number.isSafeInteger(inboxId) || inboxId <= 0) throw new TypeError(`not an inbox id: ${inboxId}`);
    if (closing) throw new Error(`queue ${name} is closed`);
    const jobId = jobIdOf(inboxId);
    if (fresh) {
      await addFresh(inboxId);
      return;
    }
    const state = await jobState(queue, jobId);
    if (state === "pending") return;
    if (state !== "none") {
      // A dead letter being replayed (failed), or a job lost from its lists: replace it so the
      // delivery runs again, with fresh attempts.
      try {
        await (await queue.getJob(jobId))?.remove();
      } catch (e) {
        // Another enqueue replaced it first and the new job is running: the add below is a no-op.
        log.debug({ err: e, inboxId, state }, "could not remove the previous job");
      }
    }
    await queue.add({ inboxId }, { jobId });
  }

  return {
    enqueue: (inboxId, opts) =>
      withTimeout(enqueue(inboxId, opts?.fresh === true), enqueueTimeoutMs, `enqueue of inbox ${inboxId} on ${name}`),

    async process(handler: InboxHandler): Promise<void> {
      if (processing) throw new Error(`queue ${name} already has a handler`);
      if (closing) throw new Error(`queue ${name} is closed`);
      processing = true;
      const running = queue.process(concurrency, async (job: Bull.Job<JobData>) => {
        const inboxId = Number(job.data?.inboxId);
        if (!Number.isSafeInteger(inboxId)) throw new Error(`job ${job.id} carries no inbox id`);
        const max = job.opts.attempts ?? attempts;
        const number = job.attemptsMade + 1;
        await handler(inboxId, { number, final: number >= max });
      });
      // Resolves only when the queue closes; its failures are connection failures, already logged.
      running.catch((e: unknown) => {
        if (!closing) log.error({ err: e, queue: name }, "queue processing stopped");
      });
      await queue.isReady();
    },

    async every(task: string, everyMs: number, run: () => Promise<void>): Promise<void> {
      if (!Number.isSafeInteger(everyMs) || everyMs < 1) throw new RangeError(`everyMs must be a positive integer, got ${everyMs}`);
      if (closing) throw new Error(`queue ${name} is closed`);
      const schedule = new Bull(`${name}-${task}`, redisUrl, {
        defaultJobOptions: { attempts: 1, removeOnComplete: true, removeOnFail: true },
        settings: { lockDuration: lockDurationMs, lockRenewTime: Math.floor(lockDurationMs / 2), stalledInterval: stalledIntervalMs },
      });
      schedule.on("error", (error) => log.warn({ err: error, queue: schedule.name }, "queue connection error"));
      schedules.push(schedule);
      // One job at a time in this process; bull gives each period's job to one process only.
      schedule
        .process(1, () => run())
        .catch((e: unknown) => {
          if (!closing) log.error({ err: e, queue: schedule.name }, "schedule stopped");
        });
      await schedule.add({}, { repeat: { every: everyMs }, jobId: task });
      // A period set before (another setting): one schedule per task.
      for (const r of await schedule.getRepeatableJobs()) if (Number(r.every) !== everyMs) await schedule.removeRepeatableByKey(r.key);
    },

    async ping(): Promise<boolean> {
      if (closing) return false;
      try {
        return (await withTimeout(queue.client.ping(), 1_000, "redis ping")) === "PONG";
      } catch {
        return false;
      }
    },

    async counts(): Promise<Record<string, number>> {
      const c = await queue.getJobCounts();
      return { ...c };
    },

    close(): Promise<void> {
      closing ??= Promise.all([queue.close(), ...schedules.map((q) => q.close())]).then(() => undefined);
      return closing;
    },
  };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
