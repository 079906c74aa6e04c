import { type ChildProcess, spawn } from "node:child_process";
import { realpathSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Engine } from "@kinship/engine";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openEngineOwningDb } from "../../../test/support/engine-db.ts";
import { createBullQueue } from "../../src/queue/bull.ts";
import {
  balance,
  customBody,
  dropBullQueue,
  isolatedDatabase,
  newProgram,
  REVIEW_POINTS,
  receiveCustom,
  receiveShopify,
  SLOW_MACHINE_MS,
  settled,
  shopifyOrderBody,
  statuses,
  uniqueQueueName,
  waitFor,
} from "./support.ts";

const REDIS_URL = process.env.KINSHIP_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const BIN = fileURLToPath(new URL("../../../plugin/app/bin/kinship-worker.js", import.meta.url));

let db: { url: string; drop(): Promise<void> };
let engine: Engine;
const children: ChildProcess[] = [];

beforeAll(async () => {
  db = await isolatedDatabase("kill");
  engine = await openEngineOwningDb({ databaseUrl: db.url, max: 8 });
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await engine?.close();
  await db?.drop();
});

interface WorkerProcess {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

/** The real process entry, as deployed: `kinship-worker` with its environment. */
async function spawnWorker(queueName: string): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--disable-warning=ExperimentalWarning", BIN], {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      REDIS_URL,
      KINSHIP_QUEUE_NAME: queueName,
      KINSHIP_WORKER_CONCURRENCY: "4",
      KINSHIP_QUEUE_ATTEMPTS: "3",
      KINSHIP_QUEUE_BACKOFF_MS: "100",
      KINSHIP_QUEUE_LOCK_MS: "1000",
      KINSHIP_QUEUE_STALLED_MS: "300",
      KINSHIP_SWEEP_EVERY_MS: "500",
      KINSHIP_SWEEP_AFTER_MS: "3000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const output: string[] = [];
  child.stdout?.on("data", (b: Buffer) => output.push(b.toString()));
  child.stderr?.on("data", (b: Buffer) => output.push(b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await waitFor("the worker to be ready", async () => output.join("").includes("kinship-worker ready") || child.exitCode !== null, 20_000);
  if (child.exitCode !== null) throw new Error(`worker exited ${child.exitCode}: ${output.join("")}`);
  return { child, output, exited };
}

it("a worker killed mid-batch loses nothing and doubles nothing once restarted", async () => {
  const program = await newProgram(engine, "kill");
  const queueName = uniqueQueueName("kill");
  const producer = createBullQueue({ redisUrl: REDIS_URL, name: queueName, enqueueTimeoutMs: SLOW_MACHINE_MS });
  const expected = new Map<string, number>();
  const add = (customer: string, points: number) => expected.set(customer, (expected.get(customer) ?? 0) + points);

  // What intake does for each of 300 deliveries: store in the inbox, enqueue the id; 30 are redelivered.
  const feed = async (from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      let r: { id: number };
      if (i % 3 === 2) {
        const customerId = `71000000000000${10 + (i % 10)}`;
        const dollars = 5 + (i % 17);
        add(customerId, dollars);
        const body = shopifyOrderBody({ orderId: `52000000000${1000 + i}`, customerId, dollars });
        r = await receiveShopify(engine, program, "orders/paid", body, `evt-${i}`);
        if (i % 30 === 2) await receiveShopify(engine, program, "orders/paid", body, `evt-${i}`);
      } else {
        const customerId = `k-${i % 20}`;
        add(customerId, REVIEW_POINTS);
        r = await receiveCustom(engine, program, customBody({ id: `k-rev-${i}`, customerId }), `k-rev-${i}`);
      }
      await producer.enqueue(r.id);
      if (i % 30 === 0) await producer.enqueue(r.id);
    }
  };

  // 200 accepted before the worker starts (a backlog keeps all its slots busy), 100 more after it died.
  await feed(0, 200);
  const first = await spawnWorker(queueName);
  const appliedAtKill = await waitFor("some deliveries to be applied", async () => {
    const n = (await statuses(engine, program)).applied ?? 0;
    return n >= 60 ? n : false;
  });
  first.child.kill("SIGKILL");
  expect(await first.exited).toBe(null);
  await feed(200, 300);
  const afterKill = await statuses(engine, program);
  expect(appliedAtKill).toBeLessThan(300);
  expect(afterKill.queued ?? 0).toBeGreaterThan(0);

  const second = await spawnWorker(queueName);
  try {
    expect(await settled(engine, program, 30_000)).toEqual({ applied: 300 });
    for (const [customer, points] of expected) expect(await balance(engine, program, customer), customer).toBe(points);
    expect(await engine.verify(program)).toEqual([]);
    expect((await producer.counts()).failed).toBe(0);
    // The killed worker's running jobs were found by their expired locks and run again.
    const stalled = second.output
      .join("")
      .split("\n")
      .filter((l) => l.includes("job stalled")).length;
    expect(stalled).toBeGreaterThan(0);
  } finally {
    second.child.kill("SIGTERM");
    // SIGTERM: a graceful stop (running deliveries finish), exit code 0.
    expect(await second.exited, second.output.join("")).toBe(0);
    await producer.close();
    await dropBullQueue(REDIS_URL, queueName);
  }
});

/** Where npm links the workspaces' bins (`npm install`); `npx` puts it first on PATH. */
const DOT_BIN = fileURLToPath(new URL("../../../node_modules/.bin", import.meta.url));
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * The shell's PATH without any node_modules/.bin (vitest may have been started through one), so
 * that the pinned Node 24 is found only if `npx` puts it there, as it does for a user's shell.
 */
const shellPath = (process.env.PATH ?? "")
  .split(delimiter)
  .filter((dir) => !/node_modules[\\/]\.bin[\\/]?$/.test(dir))
  .join(delimiter);

const LAUNCHES: { name: string; command: string; args: string[]; path: string }[] = [
  {
    name: "by path (node plugin/app/bin/kinship-worker.js)",
    command: process.execPath,
    args: ["--disable-warning=ExperimentalWarning", BIN],
    path: process.env.PATH ?? "",
  },
  // `--no`: never fetch a package of that name from the registry; only the workspace's linked bin runs.
  {
    name: "as npx kinship-worker (the linked bin, on the pinned Node 24)",
    command: "npx",
    args: ["--no", "kinship-worker"],
    path: shellPath,
  },
];

it("npm links the kinship-worker bin to plugin/app/bin/kinship-worker.js", () => {
  expect(realpathSync(join(DOT_BIN, "kinship-worker"))).toBe(realpathSync(BIN));
});

it.each(LAUNCHES)("kinship-worker refuses to start without DATABASE_URL or REDIS_URL, $name", async ({ command, args, path }) => {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: path };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (b: Buffer) => {
    stderr += b.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  expect(code, stderr).toBe(2);
  expect(stderr).toMatch(/DATABASE_URL is required/);
  // Its usage: the environment it reads.
  expect(stderr).toMatch(/^\s+REDIS_URL\s/m);
  expect(stderr).not.toMatch(/needs Node\.js 24/);
});
