import type pg from "pg";

/** A uniform number in [0, 1) from row number `n` and a salt, stable across runs. */
const u = (n: string, salt: number) => `((hashint8extended(${n}, ${salt}) & 16777215)::float8 / 16777216)`;

export interface InsightSeed {
  members: number;
  entries: number;
  growthRows: number;
  tierChanges: number;
  sales: number;
  redemptions: number;
}

/**
 * The dashboard's and the tier preview's data for `members` members of one program, set-based
 * (not applied event by event: the figures' reads are what is measured, not the ledger's
 * consistency). Over the two years before `now`: members join; each has 6 to 12 ledger entries
 * spread over their life (earn, mature, spend, adjust, expire, reverse), 3 growth rows, a tier
 * change for about a third, 1 to 5 paid orders, and guest orders at a third of the members';
 * a redemption for every other member.
 */
export async function seedInsight(client: pg.Client, programId: number, members: number, now: Date): Promise<InsightSeed> {
  const iso = now.toISOString();
  // Every statement takes the same three parameters; the unread CTE types the ones it does not use.
  const q = (text: string) =>
    client.query(`WITH args AS (SELECT $1::bigint AS program, $2::bigint AS members, $3::timestamptz AS now) ${text}`, [
      programId,
      members,
      iso,
    ]);
  const joined = `$3::timestamptz - make_interval(secs => (${u("n", 1)} * 730 * 86400)::int)`;
  await q(`
    INSERT INTO kinship_member (program_id, customer_id, available, pending, debt, growth, tier_key, tier_since,
      last_activity_at, profile, created_at, updated_at)
    SELECT $1, 'im' || n, (${u("n", 2)} * 3000)::bigint, (${u("n", 3)} * 200)::bigint, 0, g.growth,
      CASE WHEN g.growth >= 2000 THEN 'gold' WHEN g.growth >= 500 THEN 'silver' ELSE 'member' END, j.at, j.at, '{}', j.at, $3::timestamptz
    FROM generate_series(1, $2::bigint) n
    CROSS JOIN LATERAL (SELECT ${joined} AS at) j
    CROSS JOIN LATERAL (SELECT floor(power(${u("n", 4)}, 2) * 5000)::bigint AS growth) g`);
  // Every later row of a member is at an instant in its life: joined + a share of (now − joined).
  const lifeAt = (salt: number) => `m.created_at + (($3::timestamptz - m.created_at) * ${u("m.id * 97 + k", salt)})`;
  const entries = await q(`
    INSERT INTO kinship_entry (program_id, member_id, key, kind, available_delta, pending_delta, debt_delta, written_off,
      order_id, reason, occurred_at, recorded_at)
    SELECT $1, m.id, 'e:' || m.id || ':' || k, x.kind,
      CASE x.kind WHEN 'earn' THEN x.pts WHEN 'mature' THEN x.pts WHEN 'adjust' THEN x.pts - 100 ELSE -x.pts END,
      CASE x.kind WHEN 'mature' THEN -x.pts ELSE 0 END, 0, CASE x.kind WHEN 'reverse' THEN x.pts / 10 ELSE 0 END,
      NULL, 'seed', x.at, x.at
    FROM kinship_member m
    CROSS JOIN LATERAL generate_series(1, 6 + (${u("m.id", 5)} * 7)::int) k
    CROSS JOIN LATERAL (SELECT (ARRAY['earn','earn','earn','mature','spend','adjust','expire','reverse'])[1 + (${u("m.id * 97 + k", 6)} * 8)::int % 8] AS kind,
      1 + (${u("m.id * 97 + k", 7)} * 400)::bigint AS pts, ${lifeAt(8)} AS at) x
    WHERE m.program_id = $1`);
  const growth = await q(`
    INSERT INTO kinship_growth (program_id, member_id, key, amount, occurred_at, reason)
    SELECT $1, m.id, 'g:' || m.id || ':' || k, m.growth / 3, ${lifeAt(9)}, 'seed'
    FROM kinship_member m CROSS JOIN generate_series(1, 3) k WHERE m.program_id = $1`);
  const changes = await q(`
    INSERT INTO kinship_tier_change (program_id, member_id, key, from_tier, to_tier, reason, growth, at)
    SELECT $1, m.id, 't:' || m.id, 'member', m.tier_key, 'upgrade', m.growth, m.created_at + ($3::timestamptz - m.created_at) * ${u("m.id", 10)}
    FROM kinship_member m WHERE m.program_id = $1 AND m.tier_key <> 'member' AND ${u("m.id", 11)} < 0.7`);
  const sales = await q(`
    INSERT INTO kinship_sale (program_id, order_id, member_id, by_member, subtotal, occurred_at)
    SELECT $1, 'o:' || m.id || ':' || k, m.id, k > 1, 1000 + (${u("m.id * 97 + k", 12)} * 30000)::bigint, ${lifeAt(13)}
    FROM kinship_member m CROSS JOIN LATERAL generate_series(1, 1 + (${u("m.id", 14)} * 5)::int) k WHERE m.program_id = $1
    UNION ALL
    SELECT $1, 'guest:' || n, NULL, false, 1000 + (${u("n", 15)} * 20000)::bigint, $3::timestamptz - make_interval(secs => (${u("n", 16)} * 730 * 86400)::int)
    FROM generate_series(1, $2::bigint / 3) n`);
  const redemptions = await q(`
    INSERT INTO kinship_redemption (program_id, member_id, key, reward_id, points, status, code, created_at, updated_at)
    SELECT $1, m.id, 'r:' || m.id, (ARRAY['five-off','ten-percent','ship'])[1 + (m.id % 3)], 100 * (1 + m.id % 3),
      CASE WHEN m.id % 10 = 0 THEN 'cancelled' ELSE 'confirmed' END, 'C' || m.id, ${lifeAt(17)}, ${lifeAt(17)}
    FROM kinship_member m CROSS JOIN (SELECT 1 AS k) one WHERE m.program_id = $1 AND m.id % 2 = 0`);
  // As a running database has them: statistics, and the visibility map that index-only scans read.
  await client.query("VACUUM ANALYZE");
  return {
    members,
    entries: entries.rowCount ?? 0,
    growthRows: growth.rowCount ?? 0,
    tierChanges: changes.rowCount ?? 0,
    sales: sales.rowCount ?? 0,
    redemptions: redemptions.rowCount ?? 0,
  };
}
