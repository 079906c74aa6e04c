import type {
  KinshipAdminAuditQuery,
  KinshipAdminImportPerkCodesMutation,
  KinshipAdminLedgerLineFieldsFragment,
  KinshipAdminMemberFieldsFragment,
  KinshipAdminMemberLedgerQuery,
  KinshipAdminOrderQuery,
  KinshipAdminPartnersQuery,
  KinshipAdminProgramFieldsFragment,
} from "./generated/graphql.ts";
import type { ProgramConfig } from "./program-config.ts";

/**
 * What the admin GraphQL surface answers (adminSdl), by the names the screens use: each is the
 * generated type of the operation that asks for it (operations.graphql, `npm run codegen`). Dates
 * are ISO strings; money and points integers.
 */

/** The member's profile as the engine keeps it (JSON). */
export interface MemberProfile {
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  birthday?: string | null;
  tags?: string[];
  [key: string]: unknown;
}

/** A member as the screens ask for it; `profile` (JSON in the schema) typed as the engine keeps it. */
export type AdminMember = Omit<KinshipAdminMemberFieldsFragment, "profile"> & { profile: MemberProfile };

export type MemberTier = AdminMember["tier"];
export type Badge = NonNullable<MemberTier["badge"]>;
/** Balances; `expiringSoon` is within the next 30 days, grouped by day. */
export type MemberPoints = AdminMember["points"];
/** `on` is an ISO instant. */
export type ExpiringPoints = MemberPoints["expiringSoon"][number];
/** `remaining` is the growth still needed. */
export type NextTier = NonNullable<AdminMember["nextTier"]>;

/** earn, mature, spend, expire, reverse, writeoff, debt, settle, adjust, unspend. */
export type LedgerKind = string;

/**
 * `available` and `pending` are the changes to those balances; `actor` is who made a manual change
 * (null for the engine's own).
 */
export type LedgerLine = KinshipAdminLedgerLineFieldsFragment;

/** `nextCursor`: pass as `after` for the next page; null on the last page. */
export type LedgerPage = NonNullable<KinshipAdminMemberLedgerQuery["member"]>["ledger"];

/** `lines` oldest first. */
export type OrderPoints = NonNullable<KinshipAdminOrderQuery["order"]>;

/** The program as the screens ask for it; `config` (JSON in the schema) typed as the engine keeps it. */
export type ProgramState = Omit<KinshipAdminProgramFieldsFragment, "config"> & { config: ProgramConfig };

export type AuditEntry = KinshipAdminAuditQuery["audit"][number];

/**
 * One partner's claims in a period and its pool, for settling up with the partner: `amountDue` is
 * claimed × settlementPrice, minor units of `currency`; `codesImported` and `codesLeft` are the
 * pool's stock overall, not only the period's.
 */
export type PartnerSettlement = KinshipAdminPartnersQuery["partners"][number];

/** `alreadyThere`: codes that were already in the pool (not added twice). */
export type PerkImport = KinshipAdminImportPerkCodesMutation["importPerkCodes"];
