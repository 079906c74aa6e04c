/**
 * The admin's dashboard and tier preview on 100,000 members with their ledgers (part of
 * `npm run bench:api`; BENCH_DASHBOARD_MEMBERS, 100,000; --quick 10,000; BENCH_DASHBOARD_RUNS,
 * 40; --quick 10). Its own database, seeded set-based (test/bench/seed-insight.ts); each query is
 * asked through executeAdmin on Postgres in this process, one at a time after a warm-up, and timed
 * from the call to the answer: that is the server time reported, next to same-run references — a
 * bare count of the program's members, and the floors: counting the program's ledger entries of
 * the 12 weeks (which the points by week must read) and its growth rows of the qualification window
 * (which the tier preview must sum per member).
 */
import type pg from "pg";
import { type Engine, executeAdmin } from "../../plugin/engine/src/index.ts";
import { openEngineOwningDb } from "../support/engine-db.ts";
import { programConfig, rewards } from "../support/program-fixture.ts";
import { seedInsight } from "./seed-insight.ts";
import { adminQuery, databaseUrl, fmt, log, percentile, rawClient, table } from "./support.ts";

const PROGRAM = "bench-dashboard";
const GOAL_P99_MS = 50;
const DASHBOARD = `{ dashboard(weeks: 12) { from to members activeMembers outstandingPoints pendingPoints
  membersByTier { week tiers { tier members } } pointsByWeek { week issued redeemed expired reversed }
  memberOrders { orders customers averageOrderValue repeatRate } nonMemberOrders { orders customers averageOrderValue repeatRate }
  topRewards { rewardId redemptions points } } }`;
const PREVIEW = `query P($tiers: JSON!) { tierPreview(tiers: $tiers) { members up down tiers { tier before after } } }`;
const PROPOSAL = [
  { key: "member", name: "Member", threshold: 0 },
  { key: "silver", name: "Silver", threshold: 800 },
  { key: "gold", name: "Gold", threshold: 2500 },
];

function count(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === "" ? fallback : Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  return n;
}

async function times(runs: number, ask: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(5, runs); i++) await ask();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await ask();
    ms.push(performance.now() - start);
  }
  return ms.sort((a, b) => a - b);
}

export async function benchDashboard(admin: URL, quick: boolean): Promise<void> {
  const members = count("BENCH_DASHBOARD_MEMBERS", quick ? 10_000 : 100_000);
  const runs = count("BENCH_DASHBOARD_RUNS", quick ? 10 : 40);
  const name = `kinship_bench_dashboard_${Date.now()}`;
  await adminQuery(admin, `CREATE DATABASE ${name}`);
  let engine: Engine | null = null;
  let client: pg.Client | null = null;
  try {
    const url = databaseUrl(admin, name);
    engine = await openEngineOwningDb({ databaseUrl: url, max: 4 });
    const now = new Date();
    const config = programConfig({
      timezone: "America/New_York",
      growth: { window: { kind: "rolling", months: 12 } },
      rewards: [rewards.fiveOff, rewards.tenPercent, rewards.freeShippingFor50Points],
    });
    const created = await engine.createProgram({ key: PROGRAM, platform: "custom", config, actor: "bench", now });
    if (!created.ok) throw new Error(created.error.message);
    log(`dashboard: seeding ${fmt(members)} members with their ledgers in ${name}`);
    const raw = await rawClient(url);
    client = raw;
    const seeded = await seedInsight(raw, created.value.id, members, now);
    const a = engine;
    const ask = async (query: string, variables?: Record<string, unknown>) => {
      const r = await executeAdmin(a, { program: PROGRAM, actor: "bench", now }, { query, variables });
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r;
    };
    const from = new Date(now.getTime() - 12 * 7 * 86_400_000);
    const id = created.value.id;
    const yearAgo = new Date(now);
    yearAgo.setUTCMonth(yearAgo.getUTCMonth() - 12);
    const rows = [
      ["dashboard(weeks: 12)", await times(runs, () => ask(DASHBOARD))],
      ["tierPreview (12-month window)", await times(runs, () => ask(PREVIEW, { tiers: PROPOSAL }))],
      [
        "reference: count(*) of the members",
        await times(runs, () => raw.query("SELECT count(*) FROM kinship_member WHERE program_id = $1", [id])),
      ],
      [
        "floor: count(*) of 12 weeks' entries",
        await times(runs, () =>
          raw.query("SELECT count(*) FROM kinship_entry WHERE program_id = $1 AND occurred_at >= $2 AND occurred_at < $3", [id, from, now]),
        ),
      ],
      [
        "floor: count(*) of 12 months' growth rows",
        await times(runs, () =>
          raw.query("SELECT count(*) FROM kinship_growth WHERE program_id = $1 AND occurred_at >= $2", [id, yearAgo]),
        ),
      ],
    ] as const;
    const line = (label: string, ms: number[]) => [label, fmt(percentile(ms, 50), 2), fmt(percentile(ms, 99), 2), fmt(ms.length)];
    const goals = Object.fromEntries(
      rows.slice(0, 2).map(([label, ms]) => [`${label} p99 ≤ ${GOAL_P99_MS} ms`, percentile(ms, 99) <= GOAL_P99_MS]),
    );
    console.log(
      [
        "",
        `Admin dashboard and tier preview on Postgres: ${fmt(members)} members, ${fmt(seeded.entries)} ledger entries, ${fmt(seeded.growthRows)} growth rows,`,
        `${fmt(seeded.tierChanges)} tier changes, ${fmt(seeded.sales)} paid orders, ${fmt(seeded.redemptions)} redemptions over two years; server time in process, one query at a time`,
        "",
        table(
          ["", "p50 ms", "p99 ms", "runs"],
          rows.map(([label, ms]) => line(label, ms)),
        ),
        "",
        ...Object.entries(goals).map(([what, ok]) => `${ok ? "ok    " : "MISSED"} goal: ${what}`),
        "",
      ].join("\n"),
    );
    console.log(
      JSON.stringify({
        bench: "api-dashboard",
        quick,
        seeded,
        ms: Object.fromEntries(rows.map(([label, ms]) => [label, { p50: percentile(ms, 50), p99: percentile(ms, 99), runs: ms.length }])),
        goals,
      }),
    );
  } finally {
    await client?.end();
    await engine?.close();
    await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
