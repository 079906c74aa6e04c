/**
 * Storefront API benchmark: `npm run bench:api [-- --quick]`.
 *
 * A product grid's member prices, as the theme embed asks for them: `memberPrices` of 50 variants
 * in one POST /storefront/graphql with a member token, paced at a fixed rate (an open loop: one
 * request every 1/rate s, 200 requests/s by default) for a fixed time. The server (buildServer on
 * Postgres, the in-process queue, no worker) runs in a child process (test/bench/api-server.ts)
 * and times every request itself, from Fastify's onRequest to onSend: that is the "server time"
 * reported (p50/p99), next to the latency the client saw from when each request was due. Each
 * request asks for a random page of 50 of the catalog's variants for one of the members (a token
 * each), so no single row stays warm. The CPU line says how busy the machine was otherwise.
 *
 * Also prints the gzip sizes of the storefront scripts (storefront-widgets/dist, built first if
 * missing): the theme embed, plus the launcher's loader (together the page's initial script, against
 * Shopify's 10,000-byte budget for a theme app extension's JavaScript) and the launcher's panel
 * (fetched on first open), next to Smile's and LoyaltyLion's storefront scripts (105 KB and 113 KB,
 * the figures issue 14 gives).
 *
 * Everything on loopback: its own database (kinship_bench_api_<timestamp>, dropped at the end,
 * also on Ctrl-C); it stops on its own. Sizes: BENCH_API_RATE (200), BENCH_API_SECONDS (20;
 * --quick 3), BENCH_API_VARIANTS (catalog size, 5000), BENCH_API_MEMBERS (500; --quick 100),
 * BENCH_API_POOL (the server's Postgres pool, 10), BENCH_API_CPU_PROF (a directory: the server
 * runs with --cpu-prof into it); KINSHIP_BENCH_PG_ADMIN_URL.
 * Then the admin's members list on 100,000 members (test/bench/api-members.ts: its own database,
 * table and JSON line).
 * Prints a table, then one JSON line with every figure. Exits 1 if a check failed (an answer
 * without its 50 prices, the embed over budget); the goals (the rate held, server p99 ≤ 20 ms)
 * are reported ok or MISSED.
 */
import { execFileSync, fork } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { connectShop, upsertVariants, webhookSecret } from "../../plugin/engine/src/store/index.ts";
import { createMemberToken } from "../../storefront-widgets/src/server/index.ts";
import { dbOf, openEngineOwningDb } from "../support/engine-db.ts";
import { benefits } from "../support/program-fixture.ts";
import { adminScreensBench } from "./api-admin-screens.ts";
import { benchDashboard } from "./api-dashboard.ts";
import { benchMembers } from "./api-members.ts";
import { adminQuery, adminUrl, cpuMeter, databaseUrl, fmt, log, machineFacts, percentile, prng, rawClient, table } from "./support.ts";

const PRICES_QUERY =
  "query KinshipPrices($ids:[ID!]!){memberPrices(variantIds:$ids){variantId currency basePrice memberPrice benefit teaser{tier tierName memberPrice}}}";
const GRID = 50;
const SHOP = "bench-api.myshopify.com";
const EMBED_BUDGET = 10_000;
/** Competitors' storefront scripts, in bytes (issue 14: 105 KB and 113 KB). */
const COMPETITORS = { Smile: 105_000, LoyaltyLion: 113_000 };
const WIDGET_SCRIPTS = ["embed.js", "launcher-loader.js", "launcher.js"] as const;
const GOAL_P99_MS = 20;

function envInt(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got ${JSON.stringify(raw)}`);
  return n;
}

const argv = process.argv.slice(2);
const unknown = argv.filter((a) => a !== "--quick");
if (unknown.length) throw new Error(`unknown arguments: ${unknown.join(" ")} (only --quick; sizes come from BENCH_API_* variables)`);
const quick = argv.includes("--quick");
const sizes = {
  rate: envInt("BENCH_API_RATE", 200),
  seconds: envInt("BENCH_API_SECONDS", quick ? 3 : 20),
  warmupSeconds: quick ? 1 : 3,
  variants: Math.max(GRID, envInt("BENCH_API_VARIANTS", 5_000)),
  members: envInt("BENCH_API_MEMBERS", quick ? 100 : 500),
};

const variantId = (i: number) => String(45_000_000_000_000 + i);
const customerId = (i: number) => String(7_700_000_000_000 + i);

async function seed(url: string): Promise<{ tokens: string[] }> {
  const engine = await openEngineOwningDb({ databaseUrl: url });
  try {
    const db = dbOf(engine);
    const now = new Date();
    const shop = await connectShop(db, SHOP, null, now);
    if (!shop.ok) throw new Error(shop.error.message);
    const program = await engine.program(SHOP);
    if (!program.ok) throw new Error(program.error.message);
    const config = {
      ...program.value.config,
      benefits: [benefits.membersFivePercent, benefits.goldSaleFifteenPercent],
    };
    const updated = await engine.updateConfig(SHOP, config, "bench", now);
    if (!updated.ok) throw new Error(updated.error.message);
    const random = prng(42);
    const variants = Array.from({ length: sizes.variants }, (_, i) => ({
      variantId: variantId(i),
      productId: String(9_000_000 + Math.floor(i / 3)),
      collectionIds: i % 4 === 0 ? ["sale"] : ["all"],
      price: 500 + Math.floor(random() * 50_000),
      currency: "USD",
    }));
    const upserted = await upsertVariants(db, SHOP, variants, now);
    if (!upserted.ok) throw new Error(upserted.error.message);
    // Members across the tiers: an order each, 100 to 3,000 dollars.
    const at = new Date(now.getTime() - 86_400_000).toISOString();
    for (let m = 0; m < sizes.members; m++) {
      const amount = 10_000 + Math.floor(random() * 290_000);
      const order = {
        type: "order.paid",
        orderId: `bench-${m}`,
        customerId: customerId(m),
        occurredAt: at,
        currency: "USD",
        lines: [{ lineId: `bench-${m}-1`, productId: "p", quantity: 1, unitPrice: amount }],
      };
      const r = await engine.apply(SHOP, order, now);
      if (!r.ok) throw new Error(r.error.message);
    }
    const secret = (await webhookSecret(db, SHOP)) ?? "";
    const tokens = await Promise.all(
      Array.from({ length: sizes.members }, (_, m) =>
        createMemberToken({ secret, program: SHOP, customerId: customerId(m), ttlSeconds: 3_600 }),
      ),
    );
    // Statistics as a running database has them (autovacuum would analyze after the bulk load).
    const client = await rawClient(url);
    await client.query("ANALYZE");
    await client.end();
    return { tokens };
  } finally {
    await engine.close();
  }
}

interface ServerTimes {
  times: number[];
  statuses: Record<string, number>;
  cpuSeconds: number;
}

function startServer(url: string) {
  const child = fork(fileURLToPath(new URL("./api-server.ts", import.meta.url)), [], {
    env: { ...process.env, DATABASE_URL: url },
    execArgv: [
      "--disable-warning=ExperimentalWarning",
      ...(process.env.BENCH_API_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_API_CPU_PROF}`] : []),
    ],
  });
  const next = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: { type: string }) => {
        if (m.type !== type) return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(m as T);
      };
      const onExit = (code: number | null) => reject(new Error(`the API server exited (${code}) before answering ${type}`));
      child.on("message", onMessage);
      child.once("exit", onExit);
    });
  return {
    ready: next<{ url: string }>("ready"),
    take() {
      const answer = next<ServerTimes>("times");
      child.send("take");
      return answer;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send("stop");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

interface LoadResult {
  sent: number;
  seconds: number;
  /** From when the request was due (open loop: a late send counts against the server). */
  latencies: number[];
  bad: number;
  errors: number;
}

/**
 * An open-loop paced load: request i is due at start + i / rate and is sent then, whether or not
 * earlier ones have answered (keep-alive sockets, as many as needed). autocannon's overallRate
 * is not a pace: each connection sends its share of a second's budget back to back at the top of
 * every second, which measures bursts of `connections` concurrent requests instead.
 */
async function load(url: string, tokens: string[], seconds: number): Promise<LoadResult> {
  const random = prng(7);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(`${url}/storefront/graphql`);
  const total = Math.round(seconds * sizes.rate);
  const latencies: number[] = [];
  let bad = 0;
  let errors = 0;
  let sent = 0;
  const inflight = new Set<Promise<void>>();
  const started = performance.now();
  const send = (due: number) => {
    const begin = Math.floor(random() * (sizes.variants - GRID));
    const ids = Array.from({ length: GRID }, (_, i) => variantId(begin + i));
    const token = tokens[Math.floor(random() * tokens.length)] ?? "";
    const body = JSON.stringify({ query: PRICES_QUERY, variables: { ids } });
    const done = new Promise<void>((resolve) => {
      const req = http.request(
        target,
        {
          method: "POST",
          agent,
          headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            latencies.push(performance.now() - due);
            try {
              const parsed = JSON.parse(Buffer.concat(chunks).toString()) as { data?: { memberPrices?: unknown[] } };
              if (res.statusCode !== 200 || parsed.data?.memberPrices?.length !== GRID) bad++;
            } catch {
              bad++;
            }
            resolve();
          });
        },
      );
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
    inflight.add(done);
    done.then(() => inflight.delete(done));
  };
  while (sent < total) {
    const now = performance.now();
    while (sent < total && started + (sent * 1000) / sizes.rate <= now) {
      send(started + (sent * 1000) / sizes.rate);
      sent++;
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inflight);
  agent.destroy();
  return { sent, seconds: (performance.now() - started) / 1000, latencies, bad, errors };
}

interface ScriptSize {
  bytes: number;
  gzipBytes: number;
}

function widgetSizes(): Record<(typeof WIDGET_SCRIPTS)[number], ScriptSize> {
  const path = (file: string) => fileURLToPath(new URL(`../../storefront-widgets/dist/${file}`, import.meta.url));
  if (WIDGET_SCRIPTS.some((f) => !existsSync(path(f)))) {
    log("storefront-widgets/dist is missing a script: building the widgets");
    execFileSync("npm", ["run", "build", "-w", "@kinship/widgets"], { stdio: "inherit" });
  }
  const size = (file: string) => {
    const body = readFileSync(path(file));
    return { bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
  };
  return { "embed.js": size("embed.js"), "launcher-loader.js": size("launcher-loader.js"), "launcher.js": size("launcher.js") };
}

/** The storefront scripts' table: Kinship's next to its competitors'. */
function sizeLines(w: ReturnType<typeof widgetSizes>): string[] {
  const initial = w["embed.js"].gzipBytes + w["launcher-loader.js"].gzipBytes;
  const opened = initial + w["launcher.js"].gzipBytes;
  const vs = (n: number) =>
    Object.entries(COMPETITORS)
      .map(([who, bytes]) => `${fmt((100 * n) / bytes, 1)}% of ${who}'s`)
      .join(", ");
  return [
    "Storefront scripts: Kinship's, gzipped, next to the sizes issue 14 gives for Smile's and LoyaltyLion's (105 KB, 113 KB):",
    table(
      ["script", "bytes", "gzip bytes", "vs competitors"],
      [
        ["theme embed (embed.js)", fmt(w["embed.js"].bytes), fmt(w["embed.js"].gzipBytes), ""],
        ["launcher loader (launcher-loader.js)", fmt(w["launcher-loader.js"].bytes), fmt(w["launcher-loader.js"].gzipBytes), ""],
        [`initial script: embed + loader (budget ${fmt(EMBED_BUDGET)})`, "", fmt(initial), vs(initial)],
        ["launcher panel, on first open (launcher.js)", fmt(w["launcher.js"].bytes), fmt(w["launcher.js"].gzipBytes), ""],
        ["everything, launcher opened", "", fmt(opened), vs(opened)],
        ...Object.entries(COMPETITORS).map(([who, bytes]) => [`${who}'s storefront script (issue 14)`, "", fmt(bytes), ""]),
      ],
    ),
  ];
}

interface Summary {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  count: number;
}

function summary(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const p = (q: number) => percentile(sorted, q);
  return { p50: p(50), p90: p(90), p99: p(99), max: sorted.at(-1) ?? 0, count: sorted.length };
}

async function main(): Promise<number> {
  const admin = adminUrl();
  const name = `kinship_bench_api_${Date.now()}`;
  const url = databaseUrl(admin, name);
  let server: ReturnType<typeof startServer> | null = null;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await server?.stop().catch(() => {});
    await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    log(`dropped database ${name}`);
  };
  process.once("SIGINT", () => {
    log("interrupted: cleaning up");
    drop().finally(() => process.exit(130));
  });
  try {
    const widgets = widgetSizes();
    const embed = widgets["embed.js"];
    const initialGzipBytes = embed.gzipBytes + widgets["launcher-loader.js"].gzipBytes;
    await adminQuery(admin, `CREATE DATABASE ${name}`);
    log(`database ${name}: seeding ${fmt(sizes.variants)} variants and ${fmt(sizes.members)} members`);
    const { tokens } = await seed(url);
    server = startServer(url);
    const { url: api } = await server.ready;
    log(`server at ${api}; warm-up ${sizes.warmupSeconds} s`);
    await load(api, tokens, sizes.warmupSeconds);
    await server.take();
    log(`memberPrices of ${GRID} variants at ${sizes.rate} requests/s (paced) for ${sizes.seconds} s`);
    const meter = cpuMeter(name);
    const result = await load(api, tokens, sizes.seconds);
    const measured = meter();
    const s = await server.take();
    // The meter counts this process; the server is a child, part of "other" until taken out.
    const cpu = { ...measured, server: s.cpuSeconds, other: measured.other === null ? null : Math.max(0, measured.other - s.cpuSeconds) };
    const serverTimes = summary(s.times);
    const clientTimes = summary(result.latencies);
    const achieved = result.sent / result.seconds;
    // Checks decide the exit code; goals are reported (a shared machine moves the tail).
    const checks = {
      "every answer 200 with 50 prices": result.bad === 0 && result.errors === 0 && clientTimes.count === result.sent,
      [`embed.js + launcher-loader.js under ${fmt(EMBED_BUDGET)} bytes gzipped`]: initialGzipBytes < EMBED_BUDGET,
    };
    const goals = {
      [`rate held (≥ 95% of ${sizes.rate}/s)`]: achieved >= sizes.rate * 0.95,
      [`server p99 ≤ ${GOAL_P99_MS} ms`]: serverTimes.p99 <= GOAL_P99_MS,
    };
    const row = (label: string, x: Summary) => [label, fmt(x.p50, 2), fmt(x.p90, 2), fmt(x.p99, 2), fmt(x.max, 2), fmt(x.count)];
    console.log(
      [
        "",
        `Storefront API: memberPrices of ${GRID} variants, POST /storefront/graphql with a member token, on Postgres`,
        `catalog ${fmt(sizes.variants)} variants, ${fmt(sizes.members)} members; paced at ${sizes.rate} requests/s for ${sizes.seconds} s (achieved ${fmt(achieved, 1)}/s)`,
        "",
        table(
          ["", "p50 ms", "p90 ms", "p99 ms", "max ms", "requests"],
          [row("server time", serverTimes), row("client latency", clientTimes)],
        ),
        "",
        `CPU over ${fmt(result.seconds, 1)} s: server ${fmt(s.cpuSeconds, 2)} s (${fmt((100 * s.cpuSeconds) / result.seconds, 0)}% of a core), ` +
          `Postgres ${cpu.postgres === null ? "?" : `${fmt(cpu.postgres, 2)} s`}, load generator ${fmt(cpu.node, 2)} s, ` +
          `everything else on the machine ${cpu.other === null ? "?" : `${fmt(cpu.other, 2)} s`} (${machineFacts().cores} cores)`,
        `server answers: ${JSON.stringify(s.statuses)}`,
        "",
        ...sizeLines(widgets),
        "",
        ...Object.entries(checks).map(([what, ok]) => `${ok ? "ok    " : "FAIL  "} ${what}`),
        ...Object.entries(goals).map(([what, ok]) => `${ok ? "ok    " : "MISSED"} goal: ${what}`),
        "",
      ].join("\n"),
    );
    console.log(
      JSON.stringify({
        bench: "api",
        quick,
        sizes,
        machine: machineFacts(),
        serverMs: serverTimes,
        clientMs: clientTimes,
        achievedPerSecond: achieved,
        badAnswers: result.bad,
        errors: result.errors,
        cpu,
        embed,
        launcher: { loader: widgets["launcher-loader.js"], panel: widgets["launcher.js"], initialGzipBytes },
        competitors: COMPETITORS,
        checks,
        goals,
      }),
    );
    await benchMembers(admin, quick);
    await benchDashboard(admin, quick);
    return Object.values(checks).every(Boolean) ? 0 : 1;
  } finally {
    await drop();
  }
}

process.exitCode = (await main()) || (await adminScreensBench({ quick }));
