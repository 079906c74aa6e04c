import { defaultProgramConfig, type EngineError, err, ok, ProgramKey, type Result } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import { createProgram, findProgram } from "./programs.ts";

export interface Shop {
  domain: string;
  programKey: string;
  accessToken: string | null;
  installed: boolean;
}

/**
 * Registers (or re-installs) a shop and creates its program with the default config. The domain
 * becomes the program's key, and the engine checks only that it is a valid one: whether it names a
 * Shopify shop is checked where it comes in (`isShopDomain` in @kinship/webhooks; the CLI's own).
 */
export async function connectShop(
  db: Db,
  domain: string,
  accessToken: string | null,
  now: Date,
  currency = "USD",
): Promise<Result<Shop, EngineError>> {
  if (!ProgramKey.safeParse(domain).success)
    return err({ code: "InvalidConfig", message: `not a program key: ${JSON.stringify(domain)}`, issues: ["domain"] });
  let program = await findProgram(db, domain);
  if (!program.ok) {
    const created = await createProgram(db, {
      key: domain,
      platform: "shopify",
      config: defaultProgramConfig(currency),
      actor: "install",
      now,
    });
    if (!created.ok && created.error.code !== "ProgramExists") return created;
    program = await findProgram(db, domain);
    if (!program.ok) return program;
  }
  const programId = program.value.id;
  await db
    .insertInto("kinship_shop")
    .values({ domain, program_id: programId, access_token: accessToken, installed_at: now, uninstalled_at: null })
    .onConflict((oc) => oc.column("domain").doUpdateSet({ access_token: accessToken, installed_at: now, uninstalled_at: null }))
    .execute();
  return ok({ domain, programKey: domain, accessToken, installed: true });
}

export async function findShop(db: Db, domain: string): Promise<Shop | null> {
  const row = await db
    .selectFrom("kinship_shop")
    .innerJoin("kinship_program", "kinship_program.id", "kinship_shop.program_id")
    .select(["kinship_shop.domain", "kinship_program.key", "kinship_shop.access_token", "kinship_shop.uninstalled_at"])
    .where("kinship_shop.domain", "=", domain)
    .executeTakeFirst();
  if (!row) return null;
  return { domain: row.domain, programKey: row.key, accessToken: row.access_token, installed: row.uninstalled_at === null };
}

/** app/uninstalled: the shop's data stays (until shop/redact), its token is dropped, deliveries stop. */
export async function markUninstalled(db: Db, domain: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable("kinship_shop")
    .set({ uninstalled_at: now, access_token: null })
    .where("domain", "=", domain)
    .where("uninstalled_at", "is", null)
    .executeTakeFirst();
  return num(r.numUpdatedRows) > 0;
}
