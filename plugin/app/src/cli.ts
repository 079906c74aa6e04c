import { DEMO_CUSTOMERS, DEMO_PROGRAM } from "@kinship/engine/demo";
import { type RunningApp, startApp } from "./main.ts";

/** The server process: starts, says where to look, stops cleanly on SIGINT/SIGTERM. */
export async function run(): Promise<void> {
  let running: Awaited<ReturnType<typeof startApp>>;
  try {
    running = await startApp();
  } catch (e) {
    console.error(`kinship-server: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  const { url, config, devSignIn } = running;
  const lines = [
    "",
    `Kinship is running at ${url}`,
    `  database   ${config.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${config.KINSHIP_DATA_DIR}`}`,
    `  queue      ${config.REDIS_URL ? `bull on ${config.REDIS_URL}` : "in-process (set REDIS_URL for bull on Redis)"}`,
    `  webhooks   POST ${url}/webhooks/shopify   POST ${url}/webhooks/events`,
    `  graphql    POST ${url}/storefront/graphql POST ${url}/admin/graphql   GET|POST ${url}/proxy/graphql (Shopify app proxy)`,
    `  widgets    GET  ${url}/widgets/embed.js   GET  ${url}/widgets/widgets.js`,
    `  health     GET  ${url}/healthz            GET  ${url}/readyz`,
    `  admin      GET  ${url}/app   ${devSignIn ? "(development sign-in: the demo program's admin outside Shopify)" : "(inside the Shopify admin)"}`,
    "",
    ...(await demoSummary(running)),
  ];
  console.log(lines.join("\n"));
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

async function demoSummary({ engine, config, url }: RunningApp): Promise<string[]> {
  if (!(await engine.program(DEMO_PROGRAM)).ok) return [];
  const lines = [`Demo storefront: ${url}/demo   (as a guest: ${url}/demo?as=guest)`, "", `Demo program ${DEMO_PROGRAM}:`];
  for await (const m of engine.members.list(DEMO_PROGRAM, new Date())) {
    const name = [m.profile.firstName, m.profile.lastName].filter(Boolean).join(" ") || m.customerId;
    lines.push(
      `  ${name.padEnd(16)} ${m.tier.name.padEnd(7)} ${String(m.points.available).padStart(6)} points  ${String(m.growth).padStart(6)} growth`,
    );
  }
  const shared = config.DATABASE_URL ? "" : " (stop the server first: the embedded database is one process)";
  lines.push(`Try: npx kinship member show ${DEMO_CUSTOMERS.grace} --shop ${DEMO_PROGRAM}${shared}`, "");
  return lines;
}
