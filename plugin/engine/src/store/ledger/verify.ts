import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";

export interface Drift {
  program: string;
  customerId: string;
  check: string;
  cached: number;
  ledger: number;
}

/**
 * Σ ledger = cached balances: entries against member balances, open lots against balances,
 * consumption rows against what each lot gave up, growth entries against member growth, and
 * give-backs (negative consumption rows, only from `unspend` entries) mirroring the spend they cancel.
 */
export async function verifyLedger(db: Db, programKey?: string): Promise<Drift[]> {
  let pid: number | null = null;
  if (programKey !== undefined) {
    const program = await db.selectFrom("kinship_program").select("id").where("key", "=", programKey).executeTakeFirst();
    if (!program) return [];
    pid = num(program.id);
  }
  // Each table is filtered by program first, so checking one program never sums the others.
  const inScope = (alias: string) => sql.raw(pid === null ? "true" : `${alias}.program_id = ${pid}`);
  const rows = await sql<{ program: string; customer_id: string; check: string; cached: string; ledger: string }>`
    WITH e AS (
      SELECT member_id, sum(available_delta) a, sum(pending_delta) p, sum(debt_delta) d FROM kinship_entry x WHERE ${inScope("x")} GROUP BY member_id
    ), l AS (
      SELECT member_id,
             sum(CASE WHEN status = 'available' THEN remaining ELSE 0 END) a,
             sum(CASE WHEN status = 'pending' THEN remaining ELSE 0 END) p,
             count(*) FILTER (WHERE status NOT IN ('pending', 'available') AND remaining <> 0) stray
      FROM kinship_lot x WHERE ${inScope("x")} GROUP BY member_id
    ), g AS (
      SELECT member_id, sum(amount) s FROM kinship_growth x WHERE ${inScope("x")} GROUP BY member_id
    ), c AS (
      SELECT lot.member_id, sum(lot.amount - lot.remaining) given, coalesce(sum(used.points), 0) consumed
      FROM kinship_lot lot
      LEFT JOIN (SELECT lot_id, sum(points) points FROM kinship_consumption GROUP BY lot_id) used ON used.lot_id = lot.id
      WHERE ${inScope("lot")}
      GROUP BY lot.member_id
    ), u AS (
      SELECT program_id, member_id, substr(key, length('unspend:') + 1) spend FROM kinship_entry x WHERE kind = 'unspend' AND ${inScope("x")}
    ), gb AS (
      SELECT member_id, count(*) bad FROM (
        SELECT e.member_id, sum(r.points) net
        FROM u
        JOIN kinship_entry e ON e.program_id = u.program_id AND e.key IN ('spend:' || u.spend, 'unspend:' || u.spend) AND e.member_id = u.member_id
        JOIN kinship_consumption r ON r.entry_id = e.id
        GROUP BY e.member_id, u.spend, r.lot_id
      ) x WHERE net <> 0 GROUP BY member_id
    ), neg AS (
      SELECT e.member_id, count(*) bad FROM kinship_entry e JOIN kinship_consumption r ON r.entry_id = e.id
      WHERE r.points < 0 AND e.kind <> 'unspend' AND ${inScope("e")} GROUP BY e.member_id
    ), checks AS (
      SELECT m.program_id, m.customer_id, 'available = Σ entries' AS check, m.available AS cached, coalesce(e.a, 0) AS ledger FROM kinship_member m LEFT JOIN e ON e.member_id = m.id
      UNION ALL SELECT m.program_id, m.customer_id, 'pending = Σ entries', m.pending, coalesce(e.p, 0) FROM kinship_member m LEFT JOIN e ON e.member_id = m.id
      UNION ALL SELECT m.program_id, m.customer_id, 'debt = Σ entries', m.debt, coalesce(e.d, 0) FROM kinship_member m LEFT JOIN e ON e.member_id = m.id
      UNION ALL SELECT m.program_id, m.customer_id, 'available = Σ available lots − debt', m.available, coalesce(l.a, 0) - m.debt FROM kinship_member m LEFT JOIN l ON l.member_id = m.id
      UNION ALL SELECT m.program_id, m.customer_id, 'pending = Σ pending lots', m.pending, coalesce(l.p, 0) FROM kinship_member m LEFT JOIN l ON l.member_id = m.id
      UNION ALL SELECT m.program_id, m.customer_id, 'closed lots hold nothing', 0, coalesce(l.stray, 0) FROM kinship_member m LEFT JOIN l ON l.member_id = m.id
      UNION ALL SELECT m.program_id, m.customer_id, 'growth = Σ growth entries', m.growth, coalesce(g.s, 0) FROM kinship_member m LEFT JOIN g ON g.member_id = m.id
      UNION ALL SELECT m.program_id, m.customer_id, 'lot use = Σ consumption rows', coalesce(c.given, 0), coalesce(c.consumed, 0) FROM kinship_member m LEFT JOIN c ON c.member_id = m.id
      UNION ALL SELECT m.program_id, m.customer_id, 'give-backs mirror their spends', 0, coalesce(gb.bad, 0) FROM kinship_member m LEFT JOIN gb ON gb.member_id = m.id
      UNION ALL SELECT m.program_id, m.customer_id, 'only give-backs are negative', 0, coalesce(neg.bad, 0) FROM kinship_member m LEFT JOIN neg ON neg.member_id = m.id
    )
    SELECT p.key AS program, checks.customer_id, checks.check, checks.cached::text, checks.ledger::text
    FROM checks JOIN kinship_program p ON p.id = checks.program_id
    WHERE checks.cached <> checks.ledger AND ${inScope("checks")}
    ORDER BY p.key, checks.customer_id, checks.check`.execute(db);
  return rows.rows.map((r) => ({
    program: r.program,
    customerId: r.customer_id,
    check: r.check,
    cached: num(r.cached),
    ledger: num(r.ledger),
  }));
}
