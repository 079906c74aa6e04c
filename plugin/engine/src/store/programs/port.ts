import { bind } from "../db/bind.ts";
import type { Db } from "../db/connect.ts";
import { createApiKey, listApiKeys, revokeApiKey, verifyApiKey } from "./api-keys.ts";
import { auditLog } from "./audit.ts";
import { createProgram, findProgram, listPrograms, rotateWebhookSecret, updateProgramConfig, webhookSecret } from "./programs.ts";
import { connectShop, findShop, markUninstalled } from "./shops.ts";

export function programsPort(db: Db) {
  return {
    create: bind(db, createProgram),
    find: bind(db, findProgram),
    list: bind(db, listPrograms),
    updateConfig: bind(db, updateProgramConfig),
    webhookSecret: bind(db, webhookSecret),
    rotateWebhookSecret: bind(db, rotateWebhookSecret),
  };
}

export function shopsPort(db: Db) {
  return { connect: bind(db, connectShop), find: bind(db, findShop), markUninstalled: bind(db, markUninstalled) };
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
