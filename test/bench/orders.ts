import pg from "pg";
import {
  connect,
  currencyExponent,
  decide,
  defaultProgramConfig,
  type Engine,
  engineOn,
  type ProgramConfigInput,
  validateConfig,
} from "../../plugin/engine/src/index.ts";
import { parseInput } from "../../plugin/engine/src/store/index.ts";
import { type CpuUse, cpuMeter, percentile, prng, timed } from "./support.ts";

export const NOW = new Date("2026-06-01T00:00:00Z");

/** The default program with points available at once, a year's expiry and a few more rules. */
export function benchProgramConfig(): ProgramConfigInput {
  const base = defaultProgramConfig("USD");
  return {
    ...base,
    pendingDays: 0,
    expiry: { kind: "afterEarn", days: 365 },
    rules: [
      {
        id: "base",
        name: "1 point per currency unit",
        trigger: "order.paid",
        reward: { points: { perUnit: 1 }, growth: { perUnit: 1 } },
        tierMultipliers: { silver: 1.25, gold: 1.5 },
      },
      {
        id: "shoes",
        name: "Double points on shoes",
        trigger: "order.paid",
        lines: { collectionIds: ["shoes"] },
        reward: { points: { perUnit: 1 } },
      },
      {
        id: "big-basket",
        name: "50 points on baskets over 150",
        trigger: "order.paid",
        condition: { ">=": [{ var: "event.subtotal" }, 15_000] },
        reward: { points: { fixed: 50 } },
        cap: { points: 100, period: "month" },
      },
    ],
  };
}

const COLLECTIONS = ["shoes", "shirts", "bags", "hats", "socks"];

/** order.paid events with 2–4 lines over `customers` customers, in time order over the ~300 days before NOW. */
export function orderEvents(count: number, customers: number, seed = 42): Record<string, unknown>[] {
  const rand = prng(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  const span = 300 * 86_400_000;
  const events: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const lineCount = 2 + pick(3);
    const lines = Array.from({ length: lineCount }, (_, j) => {
      const product = pick(500);
      const quantity = 1 + pick(3);
      const unitPrice = 500 + pick(120) * 100 + 99;
      return {
        lineId: `l${j + 1}`,
        productId: `p${product}`,
        variantId: `v${product}-${pick(4)}`,
        collectionIds: [COLLECTIONS[product % COLLECTIONS.length] as string],
        sku: `SKU-${product}`,
        quantity,
        unitPrice,
        discount: rand() < 0.2 ? Math.floor(unitPrice * quantity * 0.1) : 0,
      };
    });
    events.push({
      type: "order.paid",
      orderId: `${1_000_000 + i}`,
      customerId: `${100_000 + pick(customers)}`,
      occurredAt: new Date(NOW.getTime() - span + Math.floor((i / count) * span) + pick(60_000)).toISOString(),
      currency: "USD",
      lines,
      orderDiscount: rand() < 0.1 ? 500 : 0,
      shipping: 499 + pick(1000),
      tax: pick(2000),
    });
  }
  return events;
}

export interface ApplyRun {
  backend: "postgres" | "pglite";
  program: string;
  concurrency: number;
  events: number;
  customers: number;
  members: number;
  seconds: number;
  perSecond: number;
  p50ms: number;
  p95ms: number;
  p99ms: number;
  statuses: Record<string, number>;
  errors: number;
  firstError: string | null;
  cpu: CpuUse;
  /** Set when the run happened after the bulk sections had filled the lot table. */
  lotsInDatabase?: number;
  verifySeconds: number;
  drift: number;
}

/** Applies `events` to a fresh program with `concurrency` appliers in flight, then verifies it. */
export async function runApply(
  engine: Engine,
  backend: "postgres" | "pglite",
  program: string,
  events: Record<string, unknown>[],
  customers: number,
  concurrency: number,
  database: string,
): Promise<ApplyRun> {
  const created = await engine.createProgram({ key: program, platform: "custom", config: benchProgramConfig(), actor: "bench", now: NOW });
  if (!created.ok) throw new Error(`createProgram ${program}: ${created.error.message}`);
  const latencies: number[] = new Array(events.length);
  const statuses: Record<string, number> = {};
  let errors = 0;
  let firstError: string | null = null;
  let next = 0;
  const cpu = cpuMeter(database);
  const { ms } = await timed(async () => {
    const worker = async () => {
      for (;;) {
        const i = next++;
        const event = events[i];
        if (event === undefined) return;
        const start = performance.now();
        try {
          const result = await engine.apply(program, event, NOW);
          if (result.ok) statuses[result.value.status] = (statuses[result.value.status] ?? 0) + 1;
          else {
            errors++;
            firstError ??= `${result.error.code}: ${result.error.message}`;
          }
        } catch (e) {
          errors++;
          firstError ??= e instanceof Error ? e.message : String(e);
        }
        latencies[i] = performance.now() - start;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  });
  const used = cpu();
  const verify = await timed(() => engine.verify(program));
  let members = 0;
  for await (const _ of engine.members.list(program, NOW)) members++;
  const sorted = latencies.filter((l) => l !== undefined).sort((a, b) => a - b);
  return {
    backend,
    program,
    concurrency,
    events: events.length,
    customers,
    members,
    seconds: ms / 1000,
    perSecond: events.length / (ms / 1000),
    p50ms: percentile(sorted, 50),
    p95ms: percentile(sorted, 95),
    p99ms: percentile(sorted, 99),
    statuses,
    errors,
    firstError,
    cpu: backend === "pglite" ? { ...used, postgres: null } : used,
    verifySeconds: verify.ms / 1000,
    drift: verify.value.length,
  };
}

export interface QueryProfile {
  events: number;
  msPerApply: number;
  queriesPerApply: number;
  dbMsPerApply: number;
  /** Wall time per apply not spent waiting on a query: parsing, zod, decide(), Kysely compilation, pg (de)serialisation. */
  nodeMsPerApply: number;
  byStatement: { statement: string; perApply: number; avgMs: number; msPerApply: number }[];
  /** Microseconds per call of the node-side steps every apply runs, measured in a loop. */
  nodeSteps: { validateConfigUs: number; parseInputUs: number; decideUs: number; currencyExponentUs: number };
}

function perCallUs(n: number, fn: (i: number) => unknown): number {
  for (let i = 0; i < Math.min(n, 200); i++) fn(i);
  const start = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  return ((performance.now() - start) * 1000) / n;
}

/** What zod config validation (findProgram, on a cache miss), parseInput and decide() cost, without the database. */
export function nodeSteps(events: Record<string, unknown>[]): QueryProfile["nodeSteps"] {
  const raw = benchProgramConfig();
  const valid = validateConfig(raw);
  if (!valid.ok) throw new Error(valid.error.message);
  const config = valid.value;
  const stored = JSON.parse(JSON.stringify(config)) as unknown;
  const inputs = events.map((e) => {
    const p = parseInput(e);
    if (!p.ok) throw new Error(p.error.message);
    return p.value;
  });
  const n = Math.max(1, events.length);
  const empty = { member: null, lots: [], orders: {}, held: [], capUsage: {}, windowGrowth: 0 };
  return {
    validateConfigUs: perCallUs(n, () => validateConfig(stored)),
    parseInputUs: perCallUs(n, (i) => parseInput(events[i % events.length])),
    decideUs: perCallUs(n, (i) => decide(empty, inputs[i % inputs.length] as (typeof inputs)[number], config, NOW)),
    currencyExponentUs: perCallUs(n, () => currencyExponent(config.currency)),
  };
}

/** A short label for a statement: its kind and table (the top-level FROM), or the tables a WITH writes. */
function statementOf(text: string): string {
  // A leading comment (the store marks statements it prepares with one) says nothing about the statement.
  const t = text
    .replace(/^\s*\/\*.*?\*\//s, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()
    .replaceAll('"', "");
  if (t.startsWith("with ")) {
    const writes = [...t.matchAll(/\b(insert into|update|delete from) (\w+)/g)]
      .filter((w) => w[2] !== "set")
      .map((w) => `${(w[1] ?? "").split(" ")[0]} ${w[2]}`);
    if (writes.length) return `with: ${writes[0]}${writes.length > 1 ? " + other writes" : ""}`;
    const read = /^with \w+ as \( ?select .*? from (\w+)/.exec(t);
    if (read) return `with: select ${read[1]}${/ for update\)/.test(t) ? " for update" : ""}`;
  }
  const m =
    /^(select pg_advisory_xact_lock|begin|commit|rollback|savepoint|release|insert into \w+|update \w+|delete from \w+|select|with)/.exec(
      t,
    );
  if (!m) return t.slice(0, 40);
  const head = m[1] ?? "";
  if (head !== "select" && head !== "with") return head;
  let depth = 0;
  let from = "";
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (depth === 0 && t.startsWith(" from ", i)) {
      from = /^ from (\w+)/.exec(t.slice(i))?.[1] ?? "?";
      break;
    }
  }
  const locks = t.includes("pg_advisory_xact_lock") ? " + advisory locks" : "";
  return `select ${from || "(subqueries only)"}${locks}${/ for update( of \w+)?$/.test(t) ? " for update" : ""}`;
}

/**
 * One applier, on a pool whose clients count and time every query: round trips per apply and
 * where the wall time goes. `url` is the bench database.
 */
export async function profileApply(url: string, program: string, events: Record<string, unknown>[]): Promise<QueryProfile> {
  const stats = new Map<string, { count: number; ms: number }>();
  let counting = false;
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on("connect", (client) => {
    const target = client as unknown as { query: (...args: unknown[]) => unknown };
    const original = target.query.bind(client);
    target.query = (...args: unknown[]) => {
      const first = args[0];
      const text = typeof first === "string" ? first : ((first as { text?: string } | null)?.text ?? "");
      const start = performance.now();
      const result = original(...args);
      if (counting && result instanceof Promise) {
        const done = () => {
          const key = statementOf(text);
          const s = stats.get(key) ?? { count: 0, ms: 0 };
          s.count++;
          s.ms += performance.now() - start;
          stats.set(key, s);
        };
        result.then(done, done);
      }
      return result;
    };
  });
  const connection = await connect({ pool });
  const engine = engineOn(connection);
  try {
    const created = await engine.createProgram({
      key: program,
      platform: "custom",
      config: benchProgramConfig(),
      actor: "bench",
      now: NOW,
    });
    if (!created.ok) throw new Error(created.error.message);
    counting = true;
    const { ms } = await timed(async () => {
      for (const e of events) {
        const r = await engine.apply(program, e, NOW);
        if (!r.ok) throw new Error(`profile apply: ${r.error.message}`);
      }
    });
    counting = false;
    const n = events.length;
    const rows = [...stats.entries()]
      .map(([statement, s]) => ({ statement, perApply: s.count / n, avgMs: s.ms / s.count, msPerApply: s.ms / n }))
      .sort((a, b) => b.msPerApply - a.msPerApply);
    const dbMs = rows.reduce((s, r) => s + r.msPerApply, 0);
    return {
      events: n,
      msPerApply: ms / n,
      queriesPerApply: rows.reduce((s, r) => s + r.perApply, 0),
      dbMsPerApply: dbMs,
      nodeMsPerApply: ms / n - dbMs,
      byStatement: rows,
      nodeSteps: nodeSteps(events),
    };
  } finally {
    // connect({ pool }).close() ends the pool too (Kysely's driver does), though the pool is ours.
    await connection.close();
    if (!pool.ended) await pool.end();
  }
}
