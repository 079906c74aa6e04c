import { bind } from "../db/bind.ts";
import type { Db } from "../db/connect.ts";
import { createApiKey, listApiKeys, revokeApiKey, verifyApiKey } from "./api-keys.ts";
import { auditLog } from "./audit.ts";
import {
  createProgram,
  currencyMismatches,
  findProgram,
  listPrograms,
  rotateWebhookSecret,
  updateProgramConfig,
  webhookSecret,
} from "./programs.ts";
import { recordShopDiscount, shopDiscount } from "./shop-discount.ts";
import { recordShopScopes, shopScopes } from "./shop-scopes.ts";
import {
  claimRefresh,
  refuseRefresh,
  releaseRefresh,
  saveShopTokens,
  sealPlaintextTokens,
  shopTokens,
  type TokenPair,
} from "./shop-tokens.ts";
import { connectShop, findShop, installedShops, markUninstalled } from "./shops.ts";
import type { TokenCipher } from "./token-cipher.ts";

export function programsPort(db: Db) {
  return {
    create: bind(db, createProgram),
    find: bind(db, findProgram),
    list: bind(db, listPrograms),
    updateConfig: bind(db, updateProgramConfig),
    webhookSecret: bind(db, webhookSecret),
    rotateWebhookSecret: bind(db, rotateWebhookSecret),
    /** Orders that earned nothing because their currency is not the program's: how many, which currencies. */
    currencyMismatches: bind(db, currencyMismatches),
  };
}

/**
 * Shops and their tokens. With a cipher (the engine opened with a token key) tokens are sealed
 * on the way in and opened on the way out; `ready` seals what plain text is left first (once).
 */
export function shopsPort(db: Db, cipher: TokenCipher | null, ready: () => Promise<void> = async () => {}) {
  return {
    /** Whether this engine can store a shop's token (it was opened with a token key). */
    storesTokens: cipher !== null,
    /** A new program starts with the default config in this currency and time zone (an existing one keeps its own). */
    connect: async (domain: string, accessToken: string | null, now: Date, currency = "USD", timezone = "UTC") => {
      await ready();
      return connectShop(db, domain, accessToken, now, currency, cipher, timezone);
    },
    find: async (domain: string) => {
      await ready();
      return findShop(db, domain, cipher);
    },
    markUninstalled: bind(db, markUninstalled),
    /** Installed shops with a token: the ones a sync back to Shopify serves. */
    installed: bind(db, installedShops),
    /** Records the scopes the shop grants as of an instant; an older grant than the recorded one changes nothing. */
    recordScopes: bind(db, recordShopScopes),
    /** The shop's recorded scope grant, or null when none is known. */
    scopes: bind(db, shopScopes),
    /** The shop's member-price discount on Shopify as last recorded (null: unknown shop). */
    discount: bind(db, shopDiscount),
    /** Records what Kinship last did with the shop's member-price discount (installed shops only). */
    recordDiscount: bind(db, recordShopDiscount),
    /** The shop's tokens, decrypted, with expiries, pair version, refresh lease and refusal. */
    tokens: async (domain: string) => {
      await ready();
      return shopTokens(db, cipher, domain);
    },
    /** A token exchange's or refresh's answer, both tokens in one statement; releases the refresh lease. */
    saveTokens: (domain: string, pair: TokenPair, now: Date) => saveShopTokens(db, cipher, domain, pair, now),
    /** Takes the shop's refresh lease for the pair version read (committed before Shopify is called). */
    claimRefresh: bind(db, claimRefresh),
    releaseRefresh: bind(db, releaseRefresh),
    /** Shopify refused the refresh token: the shop needs a new token exchange. */
    refuseRefresh: bind(db, refuseRefresh),
  };
}

/** Seals plain-text tokens once per engine, the first time a shop's token is touched (or at open). */
export function sealingOnce(db: Db, cipher: TokenCipher | null): () => Promise<void> {
  if (!cipher) return async () => {};
  let done: Promise<void> | null = null;
  return () => {
    done ??= sealPlaintextTokens(db, cipher).then(
      () => undefined,
      (e: unknown) => {
        done = null;
        throw e;
      },
    );
    return done;
  };
}

export function apiKeysPort(db: Db) {
  return { create: bind(db, createApiKey), verify: bind(db, verifyApiKey), revoke: bind(db, revokeApiKey), list: bind(db, listApiKeys) };
}

export function auditPort(db: Db) {
  return { log: bind(db, auditLog) };
}

export type ProgramsPort = ReturnType<typeof programsPort>;
export type ShopsPort = ReturnType<typeof shopsPort>;
export type ApiKeysPort = ReturnType<typeof apiKeysPort>;
export type AuditPort = ReturnType<typeof auditPort>;
