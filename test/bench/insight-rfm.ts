/**
 * Insight's RFM recompute and views on 100,000 members (`node --disable-warning=ExperimentalWarning
 * test/bench/insight-rfm.ts [--quick]`; BENCH_INSIGHT_MEMBERS, 100,000; --quick 10,000;
 * BENCH_INSIGHT_RUNS, 20; --quick 5). Its own database, seeded set-based (test/bench/seed-insight.ts:
 * 1 to 6 paid orders per member over two years). Times, on Postgres in this process: the first
 * refresh (every row inserted), a refresh with nothing changed (every row rewritten, no changed_at
 * moves), a day later (segments move as time passes), the clock's due check (one row by key),
 * and the admin's reads through executeAdmin.
 */
import type pg from "pg";
import { type Engine, executeAdmin } from "../../plugin/engine/src/index.ts";
import { openEngineOwningDb } from "../support/engine-db.ts";
import { programConfig } from "../support/program-fixture.ts";
import { seedInsight } from "./seed-insight.ts";
import { adminQuery, adminUrl, databaseUrl, fmt, log, percentile, rawClient, table, timed } from "./support.ts";

const PROGRAM = "bench-insight";
const INSIGHT = `{ insight { computedAt segments { segment members sales } byTier { tier segment members }
  topShare { topMembers membersWithSales topSales totalSales share } memberOrders { orders } nonMemberOrders { orders }
  tierMigration { month from to members } } }`;
const SEGMENT = `{ membersInSegment(segment: REGULAR, first: 50) { members { customerId lifetimeValue } nextCursor } }`;
const MEMBER = `{ memberInsight(customerId: "im42") { segment recency frequency monetary } }`;

function count(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === "" ? fallback : Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  return n;
}

async function times(runs: number, ask: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(3, runs); i++) await ask();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await ask();
    ms.push(performance.now() - start);
  }
  return ms.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const members = count("BENCH_INSIGHT_MEMBERS", quick ? 10_000 : 100_000);
  const runs = count("BENCH_INSIGHT_RUNS", quick ? 5 : 20);
  const admin = adminUrl();
  const name = `kinship_bench_insight_${Date.now()}`;
  await adminQuery(admin, `CREATE DATABASE ${name}`);
  let engine: Engine | null = null;
  let client: pg.Client | null = null;
  try {
    const url = databaseUrl(admin, name);
    engine = await openEngineOwningDb({ databaseUrl: url, max: 4 });
    const now = new Date();
    const config = programConfig({ timezone: "America/New_York" });
    const created = await engine.createProgram({ key: PROGRAM, platform: "custom", config, actor: "bench", now });
    if (!created.ok) throw new Error(created.error.message);
    log(`insight: seeding ${fmt(members)} members in ${name}`);
    client = await rawClient(url);
    const seeded = await seedInsight(client, created.value.id, members, now);
    const e = engine;
    const refresh = async (at: Date) => {
      const r = await e.insight.refresh(PROGRAM, at);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const first = await timed(() => refresh(now));
    await client.query("VACUUM ANALYZE kinship_member_insight");
    const again = await timed(() => refresh(new Date(now.getTime() + 60_000)));
    const dayLater = await timed(() => refresh(new Date(now.getTime() + 86_400_000)));
    // The floor: Postgres reading every paid order once per member and writing one row per member,
    // without scores or segments — what no one-pass refresh can do in less.
    const floorClient = client;
    const floor = await timed(async () => {
      await floorClient.query("DROP TABLE IF EXISTS bench_insight_floor");
      await floorClient.query(
        `CREATE UNLOGGED TABLE bench_insight_floor AS SELECT member_id, count(*) AS orders, sum(subtotal) AS ltv,
           min(occurred_at) AS first_at, max(occurred_at) AS last_at FROM kinship_sale
         WHERE program_id = $1 AND member_id IS NOT NULL GROUP BY member_id`.replace("$1", String(created.value.id)),
      );
      return null;
    });
    const raw = client;
    const due = await times(runs, () => raw.query("SELECT computed_at FROM kinship_insight_run WHERE program_id = $1", [created.value.id]));
    const ask = async (query: string) => {
      const r = await executeAdmin(e, { program: PROGRAM, actor: "bench", now }, { query });
      if (r.errors) throw new Error(JSON.stringify(r.errors));
    };
    const reads = [
      ["insight (views, 12 months)", await times(runs, () => ask(INSIGHT))],
      ["membersInSegment(first: 50)", await times(runs, () => ask(SEGMENT))],
      ["memberInsight", await times(runs, () => ask(MEMBER))],
      ["the clock's due check (kinship_insight_run by key)", due],
    ] as const;
    console.log(
      [
        "",
        `Insight on Postgres: ${fmt(members)} members, ${fmt(seeded.sales)} paid orders, ${fmt(seeded.tierChanges)} tier changes`,
        "",
        table(
          ["refresh", "ms", "members", "changed segment"],
          [
            ["first (insert every row)", first, first.value],
            ["again, nothing changed", again, again.value],
            ["a day later", dayLater, dayLater.value],
            ["floor: Postgres aggregating the orders per member into a new table", floor, { members: seeded.members, changed: 0 }],
          ].map(([label, t, v]) => [
            label as string,
            fmt((t as { ms: number }).ms),
            fmt((v as { members: number }).members),
            fmt((v as { changed: number }).changed),
          ]),
        ),
        "",
        table(
          ["read", "p50 ms", "p99 ms", "runs"],
          reads.map(([label, ms]) => [label, fmt(percentile(ms, 50), 2), fmt(percentile(ms, 99), 2), fmt(ms.length)]),
        ),
        "",
      ].join("\n"),
    );
  } finally {
    await client?.end();
    await engine?.close();
    await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

await main();
