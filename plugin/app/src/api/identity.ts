import type { Shop } from "@kinship/engine";

/** Who a storefront request speaks for, established at the edge and nowhere else. */
export interface ShopperIdentity {
  program: string;
  /** Null for a guest. */
  customerId: string | null;
  /** The shop, when the edge already looked it up (app proxy). */
  shop?: Shop;
}

/** Who an admin request speaks for: one program, and the actor the audit log records. */
export interface AdminIdentity {
  program: string;
  actor: string;
}

export type Auth<T> = { ok: true; identity: T } | { ok: false; message: string; retrySession?: boolean };

export const denied = (message: string, retrySession = false): { ok: false; message: string; retrySession?: boolean } =>
  retrySession ? { ok: false, message, retrySession } : { ok: false, message };

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearer(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const m = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return m?.[1] ?? null;
}

export function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
