import { DEMO_CUSTOMERS, DEMO_PROGRAM } from "@kinship/engine/demo";
import { startApp } from "./main.ts";

/** The server process: starts, says where to look, stops cleanly on SIGINT/SIGTERM. */
export async function run(): Promise<void> {
  let running: Awaited<ReturnType<typeof startApp>>;
  try {
    running = await startApp();
  } catch (e) {
    console.error(`kinship-server: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  const { url, config } = running;
  const lines = [
    "",
    `Kinship is running at ${url}`,
    `  database   ${config.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${config.KINSHIP_DATA_DIR}`}`,
    `  queue      ${config.REDIS_URL ? `bull on ${config.REDIS_URL}` : "in-process (set REDIS_URL for bull on Redis)"}`,
    `  webhooks   POST ${url}/webhooks/shopify   POST ${url}/webhooks/events`,
    `  health     GET  ${url}/healthz            GET  ${url}/readyz`,
    "",
    `Demo program ${DEMO_PROGRAM}: try`,
    `  npx kinship members list --shop ${DEMO_PROGRAM}`,
    `  npx kinship member show ${DEMO_CUSTOMERS.grace} --shop ${DEMO_PROGRAM}`,
    "(with the embedded database, stop the server first: PGlite is one process)",
    "",
  ];
  console.log(lines.join("\n"));
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
