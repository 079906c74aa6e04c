import { sql } from "kysely";
import type { ImportSource } from "../../core/import/columns.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";

/** An applied import as the admin lists it (its parts summed). */
export interface ImportRun {
  id: string;
  source: ImportSource;
  fileName: string | null;
  rows: number;
  members: number;
  points: number;
  actor: string;
  createdAt: Date;
}

export interface PartRecord {
  programId: number;
  key: string;
  source: ImportSource;
  fileName: string | null;
  actor: string;
  firstLine: number;
  rows: number;
  members: number;
  newMembers: number;
  points: number;
  tiersSet: number;
  referralCodes: number;
  now: Date;
}

/** The source a request key was first used with (null: unused), to refuse a key reused for another source. */
export async function sourceOfKey(db: Db, programId: number, key: string): Promise<ImportSource | null> {
  const { rows } = await sql<{ source: ImportSource }>`
    SELECT source FROM kinship_import WHERE program_id = ${programId} AND request_key = ${key}`.execute(db);
  return rows[0]?.source ?? null;
}

/** Records a part applied (once per file line it starts at; a part sent again adds nothing). */
export async function recordPart(db: Db, r: PartRecord): Promise<void> {
  await sql`WITH file AS (
      INSERT INTO kinship_import (program_id, request_key, source, file_name, actor, created_at)
      VALUES (${r.programId}, ${r.key}, ${r.source}, ${r.fileName}, ${r.actor}, ${r.now}::timestamptz)
      ON CONFLICT (program_id, request_key) DO UPDATE SET file_name = coalesce(kinship_import.file_name, EXCLUDED.file_name)
      RETURNING id)
    INSERT INTO kinship_import_part (import_id, first_line, rows, members, new_members, points, tiers_set, referral_codes, created_at)
    SELECT id, ${r.firstLine}, ${r.rows}, ${r.members}, ${r.newMembers}, ${r.points}, ${r.tiersSet}, ${r.referralCodes}, ${r.now}::timestamptz FROM file
    ON CONFLICT (import_id, first_line) DO NOTHING`.execute(db);
}

/** The program's applied imports, newest first. */
export async function listImports(db: Db, programId: number, first: number): Promise<ImportRun[]> {
  const { rows } = await sql<{
    id: string;
    source: ImportSource;
    file_name: string | null;
    actor: string;
    created_at: Date;
    rows: string;
    members: string;
    points: string;
  }>`SELECT i.id, i.source, i.file_name, i.actor, i.created_at,
      coalesce(sum(p.rows), 0) AS rows, coalesce(sum(p.members), 0) AS members, coalesce(sum(p.points), 0) AS points
    FROM kinship_import i LEFT JOIN kinship_import_part p ON p.import_id = i.id
    WHERE i.program_id = ${programId}
    GROUP BY i.id ORDER BY i.id DESC LIMIT ${first}`.execute(db);
  return rows.map((r) => ({
    id: String(r.id),
    source: r.source,
    fileName: r.file_name,
    rows: num(r.rows),
    members: num(r.members),
    points: num(r.points),
    actor: r.actor,
    createdAt: r.created_at,
  }));
}
