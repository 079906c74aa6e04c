import { sql } from "kysely";
import { defaultProgramConfig, type EngineError, err, ok, ProgramKey, type Result } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import { createProgram, findProgram } from "./programs.ts";
import { NO_TOKEN_KEY, openAccess, sealAccess, type TokenCipher } from "./shop-tokens.ts";

export interface Shop {
  domain: string;
  programKey: string;
  /** The Admin API access token, decrypted; null when there is none or the engine has no token key. */
  accessToken: string | null;
  /** Whether a token is stored (sealed or, before the first open with a key, plain). */
  hasToken: boolean;
  installed: boolean;
}

/**
 * Registers (or re-installs) a shop and creates its program with the default config in the given
 * currency and time zone (a program that exists keeps its config). The domain
 * becomes the program's key, and the engine checks only that it is a valid one: whether it names a
 * Shopify shop is checked where it comes in (`isShopDomain` in @kinship/webhooks; the CLI's own).
 * A token given here does not expire (a custom app's); it is stored sealed, so an engine without
 * a token key refuses it. Expiring pairs are saved with `saveShopTokens`.
 */
export async function connectShop(
  db: Db,
  domain: string,
  accessToken: string | null,
  now: Date,
  currency = "USD",
  cipher: TokenCipher | null = null,
  timezone = "UTC",
): Promise<Result<Shop, EngineError>> {
  if (!ProgramKey.safeParse(domain).success)
    return err({ code: "InvalidConfig", message: `not a program key: ${JSON.stringify(domain)}`, issues: ["domain"] });
  if (accessToken !== null && !cipher) return err({ code: "InvalidConfig", message: NO_TOKEN_KEY, issues: ["KINSHIP_TOKEN_KEY"] });
  if (accessToken !== null && accessToken.trim() === "")
    return err({ code: "InvalidConfig", message: "an access token cannot be empty", issues: ["accessToken"] });
  let program = await findProgram(db, domain);
  if (!program.ok) {
    const created = await createProgram(db, {
      key: domain,
      platform: "shopify",
      config: defaultProgramConfig(currency, timezone),
      actor: "install",
      now,
    });
    if (!created.ok && created.error.code !== "ProgramExists") return created;
    program = await findProgram(db, domain);
    if (!program.ok) return program;
  }
  const programId = program.value.id;
  const sealed = accessToken !== null && cipher ? sealAccess(cipher, domain, accessToken) : null;
  const tokens = {
    access_token: null,
    access_token_sealed: sealed,
    access_token_expires_at: null,
    refresh_token_sealed: null,
    refresh_token_expires_at: null,
    refreshing_until: null,
    token_refused_at: null,
    token_refused_reason: null,
  };
  await db
    .insertInto("kinship_shop")
    .values({ domain, program_id: programId, installed_at: now, uninstalled_at: null, ...tokens })
    .onConflict((oc) =>
      oc
        .column("domain")
        .doUpdateSet({ ...tokens, installed_at: now, uninstalled_at: null, token_version: sql`kinship_shop.token_version + 1` }),
    )
    .execute();
  return ok({ domain, programKey: domain, accessToken, hasToken: accessToken !== null, installed: true });
}

export async function findShop(db: Db, domain: string, cipher: TokenCipher | null = null): Promise<Shop | null> {
  const row = await db
    .selectFrom("kinship_shop")
    .innerJoin("kinship_program", "kinship_program.id", "kinship_shop.program_id")
    .select([
      "kinship_shop.domain",
      "kinship_program.key",
      "kinship_shop.access_token",
      "kinship_shop.access_token_sealed",
      "kinship_shop.uninstalled_at",
    ])
    .where("kinship_shop.domain", "=", domain)
    .executeTakeFirst();
  if (!row) return null;
  const accessToken = row.access_token_sealed
    ? cipher
      ? openAccess(cipher, row.domain, row.access_token_sealed)
      : null
    : row.access_token;
  return {
    domain: row.domain,
    programKey: row.key,
    accessToken,
    hasToken: row.access_token_sealed !== null || row.access_token !== null,
    installed: row.uninstalled_at === null,
  };
}

/** app/uninstalled: the shop's data stays (until shop/redact), its tokens and discount record are dropped, deliveries stop. */
export async function markUninstalled(db: Db, domain: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable("kinship_shop")
    .set({
      uninstalled_at: now,
      access_token: null,
      access_token_sealed: null,
      access_token_expires_at: null,
      refresh_token_sealed: null,
      refresh_token_expires_at: null,
      refreshing_until: null,
      token_version: sql`token_version + 1`,
      // Shopify removes an uninstalled app's objects, its function discounts with them.
      discount_id: null,
      discount_config_hash: null,
      discount_problem: null,
    })
    .where("domain", "=", domain)
    .where("uninstalled_at", "is", null)
    .executeTakeFirst();
  return num(r.numUpdatedRows) > 0;
}

/** The shops that have Kinship installed and a token to call Shopify with: where a sync back runs. */
export async function installedShops(db: Db): Promise<{ domain: string; programKey: string }[]> {
  const rows = await db
    .selectFrom("kinship_shop")
    .innerJoin("kinship_program", "kinship_program.id", "kinship_shop.program_id")
    .select(["kinship_shop.domain", "kinship_program.key"])
    .where("kinship_shop.uninstalled_at", "is", null)
    .where((w) => w.or([w("kinship_shop.access_token_sealed", "is not", null), w("kinship_shop.access_token", "is not", null)]))
    .orderBy("kinship_shop.domain")
    .execute();
  return rows.map((r) => ({ domain: r.domain, programKey: r.key }));
}
