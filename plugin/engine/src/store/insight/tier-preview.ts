import { sql } from "kysely";
import { isPaying, membershipAt, membershipFromJson, type ProgramConfig, type Tier } from "../../core/index.ts";
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
 * override while it is in force and its tier is still in the list; a paying member (`plans`) at
 * least their plan's tier. One pass: each member's growth against the threshold list
 * (width_bucket), counted by pair of tiers.
 */
export async function tierShifts(
  db: Db,
  programId: number,
  proposed: Tier[],
  windowStart: Date | null,
  now: Date,
  plans: Pick<ProgramConfig, "plans" | "timezone"> | null = null,
): Promise<TierShift[]> {
  const keys = proposed.map((t) => t.key);
  const thresholds = proposed.map((t) => t.threshold);
  const paid = plans ? await paidRanks(db, programId, plans, keys, now) : { ids: [], ranks: [] };
  const growth =
    windowStart === null
      ? sql`SELECT m.id, m.tier_key, m.growth, m.override_tier, m.override_until FROM kinship_member m WHERE m.program_id = ${programId}`
      : sql`SELECT m.id, m.tier_key, coalesce(w.total, 0) AS growth, m.override_tier, m.override_until FROM kinship_member m
          LEFT JOIN (SELECT member_id, sum(amount) AS total FROM kinship_growth
            WHERE program_id = ${programId} AND occurred_at >= ${windowStart} GROUP BY member_id) AS w ON w.member_id = m.id
          WHERE m.program_id = ${programId}`;
  const { rows } = await sql<{ current: string; target: string; members: string | number | bigint }>`
    SELECT g.tier_key AS current,
      CASE WHEN g.override_tier = ANY(${keys}::text[]) AND (g.override_until IS NULL OR g.override_until > ${now})
        THEN g.override_tier
        ELSE (${keys}::text[])[greatest(1, width_bucket(g.growth, ${thresholds}::bigint[]), coalesce(p.rank, 1))] END AS target,
      count(*) AS members
    FROM (${growth}) AS g
    LEFT JOIN unnest(${paid.ids}::bigint[], ${paid.ranks}::int[]) AS p(member_id, rank) ON p.member_id = g.id
    GROUP BY 1, 2`.execute(db);
  return rows.map((r) => ({ current: r.current, target: r.target, members: num(r.members) }));
}

/** Paying members and the 1-based position of their plan's tier in the proposed list (plans whose tier is not in it lift no one). */
async function paidRanks(db: Db, programId: number, plans: Pick<ProgramConfig, "plans" | "timezone">, keys: string[], now: Date) {
  const rows = await db
    .selectFrom("kinship_member")
    .select(["id", "membership"])
    .where("program_id", "=", programId)
    .where("membership", "is not", null)
    .execute();
  const ids: number[] = [];
  const ranks: number[] = [];
  for (const r of rows) {
    const view = membershipAt(membershipFromJson(r.membership), plans, now);
    const rank = isPaying(view) && view.plan.tier ? keys.indexOf(view.plan.tier) + 1 : 0;
    if (rank > 0) {
      ids.push(num(r.id));
      ranks.push(rank);
    }
  }
  return { ids, ranks };
}
