import { sql } from "kysely";
import { type EngineError, err, ok, type Result } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { num } from "../db/schema.ts";
import type { TokenCipher } from "./token-cipher.ts";

export type { TokenCipher } from "./token-cipher.ts";

export const NO_TOKEN_KEY =
  "KINSHIP_TOKEN_KEY is not set: shop tokens are stored only encrypted, so this engine cannot store or read one (set a 32-byte key, e.g. `openssl rand -base64 32`)";

/** A refresh answer without `expires_in` gets this lifetime: Shopify's tokens last 60 minutes, so the pair is refreshed early rather than late. */
export const CONSERVATIVE_TOKEN_LIFETIME_MS = 50 * 60_000;

export const sealAccess = (cipher: TokenCipher, domain: string, token: string) => cipher.seal(token, `kinship_shop.access:${domain}`);
export const openAccess = (cipher: TokenCipher, domain: string, sealed: string) => cipher.open(sealed, `kinship_shop.access:${domain}`);
const sealRefresh = (cipher: TokenCipher, domain: string, token: string) => cipher.seal(token, `kinship_shop.refresh:${domain}`);
const openRefresh = (cipher: TokenCipher, domain: string, sealed: string) => cipher.open(sealed, `kinship_shop.refresh:${domain}`);

/** What Shopify answered for a token exchange or a refresh. */
export interface TokenPair {
  accessToken: string;
  /** Absent when the answer had no `expires_in`: the engine keeps a conservative expiry (now + 50 min). */
  accessTokenExpiresAt?: Date | undefined;
  /** Absent when the answer carried none: the stored refresh token (and its expiry) is kept. */
  refreshToken?: string | undefined;
  refreshTokenExpiresAt?: Date | undefined;
}

/** A shop's tokens, decrypted, with their lease and state. */
export interface ShopTokens {
  domain: string;
  installed: boolean;
  accessToken: string | null;
  /** null: a token that does not expire (a custom app's, `kinship shops connect`). */
  accessTokenExpiresAt: Date | null;
  refreshToken: string | null;
  refreshTokenExpiresAt: Date | null;
  /** Counts saved pairs: a refresh is claimed for the version its caller read. */
  version: number;
  refreshingUntil: Date | null;
  /** Shopify refused the refresh token: the shop needs a new token exchange (the merchant opens the app). */
  refused: { at: Date; reason: string } | null;
}

export type TokenRefusal = Extract<EngineError, { code: "UnknownProgram" | "InvalidConfig" }>;

function unknownShop(domain: string): Result<never, TokenRefusal> {
  return err({ code: "UnknownProgram", message: `no shop ${domain} is connected`, program: domain });
}

function uninstalled(domain: string): Result<never, TokenRefusal> {
  return err({
    code: "InvalidConfig",
    message: `${domain} has uninstalled Kinship: its tokens are gone and none is stored or refreshed`,
    issues: ["uninstalled"],
  });
}

async function stateOf(db: Db, domain: string): Promise<Result<never, TokenRefusal>> {
  const row = await db.selectFrom("kinship_shop").select("uninstalled_at").where("domain", "=", domain).executeTakeFirst();
  return row ? uninstalled(domain) : unknownShop(domain);
}

export async function shopTokens(db: Db, cipher: TokenCipher | null, domain: string): Promise<Result<ShopTokens, TokenRefusal>> {
  const row = await db.selectFrom("kinship_shop").selectAll().where("domain", "=", domain).executeTakeFirst();
  if (!row) return unknownShop(domain);
  const sealed = row.access_token_sealed !== null || row.refresh_token_sealed !== null;
  if (sealed && !cipher) return err({ code: "InvalidConfig", message: NO_TOKEN_KEY, issues: ["KINSHIP_TOKEN_KEY"] });
  return ok({
    domain,
    installed: row.uninstalled_at === null,
    accessToken: row.access_token_sealed && cipher ? openAccess(cipher, domain, row.access_token_sealed) : row.access_token,
    accessTokenExpiresAt: row.access_token_expires_at,
    refreshToken: row.refresh_token_sealed && cipher ? openRefresh(cipher, domain, row.refresh_token_sealed) : null,
    refreshTokenExpiresAt: row.refresh_token_expires_at,
    version: num(row.token_version),
    refreshingUntil: row.refreshing_until,
    refused: row.token_refused_at ? { at: row.token_refused_at, reason: row.token_refused_reason ?? "refused" } : null,
  });
}

/**
 * Stores a token exchange's or a refresh's answer: both tokens and both expiries in one
 * statement (the previous pair stays until this one is written), the version moves on, the
 * refresh lease is released and a refusal forgotten. An uninstalled shop is refused.
 */
export async function saveShopTokens(
  db: Db,
  cipher: TokenCipher | null,
  domain: string,
  pair: TokenPair,
  now: Date,
): Promise<Result<{ version: number; accessTokenExpiresAt: Date }, TokenRefusal>> {
  if (!cipher) return err({ code: "InvalidConfig", message: NO_TOKEN_KEY, issues: ["KINSHIP_TOKEN_KEY"] });
  const issues: string[] = [];
  if (typeof pair.accessToken !== "string" || pair.accessToken.trim() === "") issues.push("accessToken");
  if (pair.refreshToken !== undefined && (typeof pair.refreshToken !== "string" || pair.refreshToken.trim() === ""))
    issues.push("refreshToken");
  for (const f of ["accessTokenExpiresAt", "refreshTokenExpiresAt"] as const) {
    const d = pair[f];
    if (d !== undefined && (!(d instanceof Date) || Number.isNaN(d.getTime()))) issues.push(f);
  }
  if (issues.length > 0) return err({ code: "InvalidConfig", message: `not a token pair: ${issues.join(", ")}`, issues });
  const accessTokenExpiresAt = pair.accessTokenExpiresAt ?? new Date(now.getTime() + CONSERVATIVE_TOKEN_LIFETIME_MS);
  const refresh =
    pair.refreshToken === undefined
      ? {}
      : {
          refresh_token_sealed: sealRefresh(cipher, domain, pair.refreshToken),
          refresh_token_expires_at: pair.refreshTokenExpiresAt ?? null,
        };
  const row = await db
    .updateTable("kinship_shop")
    .set({
      access_token: null,
      access_token_sealed: sealAccess(cipher, domain, pair.accessToken),
      access_token_expires_at: accessTokenExpiresAt,
      ...refresh,
      token_version: sql`token_version + 1`,
      refreshing_until: null,
      token_refused_at: null,
      token_refused_reason: null,
    })
    .where("domain", "=", domain)
    .where("uninstalled_at", "is", null)
    .returning("token_version")
    .executeTakeFirst();
  if (!row) return stateOf(db, domain);
  return ok({ version: num(row.token_version), accessTokenExpiresAt });
}

export type RefreshClaim = { claimed: true; until: Date } | { claimed: false; reason: "busy" | "changed" };

/**
 * The per-shop refresh lease: compare-and-set on `refreshing_until`, for the pair version the
 * caller read, in one statement that commits before the caller calls Shopify (no lock is held
 * across that call). `busy`: another process holds the lease; `changed`: a newer pair is stored.
 */
export async function claimRefresh(
  db: Db,
  domain: string,
  now: Date,
  leaseMs: number,
  version: number,
): Promise<Result<RefreshClaim, TokenRefusal>> {
  if (!Number.isInteger(leaseMs) || leaseMs <= 0)
    return err({
      code: "InvalidConfig",
      message: `a refresh lease is a positive number of milliseconds, not ${leaseMs}`,
      issues: ["leaseMs"],
    });
  const until = new Date(now.getTime() + leaseMs);
  const r = await db
    .updateTable("kinship_shop")
    .set({ refreshing_until: until })
    .where("domain", "=", domain)
    .where("uninstalled_at", "is", null)
    .where("token_version", "=", version)
    .where((eb) => eb.or([eb("refreshing_until", "is", null), eb("refreshing_until", "<=", now)]))
    .executeTakeFirst();
  if (num(r.numUpdatedRows) === 1) return ok({ claimed: true, until });
  const row = await db
    .selectFrom("kinship_shop")
    .select(["uninstalled_at", "token_version"])
    .where("domain", "=", domain)
    .executeTakeFirst();
  if (!row) return unknownShop(domain);
  if (row.uninstalled_at !== null) return uninstalled(domain);
  return ok({ claimed: false, reason: num(row.token_version) === version ? "busy" : "changed" });
}

/** Gives the lease back (only the one taken until `until`: a later holder's lease is not touched). */
export async function releaseRefresh(db: Db, domain: string, until: Date): Promise<boolean> {
  const r = await db
    .updateTable("kinship_shop")
    .set({ refreshing_until: null })
    .where("domain", "=", domain)
    .where("refreshing_until", "=", until)
    .executeTakeFirst();
  return num(r.numUpdatedRows) > 0;
}

/**
 * Shopify refused the stored refresh token (invalid_grant): the shop needs a new token exchange.
 * The access token stays (it is used while it is valid); the lease is released.
 */
export async function refuseRefresh(db: Db, domain: string, reason: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable("kinship_shop")
    .set({ token_refused_at: now, token_refused_reason: reason.slice(0, 500), refreshing_until: null })
    .where("domain", "=", domain)
    .executeTakeFirst();
  return num(r.numUpdatedRows) > 0;
}

/**
 * Seals the plain-text tokens left from before migration 0008 and empties that column, all in
 * one transaction (rows locked, so two engines opening together seal each token once).
 */
export async function sealPlaintextTokens(db: Db, cipher: TokenCipher): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("kinship_shop")
      .select(["domain", "access_token"])
      .where("access_token", "is not", null)
      .forUpdate()
      .execute();
    for (const row of rows) {
      if (row.access_token === null) continue;
      await trx
        .updateTable("kinship_shop")
        .set({ access_token: null, access_token_sealed: sealAccess(cipher, row.domain, row.access_token), access_token_expires_at: null })
        .where("domain", "=", row.domain)
        .execute();
    }
    return rows.length;
  });
}
