import { sql } from "kysely";
import type { ProgramConfig } from "../../core/config/schema.ts";
import type { ImportSource } from "../../core/import/columns.ts";
import type { ImportMember } from "../../core/import/parse.ts";
import type { ImportRowError } from "../../core/import/rows.ts";
import { tierRank } from "../../core/tiers/rank.ts";
import type { Db } from "../db/connect.ts";

/** What applying will do to one member of the file. */
export interface Planned {
  member: ImportMember;
  isNew: boolean;
  /** The tier to hold them at (the file's tier, above the one they hold now), or null. */
  holdTier: string | null;
  /** The old code to store (they have none yet), or null. */
  code: string | null;
}

export interface Survey {
  planned: Planned[];
  alreadyImported: number;
  errors: ImportRowError[];
}

const CHUNK = 10_000;

export function importEntryKey(source: ImportSource, customerId: string): string {
  return `import:${source}:${customerId}`;
}

/**
 * The file's members against the database, reading only: who is new, who this source imported
 * before (skipped whole), which tiers would be held, which old codes stored, and every code that
 * belongs to another member already (an error on its line).
 */
export async function survey(
  db: Db,
  programId: number,
  config: ProgramConfig,
  source: ImportSource,
  members: ImportMember[],
): Promise<Survey> {
  const planned: Planned[] = [];
  const errors: ImportRowError[] = [];
  let alreadyImported = 0;
  for (let i = 0; i < members.length; i += CHUNK) {
    const chunk = members.slice(i, i + CHUNK);
    const ids = chunk.map((m) => m.customerId);
    const codes = chunk.flatMap((m) => (m.referralCode === null ? [] : [m.referralCode]));
    const [known, owners] = await Promise.all([
      sql<{ customer_id: string; tier_key: string; held: boolean; imported: boolean; own_code: string | null }>`
        SELECT m.customer_id, m.tier_key, m.override_tier IS NOT NULL AS held, c.code AS own_code,
          EXISTS (SELECT 1 FROM kinship_entry e WHERE e.program_id = ${programId} AND e.key = ${`import:${source}:`} || m.customer_id) AS imported
        FROM kinship_member m LEFT JOIN kinship_referral_code c ON c.member_id = m.id
        WHERE m.program_id = ${programId} AND m.customer_id = ANY(${ids}::text[])`.execute(db),
      sql<{ code: string; customer_id: string }>`
        SELECT c.code, m.customer_id FROM kinship_referral_code c JOIN kinship_member m ON m.id = c.member_id
        WHERE c.program_id = ${programId} AND c.code = ANY(${codes}::text[])`.execute(db),
    ]);
    const byId = new Map(known.rows.map((r) => [r.customer_id, r]));
    const ownerOf = new Map(owners.rows.map((r) => [r.code, r.customer_id]));
    for (const member of chunk) {
      const found = byId.get(member.customerId);
      if (found?.imported) {
        alreadyImported++;
        continue;
      }
      const owner = member.referralCode === null ? undefined : ownerOf.get(member.referralCode);
      if (owner !== undefined && owner !== member.customerId) {
        errors.push({ line: member.line, message: `referralCode: ${member.referralCode} already belongs to customer ${owner}` });
        continue;
      }
      const current = found?.tier_key ?? config.tiers[0]?.key ?? "";
      const holdTier =
        member.tier !== null && !found?.held && tierRank(config, member.tier) > tierRank(config, current) ? member.tier : null;
      const code = member.referralCode !== null && !found?.own_code ? member.referralCode : null;
      planned.push({ member, isNew: found === undefined, holdTier, code });
    }
  }
  return { planned, alreadyImported, errors };
}
