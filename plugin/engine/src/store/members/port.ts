import { bind } from "../db/bind.ts";
import type { Db } from "../db/connect.ts";
import { expiringPoints } from "../ledger/expiring.ts";
import { memberBalances } from "./balances.ts";
import { memberCampaigns } from "./campaigns.ts";
import { deleteProgram, exportMember, redactMember } from "./compliance.ts";
import { findDataExport, listDataExports, requestDataExport } from "./data-exports.ts";
import { adjustmentLine, ledgerPage } from "./ledger-page.ts";
import { countMembers, getMember, listMembers, memberIn, memberLedger } from "./members.ts";
import { orderPoints } from "./order-points.ts";
import { setOverride } from "./override.ts";
import { searchMembers } from "./search.ts";

export function membersPort(db: Db) {
  return {
    get: bind(db, getMember),
    /** getMember for a program already found. */
    of: bind(db, memberIn),
    list: bind(db, listMembers),
    count: bind(db, countMembers),
    ledger: bind(db, memberLedger),
    ledgerPage: bind(db, ledgerPage),
    /** The ledger line an adjustment wrote under its key (what a retry of it repeats). */
    adjustment: bind(db, adjustmentLine),
    expiring: bind(db, expiringPoints),
    orderPoints: bind(db, orderPoints),
    /** Tier and points of many members in one read. */
    balances: bind(db, memberBalances),
    /** The admin's members list: search, tier filter, sort, keyset pages. */
    search: bind(db, searchMembers),
    /** Sets or clears a member's tier override (audited, idempotent by key). */
    override: bind(db, setOverride),
    /** Campaign progress: badges, stamp cards, counters. */
    campaigns: bind(db, memberCampaigns),
  };
}

/** Shopify's mandatory compliance requests: a member's export, a member's erasure, a shop's erasure. */
export function compliancePort(db: Db) {
  return {
    exportMember: bind(db, exportMember),
    redactMember: bind(db, redactMember),
    deleteProgram: bind(db, deleteProgram),
    /** Kept exports (data requests and the owner's), newest first. */
    exports: bind(db, listDataExports),
    /** One kept export with its data; null when there is none with that id in the program. */
    export: bind(db, findDataExport),
    /** The owner's export of a member now (audited, idempotent by key). */
    requestExport: bind(db, requestDataExport),
  };
}

export type MembersPort = ReturnType<typeof membersPort>;
export type CompliancePort = ReturnType<typeof compliancePort>;
