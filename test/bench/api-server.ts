/**
 * The API benchmark's server, in a process of its own so the load generator does not share its
 * event loop: buildServer() on Postgres (DATABASE_URL) with the in-process queue and no worker.
 * Each request's server time (Fastify onRequest → onSend: reading the body, auth, GraphQL,
 * serialising the answer) is kept; the parent asks for them over IPC:
 *   → "take": { type: "times", times: number[] (ms), statuses: Record<string, number>, cpu }, then reset
 *   → "stop": closes everything and exits 0
 */
import { buildServer } from "../../plugin/app/src/server.ts";
import { openEngine } from "../../plugin/engine/src/index.ts";
import { createMemoryQueue } from "../../webhooks/src/index.ts";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl || !process.send) throw new Error("api-server.ts runs as a forked child with DATABASE_URL");
// The parent may be gone (killed, crashed): then there is no one to answer.
const send = (m: unknown) => {
  if (process.connected) process.send?.(m);
};

const engine = await openEngine({ databaseUrl, max: Number(process.env.BENCH_API_POOL ?? 10), migrate: false });
const queue = createMemoryQueue({});
const app = buildServer({ engine, queue, shopify: { apiKey: "bench-key", apiSecret: "bench-secret" }, logLevel: "warn" });

const started = new WeakMap<object, bigint>();
const handled = new WeakMap<object, number>();
let times: number[] = [];
let statuses: Record<string, number> = {};
app.addHook("onRequest", async (req) => {
  started.set(req, process.hrtime.bigint());
});
// The answer is ready to be written at onSend: from onRequest to there is the server's time
// (onResponse would add however long the event loop took to get round to the socket's finish).
app.addHook("onSend", async (req) => {
  const t0 = started.get(req);
  if (t0 !== undefined) handled.set(req, Number(process.hrtime.bigint() - t0) / 1e6);
});
app.addHook("onResponse", async (req, res) => {
  const ms = handled.get(req);
  if (ms === undefined || req.routeOptions.url !== "/storefront/graphql") return;
  times.push(ms);
  statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
});

const url = await app.listen({ port: 0, host: "127.0.0.1" });
let cpu = process.cpuUsage();
send({ type: "ready", url });

process.on("message", async (m) => {
  if (m === "take") {
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    send({ type: "times", times, statuses, cpuSeconds: (used.user + used.system) / 1e6 });
    times = [];
    statuses = {};
  } else if (m === "stop") {
    await app.close();
    await queue.close();
    await engine.close();
    process.exit(0);
  }
});
process.on("disconnect", () => process.exit(1));
