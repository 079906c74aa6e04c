import { sql } from "kysely";
import { evaluateTier, type ProgramConfig, type TierChange, windowStart } from "../../core/index.ts";
import type { Db } from "../connect.ts";
import { toMember } from "../rows.ts";
import { num } from "../schema.ts";

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

    const updates: { id: number; old: (typeof rows)[number]; tier: string; since: Date; due: Date | null; changes: TierChange[] }[] = [];
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
        updates.push({ id: num(row.id), old: row, tier: member.tierKey, since: member.tierSince, due: member.downgradeDueAt, changes });
    }
    if (updates.length) result.changed += await writeTierUpdates(db, programId, updates, now);
    onChunk?.(rows.length);
  }
}

async function writeTierUpdates(
  db: Db,
  programId: number,
  updates: {
    id: number;
    old: { tier_key: string; downgrade_due_at: Date | null; growth: unknown; customer_id: string };
    tier: string;
    since: Date;
    due: Date | null;
    changes: TierChange[];
  }[],
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const values = sql.join(
      updates.map(
        (u) =>
          sql`(${u.id}::bigint, ${u.tier}::text, ${u.since}::timestamptz, ${u.due}::timestamptz, ${u.old.tier_key}::text, ${u.old.downgrade_due_at}::timestamptz, ${String(u.old.growth)}::bigint)`,
      ),
    );
    const written = await sql<{ id: string }>`
      UPDATE kinship_member m
      SET tier_key = v.tier, tier_since = v.since, downgrade_due_at = v.due, updated_at = ${now}
      FROM (VALUES ${values}) AS v(id, tier, since, due, old_tier, old_due, old_growth)
      WHERE m.id = v.id AND m.tier_key = v.old_tier AND m.downgrade_due_at IS NOT DISTINCT FROM v.old_due AND m.growth = v.old_growth
      RETURNING m.id`.execute(trx);
    const ok = new Set(written.rows.map((r) => num(r.id)));
    const applied = updates.filter((u) => ok.has(u.id));
    const changes = applied.flatMap((u) => u.changes.map((c) => ({ u, c })));
    if (changes.length)
      await trx
        .insertInto("kinship_tier_change")
        .values(
          changes.map(({ u, c }) => ({
            program_id: programId,
            member_id: u.id,
            key: c.key,
            from_tier: c.from,
            to_tier: c.to,
            reason: c.reason,
            growth: c.growth,
            at: c.at,
          })),
        )
        .onConflict((oc) => oc.columns(["program_id", "key"]).doNothing())
        .execute();
    const moves = changes.filter(({ c }) => c.reason === "upgrade" || c.reason === "downgrade");
    if (moves.length)
      await trx
        .insertInto("kinship_outbox")
        .values(
          moves.map(({ u, c }) => ({
            program_id: programId,
            key: `tier:${c.key}`,
            topic: "tier.changed",
            payload: JSON.stringify({ customerId: u.old.customer_id, from: c.from, to: c.to, reason: c.reason, growth: c.growth }),
            created_at: now,
          })),
        )
        .onConflict((oc) => oc.columns(["program_id", "key"]).doNothing())
        .execute();
    return applied.length;
  });
}
