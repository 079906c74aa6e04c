import type {
  DeliveryStatus,
  KinshipAdminAuditQuery,
  KinshipAdminDashboardQuery,
  KinshipAdminDeadLettersQuery,
  KinshipAdminImportPerkCodesMutation,
  KinshipAdminLedgerLineFieldsFragment,
  KinshipAdminMemberExtrasQuery,
  KinshipAdminMemberFieldsFragment,
  KinshipAdminMemberLedgerQuery,
  KinshipAdminMembershipFieldsFragment,
  KinshipAdminMembershipSummaryQuery,
  KinshipAdminMembersQuery,
  KinshipAdminOrderQuery,
  KinshipAdminPartnersQuery,
  KinshipAdminPlansQuery,
  KinshipAdminProgramFieldsFragment,
  KinshipAdminReferralFieldsFragment,
  KinshipAdminTierPreviewQuery,
  KinshipAdminTryRuleQuery,
  KinshipAdminWebhookDeliveriesQuery,
  KinshipAdminWebhookEndpointFieldsFragment,
  MembershipStatus,
  ReferralStatus,
  TierSource,
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

/** The owner's tier override in force (`until` null: no end date). */
export type TierOverride = NonNullable<AdminMember["override"]>;

export type MemberSort = "POINTS_DESC" | "POINTS_ASC" | "GROWTH_DESC" | "GROWTH_ASC" | "JOINED_DESC";

/** One row of the members list, and a page of them. */
export type MemberSummary = KinshipAdminMembersQuery["members"]["members"][number];
export type MemberPage = KinshipAdminMembersQuery["members"];

/** `before`/`after`: members per tier now and under the proposed thresholds. */
export type TierPreview = KinshipAdminTierPreviewQuery["tierPreview"];

/** What a rule would give an order, with each check the engine made (`steps`). */
export type RuleTrial = KinshipAdminTryRuleQuery["tryRule"];

/** An order to try a rule on: money in minor units of `currency`; `at` an ISO instant (default now). */
export interface TrialOrder {
  subtotal: number;
  currency: string;
  shipping?: number;
  discount?: number;
  at?: string;
  lines?: { variantId?: string; productId?: string; collectionIds?: string[]; quantity: number; price: number }[];
}

export type Dashboard = KinshipAdminDashboardQuery["dashboard"];
export type PointsWeek = Dashboard["pointsByWeek"][number];
export type TierWeek = Dashboard["membersByTier"][number];
export type OrderStats = Dashboard["memberOrders"];
export type RewardUse = Dashboard["topRewards"][number];

export type DeadLetter = KinshipAdminDeadLettersQuery["deadLetters"][number];

export type { DeliveryStatus, MembershipStatus, ReferralStatus, TierSource };

/** A member's membership; `value` is what it saved them this period against the fee (minor units). */
export type Membership = KinshipAdminMembershipFieldsFragment;
export type MembershipValue = Membership["value"];
/** What the member page shows below the balances. */
export type MemberExtras = NonNullable<KinshipAdminMemberExtrasQuery["member"]>;
export type EarnedBadge = MemberExtras["badges"][number];
export type StampCardProgress = MemberExtras["stampCards"][number];
export type MembershipSummary = KinshipAdminMembershipSummaryQuery["dashboard"]["membership"];
/** One plan's members per status and how many got more than their fee's worth. */
export type PlanStats = KinshipAdminPlansQuery["plans"][number];

export type Referral = KinshipAdminReferralFieldsFragment;
export type ReferralPage = { referrals: Referral[]; nextCursor: string | null };

export type WebhookEndpoint = KinshipAdminWebhookEndpointFieldsFragment;
export type WebhookDelivery = KinshipAdminWebhookDeliveriesQuery["webhookDeliveries"]["deliveries"][number];
export type WebhookDeliveryPage = KinshipAdminWebhookDeliveriesQuery["webhookDeliveries"];
