/**
 * The finance report on a large program: BENCH_FINANCE_MEMBERS members (100,000; --quick 10,000)
 * seeded set-based over two years (test/bench/seed-insight.ts: ~9 ledger entries a member, sales,
 * tier changes, redemptions) in a database of its own; the report of the current month and of
 * last month, BENCH_FINANCE_RUNS times each after a warm-up, timed from the call to the answer.
 *
 *   npm run bench:finance [-- --quick]
 *
 * BENCH_FINANCE_PARTS=1 also times each statement of last month's report on its own;
 * BENCH_FINANCE_KEEP=1 keeps the database (for EXPLAIN).
 */
import { DateTime } from "luxon";
import { openEngineOwningDb } from "../support/engine-db.ts";
import { programConfig, rewards } from "../support/program-fixture.ts";
import { seedInsight } from "./seed-insight.ts";
import { adminQuery, adminUrl, databaseUrl, fmt, log, percentile, rawClient } from "./support.ts";

const quick = process.argv.includes("--quick");
const members = Number(process.env.BENCH_FINANCE_MEMBERS ?? (quick ? 10_000 : 100_000));
const runs = Number(process.env.BENCH_FINANCE_RUNS ?? (quick ? 5 : 20));
const admin = adminUrl();
const name = `kinship_bench_finance_${Date.now()}`;
await adminQuery(admin, `CREATE DATABASE ${name}`);
try {
  const url = databaseUrl(admin, name);
  const engine = await openEngineOwningDb({ databaseUrl: url, max: 4 });
  const now = new Date();
  const zone = "America/New_York";
  const config = programConfig({ timezone: zone, rewards: [rewards.fiveOff, rewards.tenPercent, rewards.freeShippingFor50Points] });
  const created = await engine.createProgram({ key: "bench-finance", platform: "custom", config, actor: "bench", now });
  if (!created.ok) throw new Error(created.error.message);
  const raw = await rawClient(url);
  const seeded = await seedInsight(raw, created.value.id, members, now);
  // The seed's member balances are drawn apart from its entries: make them the ledger's, as every write keeps them.
  await raw.query(
    `UPDATE kinship_member m SET available = coalesce((SELECT sum(e.available_delta + e.pending_delta) FROM kinship_entry e
       WHERE e.member_id = m.id), 0), pending = 0 WHERE m.program_id = $1`,
    [created.value.id],
  );
  await raw.query("VACUUM ANALYZE");
  await raw.end();
  log(`finance: ${fmt(seeded.members)} members, ${fmt(seeded.entries)} ledger entries, ${fmt(seeded.sales)} sales`);
  const current = DateTime.fromJSDate(now, { zone });
  if (process.env.BENCH_FINANCE_PARTS) {
    const { connect } = await import("../../plugin/engine/src/store/db/connect.ts");
    const ledger = await import("../../plugin/engine/src/store/finance/ledger.ts");
    const { benefitCosts } = await import("../../plugin/engine/src/store/finance/benefits.ts");
    const { financeMonth } = await import("../../plugin/engine/src/core/index.ts");
    const c = await connect({ databaseUrl: url, max: 1 });
    const m = financeMonth(current.minus({ months: 1 }).toFormat("yyyy-MM"), zone, now);
    if (!m.ok) throw new Error("month");
    const { total, days } = m.value;
    const id = created.value.id;
    const part = async (label: string, f: () => Promise<unknown>) => {
      await f();
      const t = performance.now();
      await f();
      log(`  ${label}: ${fmt(performance.now() - t, 1)} ms`);
    };
    await part("movements", () =>
      ledger.movementsByPeriod(
        c.db,
        id,
        days.map((d) => d.start),
        total.end,
      ),
    );
    await part("balances", () => ledger.balancesAt(c.db, id, [total.start, ...days.map((d) => d.end), total.end]));
    await part("members", () => ledger.membersBalanceAt(c.db, id, total.end));
    await part("breakage", () => ledger.breakageSums(c.db, id, total.start, total.end));
    await part("benefits", () => benefitCosts(c.db, id, created.value.config, total.start, total.end));
    await c.close();
  }
  // The floor: the one read no reconciled report can skip — Postgres summing the program's ledger up to the month's end.
  const floorClient = await rawClient(url);
  const floor = async (end: Date) => {
    const ms: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const start = performance.now();
      await floorClient.query("SELECT sum(available_delta + pending_delta) FROM kinship_entry WHERE program_id = $1 AND occurred_at < $2", [
        created.value.id,
        end,
      ]);
      if (i > 0) ms.push(performance.now() - start);
    }
    ms.sort((a, b) => a - b);
    return percentile(ms, 50);
  };
  for (const month of [current.toFormat("yyyy-MM"), current.minus({ months: 1 }).toFormat("yyyy-MM")]) {
    const ask = async () => {
      const r = await engine.finance.report("bench-finance", month, now);
      if (!r.ok) throw new Error(r.error.message);
      if (!r.value.reconciled) throw new Error(`${month} does not reconcile`);
      return r.value;
    };
    await ask();
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await ask();
      ms.push(performance.now() - start);
    }
    ms.sort((a, b) => a - b);
    const monthEnd = DateTime.fromFormat(month, "yyyy-MM", { zone }).plus({ months: 1 }).toJSDate();
    const base = await floor(monthEnd < now ? monthEnd : now);
    log(
      `finance report ${month}: p50 ${fmt(percentile(ms, 50), 1)} ms, p95 ${fmt(percentile(ms, 95), 1)} ms (${runs} runs); ` +
        `floor, Postgres summing the ledger to the month's end: p50 ${fmt(base, 1)} ms (report = ${fmt(percentile(ms, 50) / base, 1)}×)`,
    );
  }
  await floorClient.end();
  await engine.close();
} finally {
  if (process.env.BENCH_FINANCE_KEEP) log(`kept ${name}`);
  else await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
