import type pg from "pg";
import {
  defaultProgramConfig,
  type Engine,
  type ProgramConfigInput,
  type TierEvaluation,
  windowStart,
} from "../../plugin/engine/src/index.ts";
import { evaluateTiers, expireDueLots, verifyLedger } from "../../plugin/engine/src/store/index.ts";
import { dbOf } from "../support/engine-db.ts";
import { type CpuUse, cpuMeter, log, timed } from "./support.ts";

/** A uniform number in [0, 1) from row number `n` and a salt, stable across runs. */
const u = (n: string, salt: number) => `((hashint8extended(${n}, ${salt}) & 16777215)::float8 / 16777216)`;

/**
 * Every tier member's starting state, a pure function of its number n: growth skewed low (about a
 * third per tier); the tier held from an earlier evaluation at 40–130 % of today's growth. Of the
 * members now below their tier, a third are not yet in grace, a third past their grace, a third
 * inside it; 3 % of the others carry a stale grace date.
 */
const tierState = `
  SELECT n, 'tm' || n AS customer_id, g.growth,
         CASE g.held WHEN 2 THEN 'gold' WHEN 1 THEN 'silver' ELSE 'member' END AS tier,
         $3::timestamptz - make_interval(days => 30 + (${u("n", 4)} * 700)::int) AS since,
         CASE WHEN g.held > g.earned THEN
                CASE WHEN ${u("n", 3)} < 1.0 / 3 THEN $3::timestamptz - interval '5 days'
                     WHEN ${u("n", 3)} < 2.0 / 3 THEN $3::timestamptz + interval '10 days' END
              WHEN ${u("n", 3)} < 0.03 THEN $3::timestamptz + interval '10 days' END AS due
  FROM generate_series(1, $2::bigint) n
  CROSS JOIN LATERAL (SELECT floor(power(${u("n", 1)}, 2) * 5000)::bigint AS growth) g0
  CROSS JOIN LATERAL (SELECT g0.growth * (0.4 + 0.9 * ${u("n", 2)}) AS prev) p
  CROSS JOIN LATERAL (SELECT g0.growth,
                             (g0.growth >= 500)::int + (g0.growth >= 2000)::int AS earned,
                             (p.prev >= 500)::int + (p.prev >= 2000)::int AS held) g`;

async function walPosition(client: pg.Client): Promise<string> {
  return (await client.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn")).rows[0]?.lsn ?? "0/0";
}

async function walMbSince(client: pg.Client, from: string): Promise<number> {
  const r = await client.query<{ bytes: string }>("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::text AS bytes", [from]);
  return Number(r.rows[0]?.bytes ?? 0) / 2 ** 20;
}

export function tierProgramConfig(): ProgramConfigInput {
  return { ...defaultProgramConfig("USD"), growth: { window: { kind: "lifetime" } } };
}

/** Members and their growth rows (an older part outside a 12-month window, a recent part inside). */
export async function loadTierMembers(client: pg.Client, programId: number, members: number, now: Date): Promise<{ growthRows: number }> {
  const iso = now.toISOString();
  await client.query(
    `INSERT INTO kinship_member (program_id, customer_id, available, pending, debt, growth, tier_key, tier_since,
                                 downgrade_due_at, last_activity_at, profile, created_at, updated_at)
     SELECT $1, s.customer_id, 0, 0, 0, s.growth, s.tier, s.since, s.due, s.since, '{}', s.since - interval '10 days', s.since
     FROM (${tierState}) s`,
    [programId, members, iso],
  );
  const growth = await client.query(
    `INSERT INTO kinship_growth (program_id, member_id, key, amount, occurred_at, reason, order_id, rule_id)
     SELECT $1, m.id, 'tg:' || m.customer_id || ':' || part.k, part.amount, part.at, 'bench load', NULL, 'base'
     FROM kinship_member m
     CROSS JOIN LATERAL (SELECT substring(m.customer_id FROM 3)::bigint AS n) x
     CROSS JOIN LATERAL (SELECT floor(m.growth * ${u("x.n", 5)} * 0.6)::bigint AS old) o
     CROSS JOIN LATERAL (VALUES
       ('old', o.old, $2::timestamptz - make_interval(days => 400 + (${u("x.n", 6)} * 300)::int)),
       ('new', m.growth - o.old, $2::timestamptz - make_interval(days => 1 + (${u("x.n", 7)} * 330)::int))) part(k, amount, at)
     WHERE m.program_id = $1 AND part.amount > 0`,
    [programId, iso],
  );
  await client.query("VACUUM ANALYZE kinship_member");
  await client.query("VACUUM ANALYZE kinship_growth");
  await client.query("CHECKPOINT");
  return { growthRows: growth.rowCount ?? 0 };
}

/** Puts every tier member back in its starting state (for a second evaluation under another window). */
export async function resetTierMembers(client: pg.Client, programId: number, members: number, now: Date): Promise<void> {
  await client.query(
    `UPDATE kinship_member m SET tier_key = s.tier, tier_since = s.since, downgrade_due_at = s.due, updated_at = s.since
     FROM (${tierState}) s
     WHERE m.program_id = $1 AND m.customer_id = s.customer_id`,
    [programId, members, now.toISOString()],
  );
  await client.query("VACUUM ANALYZE kinship_member");
  await client.query("CHECKPOINT");
}

export interface TierRun {
  window: string;
  members: number;
  changed: number;
  seconds: number;
  membersPerSecond: number;
  byReason: Record<string, number>;
  underTiered: number;
  walMb: number;
  cpu: CpuUse;
}

export async function runTierEvaluation(
  engine: Engine,
  client: pg.Client,
  programKey: string,
  now: Date,
  database: string,
): Promise<TierRun> {
  const program = await engine.program(programKey);
  if (!program.ok) throw new Error(program.error.message);
  const { id, config } = program.value;
  let seen = 0;
  let nextLog = 100_000;
  const wal = await walPosition(client);
  const cpu = cpuMeter(database);
  const { value, ms } = await timed<TierEvaluation>(() =>
    evaluateTiers(dbOf(engine), id, config, now, undefined, (n) => {
      seen += n;
      if (seen >= nextLog) {
        log(`  evaluateTiers ${config.growth.window.kind}: ${seen.toLocaleString("en-US")} members`);
        nextLog += 100_000;
      }
    }),
  );
  const used = cpu();
  const walMb = await walMbSince(client, wal);
  const reasons = await client.query<{ reason: string; n: string }>(
    "SELECT reason, count(*) AS n FROM kinship_tier_change WHERE program_id = $1 AND at = $2 GROUP BY reason ORDER BY reason",
    [id, now.toISOString()],
  );
  // Upgrades are immediate, so after a full evaluation nobody may sit below the tier their window growth earns.
  const thresholds = config.tiers.map((t) => t.threshold);
  const keys = config.tiers.map((t) => t.key);
  const start = windowStart(config.growth.window, now, config.timezone);
  const under = await client.query<{ n: string }>(
    `WITH w AS (
       SELECT m.tier_key,
              ${
                start === null
                  ? "m.growth"
                  : `coalesce((SELECT sum(g.amount) FROM kinship_growth g WHERE g.member_id = m.id AND g.occurred_at >= $4::timestamptz), 0)`
              } AS growth
       FROM kinship_member m WHERE m.program_id = $1)
     SELECT count(*) AS n FROM w
     WHERE array_position($2::text[], w.tier_key) < (SELECT max(i) FROM generate_subscripts($3::bigint[], 1) i WHERE ($3::bigint[])[i] <= w.growth)`,
    start === null ? [id, keys, thresholds] : [id, keys, thresholds, start.toISOString()],
  );
  return {
    window: config.growth.window.kind === "rolling" ? `rolling ${config.growth.window.months} months` : config.growth.window.kind,
    members: value.members,
    changed: value.changed,
    seconds: ms / 1000,
    membersPerSecond: value.members / (ms / 1000),
    byReason: Object.fromEntries(reasons.rows.map((r) => [r.reason, Number(r.n)])),
    underTiered: Number(under.rows[0]?.n ?? 0),
    walMb,
    cpu: used,
  };
}

/** Members with `lots` available lots between them, all past their expiry, earn entries and balances consistent. */
export async function loadExpiringLots(
  client: pg.Client,
  programId: number,
  members: number,
  lots: number,
  now: Date,
): Promise<{ available: number }> {
  const iso = now.toISOString();
  await client.query(
    `INSERT INTO kinship_member (program_id, customer_id, tier_key, tier_since, profile, created_at, updated_at)
     SELECT $1, 'em' || n, 'member', $3::timestamptz - interval '800 days', '{}', $3::timestamptz - interval '800 days', $3::timestamptz - interval '800 days'
     FROM generate_series(1, $2::bigint) n`,
    [programId, members, iso],
  );
  await client.query(
    `INSERT INTO kinship_lot (program_id, member_id, key, kind, amount, remaining, reversed, status, earned_at, available_at,
                              expires_at, order_id, rule_id, rule, basis)
     SELECT $1, m.id, 'order:e' || n || ':base', 'earn', a.amount, a.amount, 0, 'available', a.earned, a.earned,
            a.earned + interval '365 days', 'e' || n, 'base', NULL, jsonb_build_object('amount', a.amount * 100, 'lineIds', NULL)
     FROM generate_series(1, $2::bigint) n
     CROSS JOIN LATERAL (SELECT 10 + (hashint8extended(n, 11) & 1023) AS amount,
                                $4::timestamptz - make_interval(days => 366 + (hashint8extended(n, 12) & 255)::int) AS earned) a
     JOIN kinship_member m ON m.program_id = $1 AND m.customer_id = 'em' || ((n - 1) % $3::bigint + 1)`,
    [programId, lots, members, iso],
  );
  await client.query(
    `INSERT INTO kinship_entry (program_id, member_id, key, kind, available_delta, pending_delta, debt_delta, written_off,
                                lot_id, order_id, reason, actor, occurred_at, recorded_at)
     SELECT program_id, member_id, key || ':earn', 'earn', amount, 0, 0, 0, id, order_id, 'bench load', NULL, earned_at, earned_at
     FROM kinship_lot WHERE program_id = $1`,
    [programId],
  );
  await client.query(
    `UPDATE kinship_member m SET available = s.total, last_activity_at = s.last
     FROM (SELECT member_id, sum(remaining) AS total, max(earned_at) AS last FROM kinship_lot WHERE program_id = $1 GROUP BY member_id) s
     WHERE m.id = s.member_id`,
    [programId],
  );
  for (const t of ["kinship_member", "kinship_lot", "kinship_entry"]) await client.query(`VACUUM ANALYZE ${t}`);
  await client.query("CHECKPOINT");
  const sum = await client.query<{ s: string }>("SELECT coalesce(sum(available), 0) AS s FROM kinship_member WHERE program_id = $1", [
    programId,
  ]);
  return { available: Number(sum.rows[0]?.s ?? 0) };
}

export interface ExpiryRun {
  lots: number;
  members: number;
  expired: number;
  batches: number;
  seconds: number;
  lotsPerSecond: number;
  leftDue: number;
  availableAfter: number;
  expireEntries: number;
  outbox: number;
  verifySeconds: number;
  drift: number;
  walMb: number;
  cpu: CpuUse;
}

export async function runExpiry(
  engine: Engine,
  client: pg.Client,
  programKey: string,
  members: number,
  lots: number,
  now: Date,
  database: string,
): Promise<ExpiryRun> {
  const program = await engine.program(programKey);
  if (!program.ok) throw new Error(program.error.message);
  const { id } = program.value;
  let batches = 0;
  let done = 0;
  let nextLog = 100_000;
  const wal = await walPosition(client);
  const cpu = cpuMeter(database);
  const { value: expired, ms } = await timed(() =>
    expireDueLots(dbOf(engine), id, now, undefined, (n) => {
      batches++;
      done += n;
      if (done >= nextLog) {
        log(`  expireDueLots: ${done.toLocaleString("en-US")} lots`);
        nextLog += 100_000;
      }
    }),
  );
  const used = cpu();
  const walMb = await walMbSince(client, wal);
  const counts = await client.query<{ left_due: string; available: string; entries: string; outbox: string }>(
    `SELECT (SELECT count(*) FROM kinship_lot WHERE program_id = $1 AND status IN ('pending', 'available') AND remaining > 0 AND expires_at <= $2) AS left_due,
            (SELECT coalesce(sum(available), 0) FROM kinship_member WHERE program_id = $1) AS available,
            (SELECT count(*) FROM kinship_entry WHERE program_id = $1 AND kind = 'expire') AS entries,
            (SELECT count(*) FROM kinship_outbox WHERE program_id = $1 AND topic = 'points.expired') AS outbox`,
    [id, now.toISOString()],
  );
  log("  verifyLedger on the expiry program");
  const verify = await timed(() => verifyLedger(dbOf(engine), programKey));
  const c = counts.rows[0];
  return {
    lots,
    members,
    expired,
    batches,
    seconds: ms / 1000,
    lotsPerSecond: expired / (ms / 1000),
    leftDue: Number(c?.left_due ?? -1),
    availableAfter: Number(c?.available ?? -1),
    expireEntries: Number(c?.entries ?? -1),
    outbox: Number(c?.outbox ?? -1),
    verifySeconds: verify.ms / 1000,
    drift: verify.value.length,
    walMb,
    cpu: used,
  };
}
