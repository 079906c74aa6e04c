import { dataExportOperations } from "./data-export-operations.ts";
import { financeOperations } from "./finance-operations.ts";
import {
  KinshipAdminAdjustPointsDocument,
  type KinshipAdminAdjustPointsMutation,
  type KinshipAdminAdjustPointsMutationVariables,
  KinshipAdminAuditDocument,
  KinshipAdminCreateWebhookEndpointDocument,
  KinshipAdminDashboardDocument,
  KinshipAdminDeadLettersDocument,
  KinshipAdminDeleteWebhookEndpointDocument,
  KinshipAdminEventTopicsDocument,
  KinshipAdminImportPerkCodesDocument,
  KinshipAdminMemberDocument,
  KinshipAdminMemberExtrasDocument,
  KinshipAdminMemberLedgerDocument,
  type KinshipAdminMemberQuery,
  type KinshipAdminMemberQueryVariables,
  KinshipAdminMembersDocument,
  KinshipAdminMembershipSummaryDocument,
  KinshipAdminOrderDocument,
  KinshipAdminOverrideTierDocument,
  type KinshipAdminOverrideTierMutation,
  type KinshipAdminOverrideTierMutationVariables,
  KinshipAdminPartnersDocument,
  KinshipAdminPlansDocument,
  KinshipAdminProgramDocument,
  type KinshipAdminProgramQuery,
  type KinshipAdminProgramQueryVariables,
  KinshipAdminReferralsDocument,
  KinshipAdminReplayDeadLettersDocument,
  KinshipAdminReplayWebhookDeliveriesDocument,
  KinshipAdminReviewReferralDocument,
  KinshipAdminRotateWebhookSecretDocument,
  KinshipAdminTierPreviewDocument,
  type KinshipAdminTierPreviewQuery,
  type KinshipAdminTierPreviewQueryVariables,
  KinshipAdminTryRuleDocument,
  type KinshipAdminTryRuleQuery,
  type KinshipAdminTryRuleQueryVariables,
  KinshipAdminUpdateProgramDocument,
  type KinshipAdminUpdateProgramMutation,
  type KinshipAdminUpdateProgramMutationVariables,
  KinshipAdminUpdateWebhookEndpointDocument,
  KinshipAdminWebhookDeliveriesDocument,
  KinshipAdminWebhookEndpointsDocument,
} from "./generated/graphql.ts";
import { importOperations } from "./import-operations.ts";
import { insightOperations } from "./insight-operations.ts";
import { operation } from "./operation.ts";
import type { EarnRule, ProgramConfig, Tier } from "./program-config.ts";
import type { AdminMember, ProgramState, TrialOrder } from "./types.ts";

/**
 * The GraphQL documents the admin screens send, against the admin surface (`adminSdl`, exported by
 * @kinship/engine/schema). They are written in operations.graphql and operations/*.graphql; each
 * area beyond the first wraps its own in <area>-operations.ts, all listed in `adminOperations`.
 */
export type { Operation } from "./operation.ts";

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
  { config: ProgramConfig; expectedVersion?: number | null }
>("KinshipAdminUpdateProgram", KinshipAdminUpdateProgramDocument);

/** Every partner's claims in [from, to) (ISO instants) and its pool's stock overall. */
export const partnersQuery = operation("KinshipAdminPartners", KinshipAdminPartnersDocument);

/**
 * Adds codes to a saved partner's pool (at most 10,000 per call; audited). The engine trims them and
 * skips blank ones; a code with whitespace or over 200 characters refuses the whole batch
 * (InvalidPerkCodes with issues), an unknown partner is UnknownPartner.
 */
export const importPerkCodesMutation = operation("KinshipAdminImportPerkCodes", KinshipAdminImportPerkCodesDocument);

/** The members list: search (email or name prefix, or a whole customer id), tier filter, sort, cursor paging. */
export const membersQuery = operation("KinshipAdminMembers", KinshipAdminMembersDocument);

/** How many members a tier list would move, before it is saved. */
export const tierPreviewQuery = operation<
  KinshipAdminTierPreviewQuery,
  KinshipAdminTierPreviewQueryVariables,
  KinshipAdminTierPreviewQuery,
  { tiers: Tier[] }
>("KinshipAdminTierPreview", KinshipAdminTierPreviewDocument);

/** What an earn rule (saved or not) would give for an order, and why; nothing is written. */
export const tryRuleQuery = operation<
  KinshipAdminTryRuleQuery,
  KinshipAdminTryRuleQueryVariables,
  KinshipAdminTryRuleQuery,
  { rule: EarnRule; order: TrialOrder; tier?: string | null }
>("KinshipAdminTryRule", KinshipAdminTryRuleDocument);

/** The program at a glance over the last `weeks` weeks (at most 52), computed by the engine in SQL. */
export const dashboardQuery = operation("KinshipAdminDashboard", KinshipAdminDashboardDocument);

export const deadLettersQuery = operation("KinshipAdminDeadLetters", KinshipAdminDeadLettersDocument);

/** Sets (tier) or clears (tier null) a member's tier override; the same idempotencyKey is applied once. */
export const overrideTierMutation = operation<
  KinshipAdminOverrideTierMutation,
  KinshipAdminOverrideTierMutationVariables,
  { overrideTier: AdminMember }
>("KinshipAdminOverrideTier", KinshipAdminOverrideTierDocument);

/** Puts this program's dead letters back in line; answers how many were requeued. */
export const replayDeadLettersMutation = operation("KinshipAdminReplayDeadLetters", KinshipAdminReplayDeadLettersDocument);

/** A member's membership (with its value realised), badges, stamp cards, referral code and referrals. */
export const memberExtrasQuery = operation("KinshipAdminMemberExtras", KinshipAdminMemberExtrasDocument);

/** Paying members and how many of them got more value than their fee this period. */
export const membershipSummaryQuery = operation("KinshipAdminMembershipSummary", KinshipAdminMembershipSummaryDocument);

/** Every plan in the config (enabled or not) with its members per status. */
export const plansQuery = operation("KinshipAdminPlans", KinshipAdminPlansDocument);

/** Referrals, newest first; status FLAGGED is the review queue. */
export const referralsQuery = operation("KinshipAdminReferrals", KinshipAdminReferralsDocument);

/** The owner's approve or reject of a flagged referral (audited); the opposite of a made decision is ReferralDecided. */
export const reviewReferralMutation = operation("KinshipAdminReviewReferral", KinshipAdminReviewReferralDocument);

/** Every topic a webhook endpoint can subscribe to. */
export const eventTopicsQuery = operation("KinshipAdminEventTopics", KinshipAdminEventTopicsDocument);

export const webhookEndpointsQuery = operation("KinshipAdminWebhookEndpoints", KinshipAdminWebhookEndpointsDocument);

/** Deliveries newest first, of one endpoint or all; status DEAD is the dead-letter list. */
export const webhookDeliveriesQuery = operation("KinshipAdminWebhookDeliveries", KinshipAdminWebhookDeliveriesDocument);

/** A new endpoint and its signing secret (answered this once). */
export const createWebhookEndpointMutation = operation("KinshipAdminCreateWebhookEndpoint", KinshipAdminCreateWebhookEndpointDocument);

export const updateWebhookEndpointMutation = operation("KinshipAdminUpdateWebhookEndpoint", KinshipAdminUpdateWebhookEndpointDocument);

/** Deletes an endpoint; its pending deliveries are dropped. */
export const deleteWebhookEndpointMutation = operation("KinshipAdminDeleteWebhookEndpoint", KinshipAdminDeleteWebhookEndpointDocument);

/** A new signing secret (answered this once); the old one stops signing. */
export const rotateWebhookSecretMutation = operation("KinshipAdminRotateWebhookSecret", KinshipAdminRotateWebhookSecretDocument);

/** Puts dead deliveries back in line; answers how many. */
export const replayWebhookDeliveriesMutation = operation(
  "KinshipAdminReplayWebhookDeliveries",
  KinshipAdminReplayWebhookDeliveriesDocument,
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
  membersQuery,
  tierPreviewQuery,
  tryRuleQuery,
  dashboardQuery,
  deadLettersQuery,
  overrideTierMutation,
  replayDeadLettersMutation,
  memberExtrasQuery,
  membershipSummaryQuery,
  plansQuery,
  referralsQuery,
  reviewReferralMutation,
  eventTopicsQuery,
  webhookEndpointsQuery,
  webhookDeliveriesQuery,
  createWebhookEndpointMutation,
  updateWebhookEndpointMutation,
  deleteWebhookEndpointMutation,
  rotateWebhookSecretMutation,
  replayWebhookDeliveriesMutation,
  ...financeOperations,
  ...insightOperations,
  ...dataExportOperations,
  ...importOperations,
] as const;
