/**
 * The server under test, run as a child of test/bench/webhooks.ts so that the load generator
 * (autocannon, HMAC signing) does not share its event loop. It is `npm start` itself: startApp()
 * with its environment (DATABASE_URL, REDIS_URL, KINSHIP_QUEUE_NAME, SHOPIFY_API_SECRET,
 * KINSHIP_WORKER, LOG_LEVEL, PORT=0, HOST=127.0.0.1), i.e. buildServer() on the engine's default
 * pool and the default bull queue. Tells the parent its URL over IPC; stops on a "stop" message,
 * SIGTERM, SIGINT or when the parent goes away.
 */
import { startApp } from "../../plugin/app/src/main.ts";

if (!process.send) throw new Error("webhooks-server.ts is started by test/bench/webhooks.ts (it needs an IPC channel)");
const send = process.send.bind(process);

const running = await startApp(process.env);
let stopping: Promise<void> | null = null;
const stop = (code: number) => {
  stopping ??= running
    .close()
    .catch((e: unknown) => {
      process.stderr.write(`bench server: close failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      code = 1;
    })
    .finally(() => {
      process.exit(code);
    });
  return stopping;
};
process.on("message", (m) => {
  if (m === "stop") void stop(0);
});
process.once("SIGTERM", () => void stop(0));
process.once("SIGINT", () => void stop(0));
process.once("disconnect", () => void stop(1));
send({ ready: running.url, pid: process.pid });
