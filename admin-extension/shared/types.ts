import type { ProgramConfig } from "./program-config.ts";

/** What the admin GraphQL surface answers (adminSdl). Dates are ISO strings; money and points integers. */

export interface Badge {
  label: string;
  color: string;
  icon: string | null;
}

export interface MemberTier {
  key: string;
  name: string;
  threshold: number;
  badge: Badge | null;
}

export interface ExpiringPoints {
  points: number;
  /** ISO instant. */
  on: string;
}

export interface MemberPoints {
  available: number;
  pending: number;
  /** Within the next 30 days, grouped by day. */
  expiringSoon: ExpiringPoints[];
}

export interface NextTier {
  key: string;
  name: string;
  /** Growth still needed. */
  remaining: number;
}

/** The member's profile as the engine keeps it (JSON). */
export interface MemberProfile {
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  birthday?: string | null;
  tags?: string[];
  [key: string]: unknown;
}

export interface AdminMember {
  customerId: string;
  tier: MemberTier;
  points: MemberPoints;
  growth: number;
  nextTier: NextTier | null;
  profile: MemberProfile;
}

/** earn, mature, spend, expire, reverse, writeoff, debt, settle, adjust, unspend. */
export type LedgerKind = string;

export interface LedgerLine {
  key: string;
  kind: LedgerKind;
  /** Change to the available balance. */
  available: number;
  /** Change to the pending balance. */
  pending: number;
  reason: string;
  /** Who made a manual change; null for the engine's own. */
  actor: string | null;
  orderId: string | null;
  occurredAt: string;
}

export interface LedgerPage {
  lines: LedgerLine[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface OrderPoints {
  orderId: string;
  customerId: string;
  earned: number;
  reversed: number;
  growth: number;
  /** Oldest first. */
  lines: LedgerLine[];
}

export interface ProgramState {
  key: string;
  version: number;
  config: ProgramConfig;
}

export interface AuditEntry {
  actor: string;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
  at: string;
}

/** One partner's claims in a period and its pool, for settling up with the partner. */
export interface PartnerSettlement {
  partner: string;
  name: string;
  /** Codes claimed in the period. */
  claimed: number;
  /** Minor units per claimed code. */
  settlementPrice: number;
  /** claimed × settlementPrice, minor units of `currency`. */
  amountDue: number;
  currency: string;
  /** The pool's stock overall, not only the period's. */
  codesImported: number;
  codesLeft: number;
}

export interface PerkImport {
  partner: string;
  added: number;
  /** Codes that were already in the pool (not added twice). */
  alreadyThere: number;
}
