import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { dbOf } from "../../../../test/support/engine-db.ts";
import { programConfig } from "../../../../test/support/program-fixture.ts";
import type { Engine } from "../../src/index.ts";
import { uniqueProgramKey } from "../support/backends.ts";

/** "Now" of every import scenario. */
export const NOW = new Date("2026-06-01T12:00:00Z");

export function fixture(name: string): string {
  return readFileSync(new URL(`../../../../test/fixtures/imports/${name}`, import.meta.url), "utf8");
}

/** Member/Silver/Gold, points expire 40 days after they are earned. */
export async function importProgram(engine: Engine, prefix = "imp"): Promise<string> {
  const key = uniqueProgramKey(prefix);
  const created = await engine.createProgram({
    key,
    platform: "shopify",
    config: programConfig({ expiry: { kind: "afterEarn", days: 40 } }),
    actor: "setup",
    now: NOW,
  });
  if (!created.ok) throw new Error(created.error.message);
  return key;
}

/** Everything an import writes for a program, in a stable order (to compare one run with two). */
export async function ledgerOf(engine: Engine, program: string) {
  const db = dbOf(engine);
  const pid = sql`(SELECT id FROM kinship_program WHERE key = ${program})`;
  const members = await sql`SELECT customer_id, available::text, pending::text, debt::text, growth::text, tier_key, tier_since,
      override_tier, override_until, override_reason, last_activity_at, profile
    FROM kinship_member WHERE program_id = ${pid} ORDER BY customer_id`.execute(db);
  const lots = await sql`SELECT l.key, m.customer_id, l.kind, l.amount::text, l.remaining::text, l.status, l.earned_at, l.expires_at
    FROM kinship_lot l JOIN kinship_member m ON m.id = l.member_id WHERE l.program_id = ${pid} ORDER BY l.key`.execute(db);
  const entries = await sql`SELECT e.key, m.customer_id, e.kind, e.available_delta::text, e.reason, e.actor
    FROM kinship_entry e JOIN kinship_member m ON m.id = e.member_id WHERE e.program_id = ${pid} ORDER BY e.key`.execute(db);
  const codes = await sql`SELECT c.code, m.customer_id FROM kinship_referral_code c JOIN kinship_member m ON m.id = c.member_id
    WHERE c.program_id = ${pid} ORDER BY c.code`.execute(db);
  const tierChanges = await sql<{
    key: string;
    from_tier: string;
    to_tier: string;
    reason: string;
  }>`SELECT key, from_tier, to_tier, reason FROM kinship_tier_change WHERE program_id = ${pid} ORDER BY key`.execute(db);
  return { members: members.rows, lots: lots.rows, entries: entries.rows, codes: codes.rows, tierChanges: tierChanges.rows };
}
