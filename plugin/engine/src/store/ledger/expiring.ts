import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";

export interface ExpiringPoints {
  points: number;
  /** The first expiry of that UTC day (a client formats it in the shopper's zone). */
  on: string;
}

/**
 * Available points whose lots expire in [now, now + days), one line per UTC day, soonest first.
 * Pending points are not counted: they are not spendable yet.
 */
export async function expiringPoints(db: Db, programId: number, customerId: string, now: Date, days = 30): Promise<ExpiringPoints[]> {
  const until = new Date(now.getTime() + days * 86_400_000);
  const { rows } = await sql<{ points: string | number | bigint; on: Date }>`
    SELECT sum(l.remaining) AS points, min(l.expires_at) AS "on"
      FROM kinship_lot l
      JOIN kinship_member m ON m.id = l.member_id
     WHERE m.program_id = ${programId} AND m.customer_id = ${customerId}
       AND l.program_id = ${programId}
       AND l.status = 'available' AND l.remaining > 0
       AND l.expires_at > ${now} AND l.expires_at <= ${until}
     GROUP BY date_trunc('day', l.expires_at AT TIME ZONE 'UTC')
     ORDER BY 2`.execute(db);
  return rows.map((r) => ({ points: num(r.points), on: new Date(r.on).toISOString() }));
}
