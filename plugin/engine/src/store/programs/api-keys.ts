import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import { type EngineError, err, ok, type Result } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import { findProgram } from "./programs.ts";

/** `kin_` + 32 random bytes in base64url (43 characters). */
const KEY_PATTERN = /^kin_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 12;

export interface CreatedApiKey {
  id: number;
  name: string;
  /** Shown once; only its SHA-256 is stored. */
  key: string;
  /** Enough to recognise the key in a list (`kin_` + 8 characters). */
  prefix: string;
}

export interface ApiKeyInfo {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

function hashOf(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/**
 * A new key for headless admin access to one program. The plaintext is returned once and never
 * stored. Live keys of a program have distinct names, so a re-run of the same creation (a retried
 * script) is refused instead of leaving a second live key nobody knows about.
 */
export async function createApiKey(db: Db, programKey: string, name: string, now: Date): Promise<Result<CreatedApiKey, EngineError>> {
  const program = await findProgram(db, programKey);
  if (!program.ok) return program;
  const label = name.trim() || "api key";
  const key = `kin_${randomBytes(32).toString("base64url")}`;
  const prefix = key.slice(0, PREFIX_LENGTH);
  return db.transaction().execute(async (trx) => {
    // Creations of one program's keys take turns, so two at once cannot both find the name free.
    await sql`SELECT 1 FROM kinship_program WHERE id = ${program.value.id} FOR UPDATE`.execute(trx);
    const live = await trx
      .selectFrom("kinship_api_key")
      .select("prefix")
      .where("program_id", "=", program.value.id)
      .where("name", "=", label)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (live)
      return err({
        code: "ApiKeyExists",
        message: `a live API key named ${JSON.stringify(label)} exists (${live.prefix}…): revoke it first or choose another name`,
        name: label,
        prefix: live.prefix,
      });
    const row = await trx
      .insertInto("kinship_api_key")
      .values({ program_id: program.value.id, name: label, prefix, hash: hashOf(key), created_at: now, revoked_at: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    return ok({ id: num(row.id), name: label, key, prefix });
  });
}

/** The program a key opens, or null (unknown, malformed or revoked). Looked up by hash, never by plaintext. */
export async function verifyApiKey(db: Db, key: string): Promise<{ programKey: string } | null> {
  if (typeof key !== "string" || !KEY_PATTERN.test(key)) return null;
  const row = await db
    .selectFrom("kinship_api_key")
    .innerJoin("kinship_program", "kinship_program.id", "kinship_api_key.program_id")
    .select("kinship_program.key as programKey")
    .where("kinship_api_key.hash", "=", hashOf(key))
    .where("kinship_api_key.revoked_at", "is", null)
    .executeTakeFirst();
  return row ? { programKey: row.programKey } : null;
}

/** Revokes one key of one program (by id or prefix); true when a live key was revoked. */
export async function revokeApiKey(db: Db, programKey: string, idOrPrefix: number | string, now: Date): Promise<boolean> {
  const program = await findProgram(db, programKey);
  if (!program.ok) return false;
  const result = await db
    .updateTable("kinship_api_key")
    .set({ revoked_at: now })
    .where("program_id", "=", program.value.id)
    .where(typeof idOrPrefix === "number" ? "id" : "prefix", "=", idOrPrefix)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return num(result.numUpdatedRows) > 0;
}

/** A program's keys, newest first, without their secrets. */
export async function listApiKeys(db: Db, programKey: string): Promise<Result<ApiKeyInfo[], EngineError>> {
  const program = await findProgram(db, programKey);
  if (!program.ok) return program;
  const rows = await db
    .selectFrom("kinship_api_key")
    .select(["id", "name", "prefix", "created_at", "revoked_at"])
    .where("program_id", "=", program.value.id)
    .orderBy("id", "desc")
    .execute();
  return ok(
    rows.map((r) => ({
      id: num(r.id),
      name: r.name,
      prefix: r.prefix,
      createdAt: r.created_at.toISOString(),
      revokedAt: r.revoked_at?.toISOString() ?? null,
    })),
  );
}
