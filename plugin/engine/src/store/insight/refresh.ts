import { sql } from "kysely";
import { type EngineError, LAPSED_DAYS, NEW_DAYS, ok, type Result } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import { findProgram } from "../programs/programs.ts";

/** What one recompute did: every member of the program written, and how many changed segment. */
export interface InsightRefresh {
  computedAt: Date;
  members: number;
  changed: number;
}

/** Who asked for a refresh, and the key a retry of the same request carries. */
export interface RefreshRequest {
  actor: string;
  key?: string | null;
}

export const REFRESH_ACTION = "insight.refresh";

/**
 * Recomputes the program's insight at `now` (the admin's refresh; the clock calls refreshInsight).
 * With a request the refresh is audited in the same transaction; a request whose key was already
 * audited is not run again: it answers the first run's figures.
 */
export async function refreshProgramInsight(
  db: Db,
  programKey: string,
  now: Date,
  request: RefreshRequest | null = null,
): Promise<Result<InsightRefresh, EngineError>> {
  const program = await findProgram(db, programKey);
  if (!program.ok) return program;
  const programId = program.value.id;
  const key = request?.key ?? null;
  return ok(
    await atomically(db, async (trx) => {
      if (key !== null) {
        const first = await trx
          .selectFrom("kinship_audit")
          .select(["after", "at"])
          .where("program_id", "=", programId)
          .where("action", "=", REFRESH_ACTION)
          .where("request_key", "=", key)
          .executeTakeFirst();
        const figures = first?.after as { members: number; changed: number } | undefined;
        if (first && figures) return { computedAt: first.at, members: figures.members, changed: figures.changed };
      }
      const done = await refreshInsight(trx, programId, now);
      if (request !== null)
        await trx
          .insertInto("kinship_audit")
          .values({
            program_id: programId,
            actor: request.actor,
            action: REFRESH_ACTION,
            subject: programKey,
            before: null,
            after: JSON.stringify({ members: done.members, changed: done.changed }),
            at: now,
            request_key: key,
          })
          // Two retries at once both recompute (harmless); one audit entry stands.
          .onConflict((c) => c.doNothing())
          .execute();
      return done;
    }),
  );
}

/**
 * Every member's scores, figures and segment in one statement over the program (rules:
 * core/insight/segments.ts, kept in step with segmentOf). Scores are quintiles over the members with
 * paid orders up to `now` by rank (equal values share a score): recency by last order, frequency by
 * orders, monetary by Σ subtotal. `changed_at` moves only when the segment does; `computed_at` is
 * `now` on every row. The program's run row is locked first, so two refreshes never interleave.
 */
export async function refreshInsight(db: Db, programId: number, now: Date): Promise<InsightRefresh> {
  return atomically(db, async (trx) => {
    await sql`INSERT INTO kinship_insight_run (program_id, computed_at) VALUES (${programId}, ${now})
      ON CONFLICT (program_id) DO UPDATE SET computed_at = EXCLUDED.computed_at`.execute(trx);
    const newSince = new Date(now.getTime() - NEW_DAYS * 86_400_000);
    const lapsedBefore = new Date(now.getTime() - LAPSED_DAYS * 86_400_000);
    const { rows } = await sql<{ members: string; changed: string }>`
      WITH s AS (
        SELECT member_id, count(*) AS orders, sum(subtotal) AS ltv, min(occurred_at) AS first_at, max(occurred_at) AS last_at
        FROM kinship_sale WHERE program_id = ${programId} AND occurred_at <= ${now} AND member_id IS NOT NULL
        GROUP BY member_id),
      r AS (
        SELECT s.*,
          1 + 5 * (rank() OVER (ORDER BY last_at) - 1) / count(*) OVER () AS recency,
          1 + 5 * (rank() OVER (ORDER BY orders) - 1) / count(*) OVER () AS frequency,
          1 + 5 * (rank() OVER (ORDER BY ltv) - 1) / count(*) OVER () AS monetary
        FROM s),
      x AS (
        SELECT m.id, r.recency, r.frequency, r.monetary, coalesce(r.orders, 0) AS orders, coalesce(r.ltv, 0) AS ltv,
          r.first_at, r.last_at,
          CASE
            WHEN r.first_at >= ${newSince} OR (m.created_at >= ${newSince} AND coalesce(r.orders, 0) <= 1) THEN 'new'
            WHEN r.last_at < ${lapsedBefore} THEN 'lapsed'
            WHEN r.recency >= 4 AND r.frequency >= 4 AND r.monetary >= 4 THEN 'champions'
            WHEN r.recency <= 2 AND (r.frequency >= 3 OR r.monetary >= 3) THEN 'at_risk'
            WHEN r.frequency >= 4 THEN 'loyal'
            WHEN r.recency = 1 THEN 'lapsed'
            ELSE 'regular' END AS segment
        FROM kinship_member m LEFT JOIN r ON r.member_id = m.id
        WHERE m.program_id = ${programId}),
      up AS (
        INSERT INTO kinship_member_insight AS i (member_id, program_id, recency, frequency, monetary, segment, orders,
          lifetime_value, first_order_at, last_order_at, computed_at, changed_at)
        SELECT id, ${programId}, recency, frequency, monetary, segment, orders, ltv, first_at, last_at, ${now}, ${now} FROM x
        ON CONFLICT (member_id) DO UPDATE SET recency = EXCLUDED.recency, frequency = EXCLUDED.frequency,
          monetary = EXCLUDED.monetary, segment = EXCLUDED.segment, orders = EXCLUDED.orders,
          lifetime_value = EXCLUDED.lifetime_value, first_order_at = EXCLUDED.first_order_at,
          last_order_at = EXCLUDED.last_order_at, computed_at = EXCLUDED.computed_at,
          changed_at = CASE WHEN i.segment = EXCLUDED.segment THEN i.changed_at ELSE EXCLUDED.changed_at END
        RETURNING i.changed_at)
      SELECT count(*) AS members, count(*) FILTER (WHERE changed_at = ${now}) AS changed FROM up`.execute(trx);
    return { computedAt: now, members: num(rows[0]?.members), changed: num(rows[0]?.changed) };
  });
}

/** Runs `work` in the transaction `db` already is, or in a new one. */
function atomically<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** When the program's insight was last computed (null: never). */
export async function insightComputedAt(db: Db, programId: number): Promise<Date | null> {
  const row = await db.selectFrom("kinship_insight_run").select("computed_at").where("program_id", "=", programId).executeTakeFirst();
  return row?.computed_at ?? null;
}
