/**
 * The admin's members list on 100,000 members with their ledgers (part of `npm run bench:api`).
 *
 * Seeds its own database (kinship_bench_members_<timestamp>, dropped at the end) with a documented
 * bulk seeder, `seedMembers` below: one set-based INSERT per table, in the shapes the engine writes
 * (members with a profile, tier by growth, balances; per member an earn and an adjustment entry
 * whose deltas sum to the balances, and a growth row summing to its growth), then ANALYZE, as a
 * running database has statistics. Sizes: BENCH_API_SEARCH_MEMBERS (100,000; --quick 10,000),
 * BENCH_API_SEARCH_ROUNDS (200 timed requests per query; --quick 50).
 *
 * Server time here is the engine's: `executeAdmin` from the query text to the answer (parse,
 * validate, resolve, SQL), in this process, one request at a time; HTTP and the admin's session
 * check are not in it. The reference, measured in the same run on the same pool: Postgres's own
 * primary-key lookup round trip (`SELECT ... FROM kinship_member WHERE id = $1`).
 * Each query's plan (EXPLAIN, its first lines) is printed once, so the index it uses is on record.
 * Goals (p99 ≤ 50 ms) are reported ok or MISSED, never the exit code: a shared machine moves the tail.
 */
import { defaultProgramConfig, type Engine, executeAdmin } from "../../plugin/engine/src/index.ts";
import { dbOf, openEngineOwningDb } from "../support/engine-db.ts";
import { adminQuery, databaseUrl, fmt, log, percentile, prng, rawClient, table } from "./support.ts";

const PROGRAM = "bench-members.myshopify.com";
const GOAL_P99_MS = 50;
const FIRST = [
  "Olivia",
  "Liam",
  "Emma",
  "Noah",
  "Ava",
  "Elijah",
  "Sophia",
  "James",
  "Isabella",
  "Lucas",
  "Mia",
  "Mateo",
  "Amelia",
  "Levi",
  "Harper",
  "Ezra",
  "Evelyn",
  "Leo",
  "Luna",
  "Asher",
  "Ella",
  "Jack",
  "Aria",
  "Owen",
  "Chloe",
  "Henry",
  "Nora",
  "Kai",
  "Zoe",
  "Theo",
];
const SYLLABLES = [
  "ba",
  "ker",
  "son",
  "mil",
  "ler",
  "wood",
  "ham",
  "ton",
  "ber",
  "gar",
  "ri",
  "lo",
  "ven",
  "dal",
  "sk",
  "mor",
  "ra",
  "ly",
  "ne",
  "quist",
];
const LAST = SYLLABLES.flatMap((a) => SYLLABLES.map((b) => `${a[0]?.toUpperCase()}${a.slice(1)}${b}`));

const MEMBERS_QUERY = `query M($search: String, $tier: ID, $sort: MemberSort, $first: Int, $after: String) {
  members(search: $search, tier: $tier, sort: $sort, first: $first, after: $after) {
    members { customerId email name tier { key name } available pending growth joinedAt lastActivityAt } nextCursor } }`;

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === "" ? fallback : Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  return n;
}

/** Members, entries and growth rows in three statements (see the file's comment). */
export async function seedMembers(url: string, programId: number, members: number, now: Date): Promise<void> {
  const client = await rawClient(url);
  try {
    const u = (salt: number) => `((hashint8extended(n, ${salt}) & 16777215)::float8 / 16777216)`;
    await client.query(
      `INSERT INTO kinship_member (program_id, customer_id, available, pending, debt, growth, tier_key, tier_since, last_activity_at,
                                   profile, created_at, updated_at)
       SELECT $1, (8800000000000 + n)::text, s.available, s.pending, 0, s.growth,
              CASE WHEN s.growth >= 2000 THEN 'gold' WHEN s.growth >= 500 THEN 'silver' ELSE 'member' END,
              s.joined, s.joined + interval '1 day',
              jsonb_build_object('email', lower(s.first || '.' || s.last || n || '@example.com'), 'firstName', s.first, 'lastName', s.last,
                                 'tags', '[]'::jsonb),
              s.joined, s.joined
       FROM generate_series(1, $2::bigint) n
       CROSS JOIN LATERAL (SELECT floor(power(${u(1)}, 2) * 5000)::bigint AS growth, floor(${u(2)} * 3000)::bigint AS available,
                                  floor(${u(3)} * 4)::bigint * 50 AS pending,
                                  $3::timestamptz - make_interval(days => floor(${u(4)} * 900)::int) AS joined,
                                  ($4::text[])[1 + floor(${u(5)} * array_length($4::text[], 1))::int] AS first,
                                  ($5::text[])[1 + floor(${u(6)} * array_length($5::text[], 1))::int] AS last) s`,
      [programId, members, now.toISOString(), FIRST, LAST],
    );
    await client.query(
      `INSERT INTO kinship_entry (program_id, member_id, key, kind, available_delta, pending_delta, debt_delta, written_off, order_id,
                                  reason, actor, occurred_at, recorded_at)
       SELECT $1, m.id, 'bench:' || m.id || ':' || k, CASE k WHEN 1 THEN 'earn' ELSE 'adjust' END,
              CASE k WHEN 1 THEN m.available + 100 ELSE -100 END, CASE k WHEN 1 THEN m.pending ELSE 0 END, 0, 0,
              CASE k WHEN 1 THEN 'bench-order-' || m.id END, CASE k WHEN 1 THEN 'order' ELSE 'correction' END,
              CASE k WHEN 2 THEN 'bench' END, m.created_at, m.created_at
       FROM kinship_member m CROSS JOIN generate_series(1, 2) k WHERE m.program_id = $1`,
      [programId],
    );
    await client.query(
      `INSERT INTO kinship_growth (program_id, member_id, key, amount, occurred_at, reason, order_id)
       SELECT $1, m.id, 'bench:' || m.id, m.growth, m.created_at, 'order', 'bench-order-' || m.id
       FROM kinship_member m WHERE m.program_id = $1 AND m.growth <> 0`,
      [programId],
    );
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}

interface Summary {
  p50: number;
  p99: number;
  max: number;
  count: number;
}

function summary(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0, count: sorted.length };
}

async function timedRounds(rounds: number, run: (i: number) => Promise<void>): Promise<number[]> {
  for (let i = 0; i < Math.min(20, rounds); i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await run(i);
    times.push(performance.now() - t0);
  }
  return times;
}

/** Runs the members list queries against a seeded program; throws when an answer has errors or no rows. */
async function measure(engine: Engine, url: string, members: number, rounds: number, now: Date) {
  const random = prng(11);
  const ask = async (variables: Record<string, unknown>) => {
    const r = await executeAdmin(engine, { program: PROGRAM, actor: "bench", now }, { query: MEMBERS_QUERY, variables });
    if (r.errors) throw new Error(`members ${JSON.stringify(variables)}: ${r.errors[0]?.message}`);
    return (r.data as { members: { members: unknown[]; nextCursor: string | null } }).members;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const emailPrefix = () => `${pick(FIRST).toLowerCase()}.${pick(LAST).toLowerCase().slice(0, 3)}`;
  const namePrefix = () => `${pick(FIRST)} ${pick(LAST).slice(0, 2)}`;
  const db = dbOf(engine);
  const ids = (await db.selectFrom("kinship_member").select("id").limit(Math.min(members, 10_000)).execute()).map((r) => Number(r.id));
  let rows = 0;
  const counted = async (variables: Record<string, unknown>) => {
    rows += (await ask(variables)).members.length;
  };
  const thirdPageOnly: number[] = [];
  const queries: [string, (i: number) => Promise<void>][] = [
    ["members(search: email prefix)", () => counted({ search: emailPrefix() })],
    ["members(search: name prefix)", () => counted({ search: namePrefix() })],
    ["members(tier:, sort: GROWTH_DESC)", () => counted({ tier: pick(["member", "silver", "gold"]), sort: "GROWTH_DESC" })],
    [
      "3rd page after a cursor (POINTS_DESC, GROWTH_ASC or JOINED_DESC)",
      async () => {
        const sort = pick(["POINTS_DESC", "GROWTH_ASC", "JOINED_DESC"]);
        const first = await ask({ sort });
        const second = await ask({ sort, after: first.nextCursor });
        const t0 = performance.now();
        await counted({ sort, after: second.nextCursor });
        thirdPageOnly.push(performance.now() - t0);
      },
    ],
  ];
  const pool = await rawClient(url);
  const results: { label: string; times: Summary }[] = [];
  try {
    const reference = await timedRounds(rounds, async () => {
      await pool.query("SELECT id, customer_id, available FROM kinship_member WHERE id = $1", [pick(ids)]);
    });
    results.push({ label: "reference: Postgres primary-key lookup round trip", times: summary(reference) });
    for (const [label, run] of queries) {
      const times = await timedRounds(rounds, run);
      results.push({ label, times: summary(label.startsWith("3rd page") ? thirdPageOnly.slice(-rounds) : times) });
    }
  } finally {
    await pool.end();
  }
  if (rows === 0) throw new Error("the members queries found nobody: the seed or the search is wrong");
  return results;
}

/** Plans of the queries the list runs (the SQL of store/members/search.ts), as EXPLAIN shows them (first lines). */
async function plans(url: string, programId: number): Promise<string[]> {
  const client = await rawClient(url);
  try {
    const explain = async (label: string, text: string, params: unknown[]) => {
      const r = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${text}`, params);
      return [`${label}:`, ...r.rows.slice(0, 8).map((row) => `    ${row["QUERY PLAN"]}`)];
    };
    const cols = "m.id, m.customer_id, m.available";
    const fullName = "lower(trim(coalesce(m.profile->>'firstName', '') || ' ' || coalesce(m.profile->>'lastName', '')))";
    const search = `(m.customer_id = $2 OR lower(m.profile->>'email') LIKE $3 OR lower(m.profile->>'lastName') LIKE $3 OR ${fullName} LIKE $3)`;
    return [
      ...(await explain(
        "search",
        `WITH found AS MATERIALIZED (SELECT * FROM kinship_member m WHERE m.program_id = $1 AND ${search})
         SELECT ${cols} FROM found m ORDER BY m.available DESC, m.id DESC LIMIT 51`,
        [programId, "olivia ba", "olivia ba%"],
      )),
      ...(await explain(
        "tier + GROWTH_DESC",
        `SELECT ${cols} FROM kinship_member m WHERE m.program_id = $1 AND m.tier_key = $2 ORDER BY m.growth DESC, m.id DESC LIMIT 51`,
        [programId, "member"],
      )),
      ...(await explain(
        "keyset page (POINTS_DESC)",
        `SELECT ${cols} FROM kinship_member m WHERE m.program_id = $1 AND (m.available, m.id) < ($2::bigint, $3::bigint) ORDER BY m.available DESC, m.id DESC LIMIT 51`,
        [programId, 2900, 1_000_000],
      )),
    ];
  } finally {
    await client.end();
  }
}

/** Seeds, measures and prints the members list's figures: a table, then one JSON line (bench "api-members"). */
export async function benchMembers(admin: URL, quick: boolean): Promise<void> {
  const members = envInt("BENCH_API_SEARCH_MEMBERS", quick ? 10_000 : 100_000);
  const rounds = envInt("BENCH_API_SEARCH_ROUNDS", quick ? 50 : 200);
  const currentDb = `kinship_bench_members_${Date.now()}`;
  const url = databaseUrl(admin, currentDb);
  await adminQuery(admin, `CREATE DATABASE ${currentDb}`);
  const engine = await openEngineOwningDb({ databaseUrl: url, max: 4 });
  try {
    const now = new Date();
    const created = await engine.createProgram({
      key: PROGRAM,
      platform: "shopify",
      config: defaultProgramConfig("USD"),
      actor: "bench",
      now,
    });
    if (!created.ok) throw new Error(created.error.message);
    log(`members list: seeding ${fmt(members)} members with their ledgers (bulk SQL)`);
    const t0 = performance.now();
    await seedMembers(url, created.value.id, members, now);
    log(`seeded in ${fmt((performance.now() - t0) / 1000, 1)} s; ${fmt(rounds)} timed requests per query`);
    const results = await measure(engine, url, members, rounds, now);
    const planLines = await plans(url, created.value.id);
    const goals = Object.fromEntries(
      results
        .filter((r) => !r.label.startsWith("reference"))
        .map((r) => [`${r.label} server p99 ≤ ${GOAL_P99_MS} ms`, r.times.p99 <= GOAL_P99_MS]),
    );
    console.log(
      [
        "",
        `Admin members list on ${fmt(members)} members (2 ledger entries and a growth row each), 50 per page, Postgres; engine time (executeAdmin), one at a time`,
        "",
        table(
          ["", "p50 ms", "p99 ms", "max ms", "requests"],
          results.map((r) => [r.label, fmt(r.times.p50, 2), fmt(r.times.p99, 2), fmt(r.times.max, 2), fmt(r.times.count)]),
        ),
        "",
        "Plans:",
        ...planLines,
        "",
        ...Object.entries(goals).map(([what, ok]) => `${ok ? "ok    " : "MISSED"} goal: ${what}`),
        "",
      ].join("\n"),
    );
    console.log(
      JSON.stringify({
        bench: "api-members",
        quick,
        members,
        rounds,
        serverMs: Object.fromEntries(results.map((r) => [r.label, r.times])),
        goals,
      }),
    );
  } finally {
    await engine.close();
    await adminQuery(admin, `DROP DATABASE IF EXISTS ${currentDb} WITH (FORCE)`);
    log(`dropped database ${currentDb}`);
  }
}
