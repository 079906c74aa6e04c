import { sql } from "kysely";
import { DateTime } from "luxon";
import { type ProgramConfig, recentMonthDays } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import { applyInput } from "../ledger/apply.ts";

/** A member is not due an anniversary before this many days after joining (the core decides exactly). */
const FIRST_ANNIVERSARY_DAYS = 360;

/**
 * Birthdays and anniversaries due at `now`: set-based SQL finds the members whose day (in the
 * program's zone) fell in the catch-up window and whose bonus for this year is not recorded, then
 * each goes through the core (the `campaigns` command), which decides and records the year under
 * the member's lock: a rerun or a second clock gives nothing twice.
 */
export async function giveClockCampaigns(db: Db, programKey: string, programId: number, config: ProgramConfig, now: Date): Promise<number> {
  const { birthday, anniversary } = config.campaigns;
  if (!birthday && !anniversary) return 0;
  const zone = config.timezone;
  const days = recentMonthDays(now, zone);
  const year = DateTime.fromJSDate(now, { zone }).year;
  const joinedBefore = new Date(now.getTime() - FIRST_ANNIVERSARY_DAYS * 86_400_000);
  const due = await sql<{ customer_id: string }>`
    SELECT m.customer_id FROM kinship_member m LEFT JOIN kinship_member_campaign c ON c.member_id = m.id
    WHERE m.program_id = ${programId} AND (
      (${birthday !== undefined} AND substr(m.profile->>'birthday', 6, 5) = ANY(${days}::text[])
        AND coalesce((c.state->>'birthdayYear')::int, 0) < ${year})
      OR (${anniversary !== undefined} AND m.created_at < ${joinedBefore}
        AND to_char(m.created_at AT TIME ZONE ${zone}, 'MM-DD') = ANY(${days}::text[])
        AND coalesce((c.state->>'anniversaryYear')::int, 0) < ${year}))
    ORDER BY m.id`.execute(db);
  let given = 0;
  for (const r of due.rows) {
    const applied = await applyInput(db, programKey, { type: "campaigns", customerId: r.customer_id }, now);
    if (!applied.ok && applied.error.code !== "AlreadyApplied") throw new Error(applied.error.message);
    if (applied.ok && applied.value.status === "applied") given += 1;
  }
  return given;
}

/**
 * `points.expiring` notices: one per lot, `days` before it expires (the lot's remaining points then),
 * keyed by the lot so a rerun or a second clock sends none twice. A lot that expired before any run
 * saw it in its window gets none (its `points.expired` still goes out).
 */
export async function noticeExpiringLots(db: Db, programId: number, config: ProgramConfig, now: Date): Promise<number> {
  const notice = config.campaigns.expiringNotice;
  if (!notice) return 0;
  const until = new Date(now.getTime() + notice.days * 86_400_000);
  const result = await sql<{ n: string }>`
    WITH sent AS (
      INSERT INTO kinship_outbox (program_id, key, topic, payload, created_at)
      SELECT ${programId}, 'expiring:' || m.customer_id || ':' || l.key, 'points.expiring',
        jsonb_build_object('customerId', m.customer_id, 'points', l.remaining, 'lotKey', l.key,
          'expiresAt', to_char(l.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), ${now}
      FROM kinship_lot l JOIN kinship_member m ON m.id = l.member_id
      WHERE l.program_id = ${programId} AND l.status IN ('pending', 'available') AND l.remaining > 0
        AND l.expires_at > ${now} AND l.expires_at <= ${until}
      ORDER BY l.id
      ON CONFLICT (program_id, key) DO NOTHING
      RETURNING 1)
    SELECT count(*)::text AS n FROM sent`.execute(db);
  return num(result.rows[0]?.n);
}
