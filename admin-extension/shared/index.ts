export { type AuditSummary, auditSummaryLine, BASIC_KEYS, changesBasics, configChanges, summarizeAudit } from "./activity-summary.ts";
export {
  AdminApiError,
  type AdminClient,
  type AdminClientOptions,
  createAdminClient,
  isAdminApiError,
  isRetryable,
  MEDUSA_ADMIN_ENDPOINT,
  medusaAdminClient,
  STANDALONE_ADMIN_ENDPOINT,
  standaloneAdminClient,
  toAdminApiError,
} from "./client.ts";
export { type ConditionMode, useConditionEditor } from "./condition-editor.ts";
export * from "./config-edit.ts";
export { describeError } from "./error-text.ts";
export { formatDate, formatDateTime, formatNumber, formatSigned } from "./format.ts";
export {
  type AdjustPointsInput,
  createKinshipQueryClient,
  type ImportPerkCodesInput,
  KinshipAdminProvider,
  KinshipQueryClientProvider,
  kinshipAdminKeys,
  LEDGER_PAGE_SIZE,
  useAdjustPoints,
  useAudit,
  useImportPerkCodes,
  useKinshipAdminClient,
  useMember,
  useMemberLedger,
  useOrderPoints,
  usePartnerSettlement,
  useProgram,
  useUpdateProgram,
} from "./hooks.ts";
export { IdempotencyKeys, newIdempotencyKey } from "./idempotency.ts";
export { type ImportUpload, type UploadPhase, type UploadState, useImports, useImportUpload } from "./import-hooks.ts";
export * from "./import-operations.ts";
export * from "./import-sources.ts";
export * from "./import-upload.ts";
export { membershipStatusLabel, tierSourceLabel, valueParts, valueSentence } from "./membership.ts";
export { useMemberExtras, useMembershipSummary, usePlanStats } from "./membership-hooks.ts";
export type { Parsed } from "./money.ts";
export { currentMonth, formatMonth, type MonthRange, monthRange, parseMonth } from "./months.ts";
export { type OnboardingFacts, type OnboardingStep, onboardingSteps, type StepState, themeEmbedLink } from "./onboarding.ts";
export * from "./operations.ts";
export { parseFactor, parsePercent, parsePointsDelta, parseWholeNumber } from "./parse.ts";
export * from "./plans.ts";
export {
  applyBasics,
  BASICS_ISSUE_PATHS,
  type BasicsErrors,
  type BasicsField,
  type BasicsForm,
  basicsForm,
  timeZones,
} from "./program-basics.ts";
export type * from "./program-config.ts";
export { type ProgramEditor, type SaveResult, useProgramEditor } from "./program-editor.ts";
export { REFERRALS_PAGE_SIZE, type ReferralReview, useReferralReview, useReferrals, useReviewReferral } from "./referral-hooks.ts";
export * from "./referrals.ts";
export * from "./rule-builder.ts";
export { triggerKind, triggerLabel, triggerLabels } from "./rule-triggers.ts";
export { formatScheduleDate, parseDaysOfMonth, parseScheduleDate, schedulePatch } from "./schedule.ts";
export {
  MEMBERS_PAGE_SIZE,
  type MembersFilter,
  type OverrideTierInput,
  useDashboard,
  useDeadLetters,
  useMembers,
  useOverrideTier,
  useReplayDeadLetters,
  useTierPreview,
  useTryRule,
} from "./screen-hooks.ts";
export type { TabProps } from "./tab-props.ts";
export { ANY_TIER, tierOptions, withUnknownTier } from "./tier-options.ts";
export {
  buildTrialOrder,
  emptyTrialLine,
  type TrialFormErrors,
  type TrialLineForm,
  type TrialOrderForm,
  type TrialOrderResult,
} from "./trial-order.ts";
export type * from "./types.ts";
export { useReportInvalid, useValidityTracker, ValidityProvider } from "./validity.ts";
export * from "./webhook-hooks.ts";
export * from "./webhooks.ts";
