import { sql } from "kysely";
import { evaluateTier, movesTier, type ProgramConfig, type TierChange, windowStart } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { toMember } from "../db/rows.ts";
import { num } from "../db/schema.ts";

export interface TierEvaluation {
  members: number;
  changed: number;
}

/**
 * Evaluates every member's tier with the core's rules (upgrades, grace, downgrades), a chunk at a
 * time by row id. A member written by someone else since it was read is skipped, not overwritten;
 * the next run (or that writer's own upgrade check) covers them.
 */
export async function evaluateTiers(
  db: Db,
  programId: number,
  config: ProgramConfig,
  now: Date,
  chunk = 10_000,
  onChunk?: (n: number) => void,
): Promise<TierEvaluation> {
  const start = windowStart(config.growth.window, now, config.timezone);
  let after = 0;
  const result: TierEvaluation = { members: 0, changed: 0 };
  for (;;) {
    const rows = await db
      .selectFrom("kinship_member as m")
      .selectAll("m")
      .select(
        start === null
          ? sql<string>`m.growth`.as("window_growth")
          : sql<string>`coalesce((SELECT sum(g.amount) FROM kinship_growth g WHERE g.member_id = m.id AND g.occurred_at >= ${start}), 0)`.as(
              "window_growth",
            ),
      )
      .where("m.program_id", "=", programId)
      .where("m.id", ">", after)
      .orderBy("m.id")
      .limit(chunk)
      .execute();
    if (rows.length === 0) return result;
    after = num(rows[rows.length - 1]?.id);
    result.members += rows.length;

    const updates: Parameters<typeof writeTierUpdates>[2] = [];
    for (const row of rows) {
      const member = toMember(row);
      const changes = evaluateTier(
        member,
        num(row.window_growth),
        config,
        now,
        "full",
        `evaluate:${member.customerId}:${now.toISOString()}`,
      );
      if (changes.length)
        updates.push({
          id: num(row.id),
          old: row,
          tier: member.tierKey,
          since: member.tierSince,
          due: member.downgradeDueAt,
          endsOverride: member.override === null && row.override_tier !== null,
          changes,
        });
    }
    if (updates.length) result.changed += await writeTierUpdates(db, programId, updates, now);
    onChunk?.(rows.length);
  }
}

/**
 * One statement per chunk: the guarded member update, then the tier changes and outbox messages of
 * the members it actually wrote, in the chunk's order. Rows travel as a few array parameters, not
 * one parameter per value (a chunk of 10k changes would pass the protocol's 65,535 limit).
 */
async function writeTierUpdates(
  db: Db,
  programId: number,
  updates: {
    id: number;
    old: { tier_key: string; downgrade_due_at: Date | null; growth: unknown; customer_id: string; override_set_at: Date | null };
    tier: string;
    since: Date;
    due: Date | null;
    /** The member's override ran out: its columns are cleared. */
    endsOverride: boolean;
    changes: TierChange[];
  }[],
  now: Date,
): Promise<number> {
  const iso = (d: Date | null) => (d === null ? null : d.toISOString());
  const changes = updates.flatMap((u) => u.changes.map((c) => ({ u, c })));
  const written = await sql<{ applied: string }>`
    WITH v AS (
      SELECT * FROM unnest(${updates.map((u) => u.id)}::bigint[], ${updates.map((u) => u.tier)}::text[],
                           ${updates.map((u) => iso(u.since))}::timestamptz[], ${updates.map((u) => iso(u.due))}::timestamptz[],
                           ${updates.map((u) => u.old.tier_key)}::text[], ${updates.map((u) => iso(u.old.downgrade_due_at))}::timestamptz[],
                           ${updates.map((u) => String(u.old.growth))}::bigint[], ${updates.map((u) => u.endsOverride)}::boolean[],
                           ${updates.map((u) => iso(u.old.override_set_at))}::timestamptz[])
        AS v(id, tier, since, due, old_tier, old_due, old_growth, ends_override, old_override_set_at)
    ), written AS (
      UPDATE kinship_member m
      SET tier_key = v.tier, tier_since = v.since, downgrade_due_at = v.due, updated_at = ${now},
        override_tier = CASE WHEN v.ends_override THEN NULL ELSE m.override_tier END,
        override_until = CASE WHEN v.ends_override THEN NULL ELSE m.override_until END,
        override_reason = CASE WHEN v.ends_override THEN NULL ELSE m.override_reason END,
        override_actor = CASE WHEN v.ends_override THEN NULL ELSE m.override_actor END,
        override_set_at = CASE WHEN v.ends_override THEN NULL ELSE m.override_set_at END
      FROM v
      WHERE m.id = v.id AND m.tier_key = v.old_tier AND m.downgrade_due_at IS NOT DISTINCT FROM v.old_due AND m.growth = v.old_growth
        AND m.override_set_at IS NOT DISTINCT FROM v.old_override_set_at
      RETURNING m.id
    ), changes AS (
      SELECT c.* FROM unnest(${changes.map(({ u }) => u.id)}::bigint[], ${changes.map(({ c }) => c.key)}::text[],
                             ${changes.map(({ c }) => c.from)}::text[], ${changes.map(({ c }) => c.to)}::text[],
                             ${changes.map(({ c }) => c.reason)}::text[], ${changes.map(({ c }) => c.growth)}::bigint[],
                             ${changes.map(({ c }) => iso(c.at))}::timestamptz[],
                             ${changes.map(({ u, c }) =>
                               movesTier(c)
                                 ? JSON.stringify({
                                     customerId: u.old.customer_id,
                                     from: c.from,
                                     to: c.to,
                                     reason: c.reason,
                                     growth: c.growth,
                                   })
                                 : null,
                             )}::text[])
        WITH ORDINALITY AS c(member_id, key, from_tier, to_tier, reason, growth, at, payload, ord)
      WHERE c.member_id IN (SELECT id FROM written)
    ), tier_changes AS (
      INSERT INTO kinship_tier_change (program_id, member_id, key, from_tier, to_tier, reason, growth, at)
      SELECT ${programId}, member_id, key, from_tier, to_tier, reason, growth, at FROM changes ORDER BY ord
      ON CONFLICT (program_id, key) DO NOTHING
    ), outbox AS (
      INSERT INTO kinship_outbox (program_id, key, topic, payload, created_at)
      SELECT ${programId}, 'tier:' || key, 'tier.changed', payload::jsonb, ${now} FROM changes WHERE payload IS NOT NULL ORDER BY ord
      ON CONFLICT (program_id, key) DO NOTHING
    )
    SELECT count(*)::text AS applied FROM written`.execute(db);
  return num(written.rows[0]?.applied);
}
