import {
  KinshipAdminAdjustPointsDocument,
  type KinshipAdminAdjustPointsMutation,
  type KinshipAdminAdjustPointsMutationVariables,
  KinshipAdminAuditDocument,
  KinshipAdminImportPerkCodesDocument,
  KinshipAdminMemberDocument,
  KinshipAdminMemberLedgerDocument,
  type KinshipAdminMemberQuery,
  type KinshipAdminMemberQueryVariables,
  KinshipAdminOrderDocument,
  KinshipAdminPartnersDocument,
  KinshipAdminProgramDocument,
  type KinshipAdminProgramQuery,
  type KinshipAdminProgramQueryVariables,
  KinshipAdminUpdateProgramDocument,
  type KinshipAdminUpdateProgramMutation,
  type KinshipAdminUpdateProgramMutationVariables,
  type TypedDocumentString,
} from "./generated/graphql.ts";
import type { ProgramConfig } from "./program-config.ts";
import type { AdminMember, ProgramState } from "./types.ts";

/**
 * The GraphQL documents the admin screens send, against the admin surface (`adminSdl`, exported by
 * @kinship/engine/schema). They are written in operations.graphql; `npm run codegen` generates their
 * typed documents (generated/graphql.ts). Each is one named operation; `Data` and `Variables` type
 * its answer and inputs.
 */
export interface Operation<Data, Variables> {
  readonly name: string;
  readonly document: string;
  /** Never set: carries the types for `AdminClient.request`. */
  readonly types?: { data: Data; variables: Variables };
}

/**
 * Wraps a generated typed document. The generator types the JSON scalar `unknown`: `Narrowed` and
 * `NarrowedVariables` give it the shape the engine keeps there (a member's profile, the program
 * config), and must still fit the generated types.
 */
function operation<Data, Variables, Narrowed extends Data = Data, NarrowedVariables extends Variables = Variables>(
  name: string,
  document: TypedDocumentString<Data, Variables>,
): Operation<Narrowed, NarrowedVariables> {
  return { name, document: document.toString() };
}

/** A member's balances, tier and profile; null when the customer is not a member yet. */
export const memberQuery = operation<KinshipAdminMemberQuery, KinshipAdminMemberQueryVariables, { member: AdminMember | null }>(
  "KinshipAdminMember",
  KinshipAdminMemberDocument,
);

/** One page of a member's ledger, newest first. */
export const memberLedgerQuery = operation("KinshipAdminMemberLedger", KinshipAdminMemberLedgerDocument);

/** What one order earned and what its refunds took back; null when it touched no ledger. */
export const orderQuery = operation("KinshipAdminOrder", KinshipAdminOrderDocument);

export const programQuery = operation<KinshipAdminProgramQuery, KinshipAdminProgramQueryVariables, { program: ProgramState }>(
  "KinshipAdminProgram",
  KinshipAdminProgramDocument,
);

export const auditQuery = operation("KinshipAdminAudit", KinshipAdminAuditDocument);

/** A manual credit (points > 0) or debit; the same idempotencyKey is applied once. */
export const adjustPointsMutation = operation<
  KinshipAdminAdjustPointsMutation,
  KinshipAdminAdjustPointsMutationVariables,
  { adjustPoints: AdminMember }
>("KinshipAdminAdjustPoints", KinshipAdminAdjustPointsDocument);

/** Sends the whole config; the engine validates it (InvalidConfig with issues) and bumps the version. */
export const updateProgramMutation = operation<
  KinshipAdminUpdateProgramMutation,
  KinshipAdminUpdateProgramMutationVariables,
  { updateProgram: ProgramState },
  { config: ProgramConfig }
>("KinshipAdminUpdateProgram", KinshipAdminUpdateProgramDocument);

/** Every partner's claims in [from, to) (ISO instants) and its pool's stock overall. */
export const partnersQuery = operation("KinshipAdminPartners", KinshipAdminPartnersDocument);

/**
 * Adds codes to a saved partner's pool (at most 10,000 per call; audited). The engine trims them and
 * skips blank ones; a code with whitespace or over 200 characters refuses the whole batch
 * (InvalidPerkCodes with issues), an unknown partner is UnknownPartner.
 */
export const importPerkCodesMutation = operation("KinshipAdminImportPerkCodes", KinshipAdminImportPerkCodesDocument);

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
