import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { type EngineError, err, ok, type ProgramConfig, ProgramKey, type Result, validateConfig } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { PREPARED } from "../db/prepared.ts";
import { num } from "../db/schema.ts";

export type Platform = "shopify" | "medusa" | "custom";

export interface Program {
  id: number;
  key: string;
  platform: Platform;
  config: ProgramConfig;
  configVersion: number;
}

export interface CreateProgramInput {
  key: string;
  platform: Platform;
  config: unknown;
  actor: string;
  now: Date;
}

function badKey(key: string): Result<never, EngineError> | null {
  const parsed = ProgramKey.safeParse(key);
  if (parsed.success) return null;
  const issues = parsed.error.issues.map((i) => i.message);
  return err({ code: "InvalidConfig", message: `invalid program key ${JSON.stringify(key)}: ${issues.join("; ")}`, issues });
}

export async function createProgram(db: Db, input: CreateProgramInput): Promise<Result<Program, EngineError>> {
  const keyError = badKey(input.key);
  if (keyError) return keyError;
  const valid = validateConfig(input.config);
  if (!valid.ok) return valid;
  const config = valid.value;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("kinship_program")
      .values({
        key: input.key,
        platform: input.platform,
        config: JSON.stringify(config),
        created_at: input.now,
        webhook_secret: randomBytes(32).toString("hex"),
      })
      .onConflict((oc) => oc.column("key").doNothing())
      .returning(["id"])
      .executeTakeFirst();
    if (!row) return err({ code: "ProgramExists", message: `program ${input.key} already exists`, program: input.key });
    const id = num(row.id);
    await trx
      .insertInto("kinship_program_config")
      .values({ program_id: id, version: 1, config: JSON.stringify(config), actor: input.actor, created_at: input.now })
      .execute();
    await trx
      .insertInto("kinship_audit")
      .values({
        program_id: id,
        actor: input.actor,
        action: "program.create",
        subject: input.key,
        before: null,
        after: JSON.stringify(config),
        at: input.now,
      })
      .execute();
    return ok({ id, key: input.key, platform: input.platform, config, configVersion: 1 });
  });
}

/** Validated configs by program version: versions are immutable, so a hit is always current. */
const validated = new Map<string, ProgramConfig>();

export async function findProgram(db: Db, key: string): Promise<Result<Program, EngineError>> {
  const { rows } = await sql<ProgramRow>`${sql.raw(PREPARED)}
    SELECT id, key, platform, config_version, created_at FROM kinship_program WHERE key = ${key}`.execute(db);
  const row = rows[0];
  if (!row) return err({ code: "UnknownProgram", message: `no program ${JSON.stringify(key)}`, program: key });
  return ok(await programOf(db, row));
}

export interface ProgramRow {
  id: string | number | bigint;
  key: string;
  platform: Platform;
  config_version: number;
  created_at: Date;
}

/** A program from its row, with its validated config (read and validated only when this version is not cached). */
export async function programOf(db: Db, row: ProgramRow): Promise<Program> {
  const id = num(row.id);
  const version = `${row.key}|${id}|${row.created_at.getTime()}|${row.config_version}`;
  let config = validated.get(version);
  if (!config) {
    const stored = await db.selectFrom("kinship_program").select("config").where("id", "=", id).executeTakeFirstOrThrow();
    const valid = validateConfig(stored.config);
    if (!valid.ok) throw new Error(`bug: stored config of ${row.key} no longer validates: ${valid.error.message}`);
    config = valid.value;
    if (validated.size > 10_000) validated.clear();
    validated.set(version, config);
  }
  return { id, key: row.key, platform: row.platform, config, configVersion: row.config_version };
}

export async function listPrograms(db: Db): Promise<{ key: string; platform: Platform; configVersion: number }[]> {
  const rows = await db.selectFrom("kinship_program").select(["key", "platform", "config_version"]).orderBy("key").execute();
  return rows.map((r) => ({ key: r.key, platform: r.platform, configVersion: r.config_version }));
}

/**
 * A new config version, validated first; the audit log keeps who changed what, before and after.
 * Saving the config the program already has (a retried save) writes nothing: no new version, no
 * audit entry.
 */
export async function updateProgramConfig(
  db: Db,
  key: string,
  config: unknown,
  actor: string,
  now: Date,
  expectedVersion?: number,
): Promise<Result<Program, EngineError>> {
  const valid = validateConfig(config);
  if (!valid.ok) return valid;
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("kinship_program").selectAll().where("key", "=", key).forUpdate().executeTakeFirst();
    if (!row) return err({ code: "UnknownProgram", message: `no program ${JSON.stringify(key)}`, program: key });
    const id = num(row.id);
    // A retried save (its answer was lost) finds its own config in place: the same answer, no conflict.
    if (canonicalJson(row.config) === canonicalJson(valid.value))
      return ok({ id, key, platform: row.platform, config: valid.value, configVersion: row.config_version });
    // Decided under the row lock: of two saves from the same version, the second sees the first's.
    if (expectedVersion !== undefined && expectedVersion !== row.config_version)
      return err({
        code: "ConfigConflict",
        message: `the program changed since version ${expectedVersion}: it is at version ${row.config_version} now; reload and apply your changes again`,
        currentVersion: row.config_version,
      });
    const version = row.config_version + 1;
    const json = JSON.stringify(valid.value);
    await trx.updateTable("kinship_program").set({ config: json, config_version: version }).where("id", "=", id).execute();
    await trx.insertInto("kinship_program_config").values({ program_id: id, version, config: json, actor, created_at: now }).execute();
    await trx
      .insertInto("kinship_audit")
      .values({
        program_id: id,
        actor,
        action: "config.update",
        subject: `${key}@${version}`,
        before: JSON.stringify(row.config),
        after: json,
        at: now,
      })
      .execute();
    return ok({ id, key, platform: row.platform, config: valid.value, configVersion: version });
  });
}

/** JSON with every object's keys sorted: equal for equal values whatever order the keys came in (jsonb reorders them). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The secret that signs this program's custom events (HMAC-SHA256 of timestamp + body). */
export async function webhookSecret(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom("kinship_program").select("webhook_secret").where("key", "=", key).executeTakeFirst();
  return row?.webhook_secret ?? null;
}

export async function rotateWebhookSecret(db: Db, key: string): Promise<string | null> {
  const secret = randomBytes(32).toString("hex");
  const r = await db.updateTable("kinship_program").set({ webhook_secret: secret }).where("key", "=", key).executeTakeFirst();
  return num(r.numUpdatedRows) > 0 ? secret : null;
}

/** Orders that earned nothing because their currency is not the program's. */
export interface CurrencyMismatches {
  /** How many such orders (each counted once, however often it was delivered). */
  orders: number;
  /** Their currencies, sorted. */
  currencies: string[];
}

/** The program's orders that earned nothing because of their currency (none for an unknown program). */
export async function currencyMismatches(db: Db, programKey: string): Promise<CurrencyMismatches> {
  const rows = await db
    .selectFrom("kinship_event as e")
    .innerJoin("kinship_program as p", "p.id", "e.program_id")
    .select(["e.currency", (eb) => eb.fn.countAll<string | number>().as("n")])
    .where("p.key", "=", programKey)
    .where("e.currency", "is not", null)
    .groupBy("e.currency")
    .orderBy("e.currency")
    .execute();
  return {
    orders: rows.reduce((s, r) => s + Number(r.n), 0),
    currencies: rows.map((r) => r.currency as string),
  };
}
