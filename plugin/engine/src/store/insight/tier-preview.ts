import { sql } from "kysely";
import type { Tier } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";

/** How many members hold tier `current` today and would be placed in `target` by the proposed thresholds. */
export interface TierShift {
  current: string;
  target: string;
  members: number;
}

/**
 * Members by the tier they hold and the tier the proposed thresholds give their growth (the
 * qualification window's growth from `windowStart`, or lifetime growth when it is null), as the
 * engine computes it for tiers: the highest tier whose threshold the growth reaches, or the owner's
 * override while it is in force and its tier is still in the list. One pass:
 * each member's growth against the threshold list (width_bucket), counted by pair of tiers.
 */
export async function tierShifts(db: Db, programId: number, proposed: Tier[], windowStart: Date | null, now: Date): Promise<TierShift[]> {
  const keys = proposed.map((t) => t.key);
  const thresholds = proposed.map((t) => t.threshold);
  const growth =
    windowStart === null
      ? sql`SELECT m.tier_key, m.growth, m.override_tier, m.override_until FROM kinship_member m WHERE m.program_id = ${programId}`
      : sql`SELECT m.tier_key, coalesce(w.total, 0) AS growth, m.override_tier, m.override_until FROM kinship_member m
          LEFT JOIN (SELECT member_id, sum(amount) AS total FROM kinship_growth
            WHERE program_id = ${programId} AND occurred_at >= ${windowStart} GROUP BY member_id) AS w ON w.member_id = m.id
          WHERE m.program_id = ${programId}`;
  const { rows } = await sql<{ current: string; target: string; members: string | number | bigint }>`
    SELECT g.tier_key AS current,
      CASE WHEN g.override_tier = ANY(${keys}::text[]) AND (g.override_until IS NULL OR g.override_until > ${now})
        THEN g.override_tier
        ELSE (${keys}::text[])[greatest(1, width_bucket(g.growth, ${thresholds}::bigint[]))] END AS target,
      count(*) AS members
    FROM (${growth}) AS g GROUP BY 1, 2`.execute(db);
  return rows.map((r) => ({ current: r.current, target: r.target, members: num(r.members) }));
}
