import type { ProgramConfig } from "./program-config.ts";
import type { AdminMember, AuditEntry, LedgerPage, OrderPoints, PartnerSettlement, PerkImport, ProgramState } from "./types.ts";

/**
 * The GraphQL documents the admin screens send, against the admin surface (adminSdl in
 * @kinship/engine). Each is one named operation; `Data` and `Variables` type its answer and inputs.
 */
export interface Operation<Data, Variables> {
  readonly name: string;
  readonly document: string;
  /** Never set: carries the types for `AdminClient.request`. */
  readonly types?: { data: Data; variables: Variables };
}

function operation<Data, Variables>(name: string, document: string): Operation<Data, Variables> {
  return { name, document };
}

const memberFields = `
  customerId
  tier { key name threshold badge { label color icon } }
  points { available pending expiringSoon { points on } }
  growth
  nextTier { key name remaining }
  profile`;

const ledgerLineFields = "key kind available pending reason actor orderId occurredAt";

/** A member's balances, tier and profile; null when the customer is not a member yet. */
export const memberQuery = operation<{ member: AdminMember | null }, { customerId: string }>(
  "KinshipAdminMember",
  /* GraphQL */ `query KinshipAdminMember($customerId: ID!) {
  member(customerId: $customerId) {${memberFields}
  }
}`,
);

/** One page of a member's ledger, newest first. */
export const memberLedgerQuery = operation<
  { member: { customerId: string; ledger: LedgerPage } | null },
  { customerId: string; first: number; after: string | null }
>(
  "KinshipAdminMemberLedger",
  /* GraphQL */ `query KinshipAdminMemberLedger($customerId: ID!, $first: Int!, $after: String) {
  member(customerId: $customerId) {
    customerId
    ledger(first: $first, after: $after) {
      lines { ${ledgerLineFields} }
      nextCursor
    }
  }
}`,
);

/** What one order earned and what its refunds took back; null when it touched no ledger. */
export const orderQuery = operation<{ order: OrderPoints | null }, { orderId: string }>(
  "KinshipAdminOrder",
  /* GraphQL */ `query KinshipAdminOrder($orderId: ID!) {
  order(orderId: $orderId) {
    orderId
    customerId
    earned
    reversed
    growth
    lines { ${ledgerLineFields} }
  }
}`,
);

export const programQuery = operation<{ program: ProgramState }, Record<string, never>>(
  "KinshipAdminProgram",
  /* GraphQL */ `query KinshipAdminProgram {
  program { key version config }
}`,
);

export const auditQuery = operation<{ audit: AuditEntry[] }, { first: number }>(
  "KinshipAdminAudit",
  /* GraphQL */ `query KinshipAdminAudit($first: Int!) {
  audit(first: $first) { actor action subject before after at }
}`,
);

/** A manual credit (points > 0) or debit; the same idempotencyKey is applied once. */
export const adjustPointsMutation = operation<
  { adjustPoints: AdminMember },
  { customerId: string; points: number; reason: string; idempotencyKey: string }
>(
  "KinshipAdminAdjustPoints",
  /* GraphQL */ `mutation KinshipAdminAdjustPoints($customerId: ID!, $points: Int!, $reason: String!, $idempotencyKey: String!) {
  adjustPoints(customerId: $customerId, points: $points, reason: $reason, idempotencyKey: $idempotencyKey) {${memberFields}
  }
}`,
);

/** Sends the whole config; the engine validates it (InvalidConfig with issues) and bumps the version. */
export const updateProgramMutation = operation<{ updateProgram: ProgramState }, { config: ProgramConfig }>(
  "KinshipAdminUpdateProgram",
  /* GraphQL */ `mutation KinshipAdminUpdateProgram($config: JSON!) {
  updateProgram(config: $config) { key version config }
}`,
);

/** Every partner's claims in [from, to) (ISO instants) and its pool's stock overall. */
export const partnersQuery = operation<{ partners: PartnerSettlement[] }, { from: string; to: string }>(
  "KinshipAdminPartners",
  /* GraphQL */ `query KinshipAdminPartners($from: DateTime!, $to: DateTime!) {
  partners(from: $from, to: $to) { partner name claimed settlementPrice amountDue currency codesImported codesLeft }
}`,
);

/**
 * Adds codes to a saved partner's pool (at most 10,000 per call; audited). The engine trims them and
 * skips blank ones; a code with whitespace or over 200 characters refuses the whole batch
 * (InvalidPerkCodes with issues), an unknown partner is UnknownPartner.
 */
export const importPerkCodesMutation = operation<{ importPerkCodes: PerkImport }, { partner: string; codes: string[] }>(
  "KinshipAdminImportPerkCodes",
  /* GraphQL */ `mutation KinshipAdminImportPerkCodes($partner: ID!, $codes: [String!]!) {
  importPerkCodes(partner: $partner, codes: $codes) { partner added alreadyThere }
}`,
);

export const adminOperations = [
  memberQuery,
  memberLedgerQuery,
  orderQuery,
  programQuery,
  auditQuery,
  partnersQuery,
  adjustPointsMutation,
  updateProgramMutation,
  importPerkCodesMutation,
] as const;
