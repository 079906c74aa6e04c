/**
 * Engine benchmark: `npm run bench:engine [-- --quick]`.
 *
 *   1. order.paid events applied per second through engine.apply(), on Postgres (several appliers
 *      in flight) and on embedded PGlite (one session, serial), then verify();
 *   2. a tier evaluation over 1M bulk-loaded members (lifetime, then a rolling 12-month window);
 *   3. expiry of 1M due lots over 250k members, then verifyLedger();
 *   4. an import of a 100k-row CSV export (engine.imports.run), re-run, verify(), beside Postgres
 *      inserting as many bare rows and as many member rows (its floors: figures are ratios);
 *   then a short apply run and a query profile again, with the bulk rows in the database.
 *
 * Creates its own database on loopback Postgres and drops it at the end. Sizes: BENCH_PG_EVENTS,
 * BENCH_PG_CUSTOMERS, BENCH_CONCURRENCY (e.g. "8,16"), BENCH_PGLITE_EVENTS, BENCH_PGLITE_CUSTOMERS,
 * BENCH_PROFILE_EVENTS, BENCH_AFTER_BULK_EVENTS, BENCH_TIER_MEMBERS, BENCH_ROLLING (0|1), BENCH_EXPIRY_LOTS,
 * BENCH_EXPIRY_MEMBERS, BENCH_IMPORT_ROWS, BENCH_SECTIONS (apply,pglite,profile,tiers,expiry,import);
 * KINSHIP_BENCH_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 * Prints a table, then one JSON line with every figure. Exits 1 if an apply failed or verify drifted.
 */
import { type Engine, openEngine } from "../../plugin/engine/src/index.ts";
import {
  type ExpiryRun,
  loadExpiringLots,
  loadTierMembers,
  resetTierMembers,
  runExpiry,
  runTierEvaluation,
  type TierRun,
  tierProgramConfig,
} from "./bulk.ts";
import { type ImportRun, runImportBench } from "./imports.ts";
import { type ApplyRun, benchProgramConfig, NOW, orderEvents, profileApply, type QueryProfile, runApply } from "./orders.ts";
import {
  adminQuery,
  adminUrl,
  type CpuUse,
  databaseUrl,
  fmt,
  log,
  machineFacts,
  rawClient,
  readSizes,
  type Sizes,
  table,
  timed,
} from "./support.ts";

const GOAL_APPLY_PER_SECOND = 1_000;
const GOAL_TIERS_SECONDS = 20;
const GOAL_EXPIRY_SECONDS = 30;
const GOAL_IMPORT_ROWS_PER_SECOND = 20_000;

interface Results {
  machine: ReturnType<typeof machineFacts> & { postgres: string; postgresSettings: Record<string, string> };
  database: string;
  sizes: Omit<Sizes, "sections"> & { sections: string[] };
  apply: ApplyRun[];
  profile: QueryProfile | null;
  profileAfterBulk: QueryProfile | null;
  tiers: { loadSeconds: number; growthRows: number; runs: TierRun[] } | null;
  expiry: (ExpiryRun & { loadSeconds: number }) | null;
  verifyScope: { program: string; beforeSeconds: number; afterSeconds: number } | null;
  import: ImportRun | null;
  failures: string[];
}

async function main(): Promise<number> {
  const sizes = readSizes(process.argv.slice(2));
  const admin = adminUrl();
  const name = `kinship_bench_${Date.now()}_${process.pid}`;
  const url = databaseUrl(admin, name);

  const settings = await adminQuery(
    admin,
    `SELECT version() AS version, name, setting, unit FROM pg_settings
     WHERE name IN ('shared_buffers', 'work_mem', 'synchronous_commit', 'fsync', 'max_wal_size', 'max_connections', 'jit', 'autovacuum')`,
  );
  const unit = (setting: string, u: string | null) => (u === "8kB" ? `${(Number(setting) * 8) / 1024}MB` : u ? `${setting}${u}` : setting);
  const results: Results = {
    machine: {
      ...machineFacts(),
      postgres: String(settings.rows[0]?.version ?? "unknown")
        .split(" on ")[0]
        ?.trim() as string,
      postgresSettings: Object.fromEntries(settings.rows.map((r) => [r.name, unit(r.setting, r.unit)])),
    },
    database: name,
    sizes: { ...sizes, sections: [...sizes.sections] },
    apply: [],
    profile: null,
    profileAfterBulk: null,
    tiers: null,
    expiry: null,
    verifyScope: null,
    import: null,
    failures: [],
  };

  log(`creating database ${name}`);
  await adminQuery(admin, `CREATE DATABASE ${name}`);
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    log(`dropped database ${name}`);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: dropping ${name}`);
    // DROP ... WITH (FORCE) ends our own open connections, whose clients then report errors: we are leaving anyway.
    process.on("uncaughtException", () => undefined);
    drop().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const engines: Engine[] = [];
  const open = async (max: number) => {
    const e = await openEngine({ databaseUrl: url, max });
    engines.push(e);
    return e;
  };
  try {
    await runSections(sizes, url, name, results, open);
  } finally {
    for (const e of engines) await e.close().catch(() => undefined);
    await drop();
  }

  printReport(results);
  return results.failures.length ? 1 : 0;
}

async function runSections(
  sizes: Sizes,
  url: string,
  database: string,
  results: Results,
  open: (max: number) => Promise<Engine>,
): Promise<void> {
  const { failures } = results;
  const checkApply = (run: ApplyRun) => {
    results.apply.push(run);
    if (run.errors) failures.push(`${run.program}: ${run.errors} apply errors, first: ${run.firstError}`);
    if (run.drift) failures.push(`${run.program}: verify found ${run.drift} drifts`);
  };

  if (sizes.sections.has("apply") && sizes.pgEvents > 0) {
    const events = orderEvents(sizes.pgEvents, sizes.pgCustomers);
    const warmup = orderEvents(200, 50, 7);
    for (const c of sizes.concurrency) {
      const engine = await open(c);
      await runApply(engine, "postgres", `bench-warmup-pg-c${c}`, warmup, 50, c, database);
      log(`postgres: applying ${fmt(events.length)} order.paid events over ${fmt(sizes.pgCustomers)} customers, ${c} in flight`);
      const run = await runApply(engine, "postgres", `bench-apply-pg-c${c}`, events, sizes.pgCustomers, c, database);
      log(`  ${fmt(run.perSecond)} events/s, verify ${run.drift} drift`);
      checkApply(run);
      await engine.close();
    }
  }

  if (sizes.sections.has("pglite") && sizes.pgliteEvents > 0) {
    const events = orderEvents(sizes.pgliteEvents, sizes.pgliteCustomers);
    const engine = await openEngine({});
    try {
      await runApply(engine, "pglite", "bench-warmup-pglite", orderEvents(100, 25, 7), 25, 1, database);
      log(`pglite (in memory): applying ${fmt(events.length)} events over ${fmt(sizes.pgliteCustomers)} customers, serially`);
      const run = await runApply(engine, "pglite", "bench-apply-pglite", events, sizes.pgliteCustomers, 1, database);
      log(`  ${fmt(run.perSecond)} events/s, verify ${run.drift} drift`);
      checkApply(run);
    } finally {
      await engine.close();
    }
  }

  if (sizes.sections.has("profile") && sizes.profileEvents > 0) {
    log(`profile: ${fmt(sizes.profileEvents)} events, one applier, counting queries`);
    const engine = await open(1); // migrates the database if no earlier section did
    await engine.close();
    results.profile = await profileApply(url, "bench-profile", orderEvents(sizes.profileEvents, Math.max(1, sizes.profileEvents / 4), 99));
  }

  if (sizes.sections.has("import") && sizes.importRows > 0) {
    log(`import: ${fmt(sizes.importRows)} rows`);
    const engine = await open(2);
    const run = await runImportBench(engine, url, sizes.importRows);
    results.import = run;
    if (run.drift) failures.push(`import: verify found ${run.drift} drifts`);
    if (run.rerunChanged) failures.push(`import: the re-run changed ${run.rerunChanged} members`);
  }

  const client = await rawClient(url);
  try {
    const engine = await open(4);
    const scopeProgram = results.apply.find((r) => r.backend === "postgres")?.program;
    const scopeBefore = scopeProgram ? (await timed(() => engine.verify(scopeProgram))).ms / 1000 : 0;

    if (sizes.sections.has("tiers") && sizes.tierMembers > 0) {
      const key = "bench-tiers";
      const created = await engine.createProgram({ key, platform: "custom", config: tierProgramConfig(), actor: "bench", now: NOW });
      if (!created.ok) throw new Error(created.error.message);
      log(`tiers: loading ${fmt(sizes.tierMembers)} members and their growth`);
      const load = await timed(() => loadTierMembers(client, created.value.id, sizes.tierMembers, NOW));
      results.tiers = { loadSeconds: load.ms / 1000, growthRows: load.value.growthRows, runs: [] };
      log(`  loaded in ${fmt(load.ms / 1000, 1)} s; evaluateTiers (lifetime window)`);
      const lifetime = await runTierEvaluation(engine, client, key, NOW, database);
      results.tiers.runs.push(lifetime);
      if (lifetime.underTiered) failures.push(`tiers lifetime: ${lifetime.underTiered} members left below their tier`);
      if (sizes.rolling) {
        const later = new Date(NOW.getTime() + 60_000); // distinct tier-change keys from the first run
        const rolling = { ...tierProgramConfig(), growth: { window: { kind: "rolling" as const, months: 12 } } };
        const updated = await engine.updateConfig(key, rolling, "bench", later);
        if (!updated.ok) throw new Error(updated.error.message);
        log("  resetting tier state; evaluateTiers (rolling 12 months)");
        await resetTierMembers(client, created.value.id, sizes.tierMembers, NOW);
        const run = await runTierEvaluation(engine, client, key, later, database);
        results.tiers.runs.push(run);
        if (run.underTiered) failures.push(`tiers rolling: ${run.underTiered} members left below their tier`);
      }
      log(`  ${results.tiers.runs.map((r) => `${r.window} ${fmt(r.seconds, 1)} s`).join(", ")}`);
    }

    if (sizes.sections.has("expiry") && sizes.expiryLots > 0) {
      const key = "bench-expiry";
      const config = { ...benchProgramConfig(), expiry: { kind: "afterEarn" as const, days: 365 } };
      const created = await engine.createProgram({ key, platform: "custom", config, actor: "bench", now: NOW });
      if (!created.ok) throw new Error(created.error.message);
      log(`expiry: loading ${fmt(sizes.expiryLots)} due lots over ${fmt(sizes.expiryMembers)} members`);
      const load = await timed(() => loadExpiringLots(client, created.value.id, sizes.expiryMembers, sizes.expiryLots, NOW));
      log(`  loaded in ${fmt(load.ms / 1000, 1)} s (${fmt(load.value.available)} points available); expireDueLots`);
      const run = await runExpiry(engine, client, key, sizes.expiryMembers, sizes.expiryLots, NOW, database);
      results.expiry = { ...run, loadSeconds: load.ms / 1000 };
      log(`  expired ${fmt(run.expired)} in ${fmt(run.seconds, 1)} s; verify ${fmt(run.verifySeconds, 1)} s, ${run.drift} drift`);
      if (run.drift) failures.push(`expiry: verify found ${run.drift} drifts`);
      if (run.expired !== sizes.expiryLots || run.leftDue !== 0 || run.availableAfter !== 0 || run.expireEntries !== sizes.expiryLots)
        failures.push(
          `expiry: expired ${run.expired}/${sizes.expiryLots}, ${run.leftDue} still due, ${run.availableAfter} points left, ${run.expireEntries} expire entries`,
        );
    }

    if (sizes.sections.has("apply") && sizes.afterBulkEvents > 0 && (results.tiers || results.expiry)) {
      // The same kind of orders again, now that the database holds the bulk sections' members and lots.
      const lots = await client.query<{ n: string }>("SELECT count(*) AS n FROM kinship_lot");
      const c = sizes.concurrency[0] ?? 8;
      const events = orderEvents(sizes.afterBulkEvents, Math.max(1, Math.round(sizes.afterBulkEvents / 4)), 4242);
      const bulkEngine = await open(c);
      log(
        `postgres after the bulk sections (${fmt(Number(lots.rows[0]?.n))} lots in the database): ${fmt(events.length)} events, ${c} in flight`,
      );
      const run = await runApply(
        bulkEngine,
        "postgres",
        `bench-apply-pg-c${c}-after-bulk`,
        events,
        Math.round(sizes.afterBulkEvents / 4),
        c,
        database,
      );
      run.lotsInDatabase = Number(lots.rows[0]?.n);
      log(`  ${fmt(run.perSecond)} events/s, verify ${run.drift} drift`);
      checkApply(run);
      await bulkEngine.close();
    }

    if (sizes.sections.has("profile") && sizes.profileEvents > 0 && (results.tiers || results.expiry)) {
      const n = Math.max(1, Math.round(sizes.profileEvents / 4));
      log(`profile after the bulk sections: ${fmt(n)} events, one applier`);
      results.profileAfterBulk = await profileApply(url, "bench-profile-after-bulk", orderEvents(n, Math.max(1, n / 4), 99));
    }

    if (scopeProgram && (results.tiers || results.expiry)) {
      const after = await timed(() => engine.verify(scopeProgram));
      results.verifyScope = { program: scopeProgram, beforeSeconds: scopeBefore, afterSeconds: after.ms / 1000 };
      if (after.value.length) failures.push(`${scopeProgram}: verify found ${after.value.length} drifts after the bulk sections`);
    }
  } finally {
    await client.end();
  }
}

function printReport(r: Results): void {
  const m = r.machine;
  const out: string[] = [];
  out.push("");
  out.push(`Kinship engine benchmark${r.sizes.quick ? " (--quick)" : ""} — ${new Date().toISOString()}`);
  out.push(`machine: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, ${m.platform}`);
  out.push(
    `node ${m.node}; ${m.postgres}; ${Object.entries(m.postgresSettings)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}`,
  );
  out.push(`database ${r.database} (dropped); now = ${NOW.toISOString()}`);
  out.push("");

  const rows: string[][] = [];
  const cores = m.cores;
  const cpu = (c: CpuUse, n: number, per: string) =>
    `node ${fmt((c.node / n) * 1000, 2)} ms${c.postgres === null ? "" : ` + pg ${fmt((c.postgres / n) * 1000, 2)} ms`} CPU/${per}`;
  const noise = (c: CpuUse) => (c.other === null ? "n/a" : `${fmt((100 * c.other) / (c.wallSeconds * cores))} %`);
  for (const a of r.apply) {
    const ok = a.backend === "postgres" ? (a.perSecond >= GOAL_APPLY_PER_SECOND ? "ok" : "BELOW") : "-";
    rows.push([
      `apply order.paid, ${a.backend}${a.backend === "postgres" ? ` ×${a.concurrency}` : " (serial)"}${a.lotsInDatabase ? `, ${fmt(a.lotsInDatabase)} lots in db` : ""}`,
      `${fmt(a.events)} ev / ${fmt(a.customers)} cust`,
      fmt(a.seconds, 2),
      `${fmt(a.perSecond)} ev/s`,
      a.backend === "postgres" ? `≥ ${fmt(GOAL_APPLY_PER_SECOND)} ev/s` : "-",
      ok,
    ]);
  }
  for (const t of r.tiers?.runs ?? [])
    rows.push([
      `evaluateTiers, ${t.window}`,
      `${fmt(t.members)} members`,
      fmt(t.seconds, 2),
      `${fmt(t.membersPerSecond)} m/s`,
      `≤ ${GOAL_TIERS_SECONDS} s`,
      t.seconds <= GOAL_TIERS_SECONDS ? "ok" : "OVER",
    ]);
  if (r.expiry) {
    const e = r.expiry;
    rows.push([
      "expireDueLots",
      `${fmt(e.lots)} lots / ${fmt(e.members)} m`,
      fmt(e.seconds, 2),
      `${fmt(e.lotsPerSecond)} lots/s`,
      `≤ ${GOAL_EXPIRY_SECONDS} s`,
      e.seconds <= GOAL_EXPIRY_SECONDS ? "ok" : "OVER",
    ]);
    rows.push([
      "verifyLedger (expiry program)",
      `${fmt(e.members)} members`,
      fmt(e.verifySeconds, 2),
      `${e.drift} drift`,
      "0 drift",
      e.drift ? "DRIFT" : "ok",
    ]);
  }
  out.push(table(["benchmark", "size", "seconds", "rate", "goal", "result"], rows));
  out.push("");

  if (r.apply.length) {
    out.push("apply details:");
    out.push(
      table(
        ["run", "p50 ms", "p95 ms", "p99 ms", "statuses", "errors", "members", "verify s", "drift", "CPU per event", "other load"],
        r.apply.map((a) => [
          a.program,
          fmt(a.p50ms, 1),
          fmt(a.p95ms, 1),
          fmt(a.p99ms, 1),
          Object.entries(a.statuses)
            .map(([k, v]) => `${k} ${v}`)
            .join(", "),
          String(a.errors),
          fmt(a.members),
          fmt(a.verifySeconds, 2),
          String(a.drift),
          cpu(a.cpu, a.events, "event"),
          noise(a.cpu),
        ]),
      ),
    );
    out.push("");
  }
  for (const [label, p] of [
    ["", r.profile],
    [", after the bulk sections", r.profileAfterBulk],
  ] as const) {
    if (!p) continue;
    out.push(
      `apply profile (postgres, 1 in flight, ${fmt(p.events)} events${label}): ${fmt(p.msPerApply, 2)} ms/apply = ${fmt(p.queriesPerApply, 1)} round trips ` +
        `(${fmt(p.dbMsPerApply, 2)} ms waiting on queries) + ${fmt(p.nodeMsPerApply, 2)} ms in node between queries`,
    );
    const rows = label ? p.byStatement.slice(0, 5) : p.byStatement;
    out.push(
      table(
        ["statement", "per apply", "avg ms", "ms / apply"],
        rows.map((s) => [s.statement, fmt(s.perApply, 2), fmt(s.avgMs, 3), fmt(s.msPerApply, 3)]),
      ),
    );
    const n = p.nodeSteps;
    if (!label)
      out.push(
        `node-side steps per apply (no database): validateConfig ${fmt(n.validateConfigUs)} µs (findProgram, config-cache misses only), parseInput ${fmt(n.parseInputUs)} µs, ` +
          `decide() for a new member ${fmt(n.decideUs)} µs (of which currencyExponent ${fmt(n.currencyExponentUs)} µs)`,
      );
    out.push("");
  }
  if (r.tiers) {
    out.push(`tiers: ${fmt(r.tiers.growthRows)} growth rows; bulk load ${fmt(r.tiers.loadSeconds, 1)} s (not timed in the figure)`);
    for (const t of r.tiers.runs)
      out.push(
        `  ${t.window}: ${fmt(t.changed)} members changed (${Object.entries(t.byReason)
          .map(([k, v]) => `${k} ${fmt(v)}`)
          .join(
            ", ",
          )}); below their tier afterwards: ${t.underTiered}; WAL ${fmt(t.walMb)} MB; ${cpu(t.cpu, t.members / 1000, "1k members")}; other load ${noise(t.cpu)}`,
      );
    out.push("");
  }
  if (r.expiry) {
    const e = r.expiry;
    out.push(
      `expiry: bulk load ${fmt(e.loadSeconds, 1)} s (not timed); ${fmt(e.expired)} lots expired in ${e.batches} batches; ` +
        `${e.leftDue} still due; ${e.availableAfter} points left; ${fmt(e.expireEntries)} expire entries; ${fmt(e.outbox)} outbox messages; WAL ${fmt(e.walMb)} MB; ` +
        `${cpu(e.cpu, e.expired / 1000, "1k lots")}; other load ${noise(e.cpu)}`,
    );
    out.push("");
  }
  if (r.import) {
    const i = r.import;
    out.push(
      `import: ${fmt(i.rows)} rows (${fmt(i.members)} members) in ${fmt(i.seconds, 2)} s = ${fmt(i.rowsPerSecond)} rows/s ` +
        `(goal ≥ ${fmt(GOAL_IMPORT_ROWS_PER_SECOND)}: ${i.rowsPerSecond >= GOAL_IMPORT_ROWS_PER_SECOND ? "ok" : "BELOW"}); ` +
        `same-run floors: ${fmt(i.rows)} bare rows ${fmt(i.bareSeconds, 2)} s (import = ${fmt(i.seconds / i.bareSeconds, 1)}×), ` +
        `${fmt(i.rows)} member rows alone ${fmt(i.memberRowsSeconds, 2)} s (import = ${fmt(i.seconds / i.memberRowsSeconds, 1)}×); ` +
        `re-run ${fmt(i.rerunSeconds, 2)} s changing ${i.rerunChanged} members; drift ${i.drift}`,
    );
    out.push("");
  }
  if (r.verifyScope)
    out.push(
      `verify(${r.verifyScope.program}) alone: ${fmt(r.verifyScope.beforeSeconds, 2)} s before the bulk sections, ` +
        `${fmt(r.verifyScope.afterSeconds, 2)} s after (it aggregates every program's rows before filtering)\n`,
    );
  out.push(r.failures.length ? `FAILURES:\n${r.failures.map((f) => `  - ${f}`).join("\n")}` : "no failures (no apply errors, no drift)");
  out.push("");
  process.stdout.write(`${out.join("\n")}\n`);
  process.stdout.write(`${JSON.stringify(r)}\n`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
