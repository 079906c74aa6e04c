import { type ChildProcess, execFile, spawn } from "node:child_process";
import { dropBullQueue, isolatedDatabase, waitFor } from "../../../test/support/isolated.ts";

export { dropBullQueue, isolatedDatabase, waitFor };

import { createServer } from "node:net";
import { promisify } from "node:util";
import { type Delivery, defaultProgramConfig, type Engine } from "@kinship/engine";
import { receive } from "@kinship/engine/store";
import { uniqueProgramKey } from "../../../plugin/engine/test/support/backends.ts";
import { dbOf } from "../../../test/support/engine-db.ts";
import type { Logger } from "../../src/queue/types.ts";

let queues = 0;
/** Bull queues are shared by everything on the Redis: one name per test. */
export function uniqueQueueName(label: string): string {
  queues += 1;
  return `kinship-test-${label}-${process.pid}-${Date.now().toString(36)}-${queues}`;
}

/** The default Shopify program plus a fixed 50 points per `review.created` custom event. */
export async function newProgram(engine: Engine, prefix = "wk"): Promise<string> {
  const key = uniqueProgramKey(prefix);
  const config = defaultProgramConfig("USD");
  config.rules = [
    ...(config.rules ?? []),
    { id: "review", name: "Review", trigger: "custom:review.created", reward: { points: { fixed: 50 } } },
  ];
  const created = await engine.createProgram({ key, platform: "shopify", config, actor: "test", now: new Date() });
  if (!created.ok) throw new Error(created.error.message);
  return key;
}

export const REVIEW_POINTS = 50;

const HOUR_AGO = new Date(Date.now() - 3_600_000).toISOString();

/** A signed custom event body; a bigint customerId is written as a bare JSON number (which the mapper refuses). */
export function customBody(o: { id: string; customerId: string | bigint; name?: string; occurredAt?: string }): string {
  const customerId = typeof o.customerId === "bigint" ? o.customerId.toString() : JSON.stringify(o.customerId);
  return `{"id":${JSON.stringify(o.id)},"name":${JSON.stringify(o.name ?? "review.created")},"customerId":${customerId},"occurredAt":${JSON.stringify(o.occurredAt ?? HOUR_AGO)},"payload":{"stars":5}}`;
}

/** A Shopify orders/paid body with 64-bit JSON number ids, one line of `dollars` whole dollars. */
export function shopifyOrderBody(o: { orderId: string; customerId: string; dollars: number; currency?: string }): string {
  return `{"id":${o.orderId},"currency":${JSON.stringify(o.currency ?? "USD")},"processed_at":"${HOUR_AGO}","customer":{"id":${o.customerId}},"line_items":[{"id":${o.orderId}1,"product_id":632910392,"quantity":1,"price":"${o.dollars}.00","discount_allocations":[]}],"total_tax":"1.50","shipping_lines":[{"price":"5.00"}]}`;
}

export async function receiveCustom(
  engine: Engine,
  programKey: string,
  body: string,
  deliveryKey: string,
): Promise<{ id: number; duplicate: boolean }> {
  return receiveDelivery(engine, { source: "custom", programKey, deliveryKey, topic: "custom", payload: body, meta: {} });
}

export async function receiveShopify(engine: Engine, programKey: string, topic: string, body: string, eventId: string) {
  return receiveDelivery(engine, { source: "shopify", programKey, deliveryKey: eventId, topic, payload: body, meta: { eventId } });
}

async function receiveDelivery(engine: Engine, d: Delivery): Promise<{ id: number; duplicate: boolean }> {
  const r = await receive(dbOf(engine), d, new Date());
  return { id: r.id, duplicate: r.duplicate };
}

/** Inbox rows of one program by status. */
export async function statuses(engine: Engine, programKey: string): Promise<Record<string, number>> {
  const rows = await dbOf(engine)
    .selectFrom("kinship_inbox")
    .select(["status", dbOf(engine).fn.countAll<string>().as("n")])
    .where("program_key", "=", programKey)
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Waits until none of the program's inbox rows is queued; returns the counts. */
export function settled(engine: Engine, programKey: string, timeoutMs = 15_000): Promise<Record<string, number>> {
  return waitFor(
    `the inbox of ${programKey} to settle`,
    async () => {
      const s = await statuses(engine, programKey);
      return (s.queued ?? 0) === 0 ? s : false;
    },
    timeoutMs,
  );
}

export async function balance(engine: Engine, programKey: string, customerId: string): Promise<number> {
  const m = await engine.member(programKey, customerId, new Date());
  if (!m.ok) throw new Error(m.error.message);
  return m.value.points.available;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** A private Redis without persistence: killing it loses everything it held. */
export async function startRedis(port: number): Promise<{ url: string; kill(): Promise<void> }> {
  const child: ChildProcess = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  await waitFor(`redis on ${port}`, async () => (await redisCli(port, "PING")) === "PONG");
  return {
    url,
    async kill() {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** One redis-cli command; its trimmed output. */
export async function redisCli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)("redis-cli", ["-h", "127.0.0.1", "-p", String(port), ...args]);
  return stdout.trim();
}

/**
 * Enqueue deadline for tests that are not about the deadline: the production default (2 s, inside
 * Shopify's 5 s) is a guard that a loaded 2-core CI machine can trip with no fault in the queue.
 */
export const SLOW_MACHINE_MS = 20_000;

/** Keeps what the worker logs, to check each outcome names its delivery. */
export function recordingLogger(): Logger & { lines: { level: string; obj: Record<string, unknown>; msg?: string }[] } {
  const lines: { level: string; obj: Record<string, unknown>; msg?: string }[] = [];
  const at = (level: string) => (obj: object, msg?: string) => {
    lines.push({ level, obj: obj as Record<string, unknown>, ...(msg === undefined ? {} : { msg }) });
  };
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
