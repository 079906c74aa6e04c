import { sql } from "kysely";
import type { Db } from "../db/connect.ts";

/**
 * Records a signed-in member's browser (IP and device id) at `now`, for same_ip / same_device.
 * One row per member and value, its time moved forward; false when there is no such member.
 */
export async function recordSession(
  db: Db,
  programId: number,
  customerId: string,
  seen: { ip: string | null; deviceId: string | null },
  now: Date,
): Promise<boolean> {
  const values = [
    ...(seen.ip ? [{ kind: "ip", value: seen.ip.slice(0, 64) }] : []),
    ...(seen.deviceId ? [{ kind: "device", value: seen.deviceId.slice(0, 200) }] : []),
  ];
  const r = await sql<{ id: string }>`
    WITH m AS (SELECT id FROM kinship_member WHERE program_id = ${programId} AND customer_id = ${customerId}),
    s AS (INSERT INTO kinship_referral_session (member_id, kind, value, seen_at)
      SELECT m.id, x.kind, x.value, ${now}::timestamptz FROM m, jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS x(kind text, value text)
      ON CONFLICT (member_id, kind, value) DO UPDATE SET seen_at = greatest(kinship_referral_session.seen_at, EXCLUDED.seen_at))
    SELECT id FROM m`.execute(db);
  return r.rows.length > 0;
}
