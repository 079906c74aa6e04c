/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type DeliveryStatus =
  /** Failed every attempt: in the dead-letter list until replayed. */
  | 'DEAD'
  | 'DELIVERED'
  /** Waiting for its first attempt, or for an earlier event of the same member. */
  | 'PENDING'
  /** Failed; another attempt is due at nextAttemptAt. */
  | 'RETRYING';

export type ImportSource =
  | 'CSV'
  | 'LOYALTYLION'
  | 'SMILE';

/**
 * GROWTH_* sort by lifetime growth (what the member row keeps); under a rolling or calendar-year
 * qualification window the growth shown (the window's) may differ from that order.
 */
export type MemberSort =
  /** By lifetime growth, lowest first. */
  | 'GROWTH_ASC'
  /** By lifetime growth, highest first. */
  | 'GROWTH_DESC'
  | 'JOINED_DESC'
  | 'POINTS_ASC'
  | 'POINTS_DESC';

export type MembershipStatus =
  /** Paid for the current period. */
  | 'ACTIVE'
  /** Refunded or cancelled with the plan's onRefund = periodEnd: benefits continue until currentPeriodEnd. */
  | 'ENDING'
  /** Past the period's end, inside the plan's grace days: benefits continue until the grace ends. */
  | 'GRACE'
  /** Ended: not renewed within grace, or refunded with onRefund = immediately. */
  | 'LAPSED';

export type PlanPeriod =
  | 'MONTH'
  | 'YEAR';

export type ReferralStatus =
  /** Approved by the owner; pays when the order is past the return window. */
  | 'APPROVED'
  /** Caught by a fraud signal: waits for the owner's approve or reject. */
  | 'FLAGGED'
  /** The referrer was paid. */
  | 'PAID'
  /** Clean, waiting for the referee's first order to be past the return window. */
  | 'PENDING'
  /** Rejected by the owner: nothing is paid. */
  | 'REJECTED'
  /** The first order was refunded in full or cancelled: nothing is paid (a partial refund still pays). */
  | 'VOID';

/**
 * A member's segment: the first rule that holds, so every member has exactly one (R, F, M are the
 * member's recency, frequency and monetary scores).
 * 1. NEW: first order within the last 30 days, or joined within 30 days with at most one order.
 * 2. LAPSED: last order more than 365 days ago.
 * 3. CHAMPIONS: R ≥ 4, F ≥ 4 and M ≥ 4.
 * 4. AT_RISK: R ≤ 2 and (F ≥ 3 or M ≥ 3).
 * 5. LOYAL: F ≥ 4.
 * 6. LAPSED: R = 1.
 * 7. REGULAR: everyone else, members with no order among them.
 */
export type Segment =
  /** Used to buy often or much (F or M 3+), not lately (R 1–2). */
  | 'AT_RISK'
  /** Bought recently, often, and spent the most: R, F and M all 4 or 5. */
  | 'CHAMPIONS'
  /** No order for 365 days, or the least recent fifth (R 1) without the orders to be at risk. */
  | 'LAPSED'
  /** Buy often (F 4 or 5) and not champions or at risk. */
  | 'LOYAL'
  /** First order within 30 days, or joined within 30 days with at most one order. */
  | 'NEW'
  /** Everyone else (and members with no order who joined over 30 days ago). */
  | 'REGULAR';

/** Where the member's tier comes from: growth, a paid plan (better than growth) or the owner's override. */
export type TierSource =
  | 'EARNED'
  | 'OVERRIDE'
  | 'PAID';

export type KinshipAdminMemberFieldsFragment = { customerId: string, growth: number, profile: unknown, joinedAt: string, lastActivityAt: string | null, tier: { key: string, name: string, threshold: number, badge: { label: string, color: string, icon: string | null } | null }, points: { available: number, pending: number, expiringSoon: Array<{ points: number, on: string }> }, nextTier: { key: string, name: string, remaining: number } | null, override: { tier: string, until: string | null, reason: string, actor: string, setAt: string } | null };

export type KinshipAdminLedgerLineFieldsFragment = { key: string, kind: string, available: number, pending: number, reason: string, actor: string | null, orderId: string | null, occurredAt: string };

export type KinshipAdminProgramFieldsFragment = { key: string, version: number, config: unknown };

export type KinshipAdminMemberQueryVariables = Exact<{
  customerId: string | number;
}>;


export type KinshipAdminMemberQuery = { member: { customerId: string, growth: number, profile: unknown, joinedAt: string, lastActivityAt: string | null, tier: { key: string, name: string, threshold: number, badge: { label: string, color: string, icon: string | null } | null }, points: { available: number, pending: number, expiringSoon: Array<{ points: number, on: string }> }, nextTier: { key: string, name: string, remaining: number } | null, override: { tier: string, until: string | null, reason: string, actor: string, setAt: string } | null } | null };

export type KinshipAdminMemberLedgerQueryVariables = Exact<{
  customerId: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type KinshipAdminMemberLedgerQuery = { member: { customerId: string, ledger: { nextCursor: string | null, lines: Array<{ key: string, kind: string, available: number, pending: number, reason: string, actor: string | null, orderId: string | null, occurredAt: string }> } } | null };

export type KinshipAdminOrderQueryVariables = Exact<{
  orderId: string | number;
}>;


export type KinshipAdminOrderQuery = { order: { orderId: string, customerId: string, earned: number, reversed: number, growth: number, lines: Array<{ key: string, kind: string, available: number, pending: number, reason: string, actor: string | null, orderId: string | null, occurredAt: string }> } | null };

export type KinshipAdminProgramQueryVariables = Exact<{ [key: string]: never; }>;


export type KinshipAdminProgramQuery = { program: { key: string, version: number, config: unknown } };

export type KinshipAdminAuditQueryVariables = Exact<{
  first: number;
}>;


export type KinshipAdminAuditQuery = { audit: Array<{ actor: string, action: string, subject: string, before: unknown, after: unknown, at: string }> };

export type KinshipAdminPartnersQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type KinshipAdminPartnersQuery = { partners: Array<{ partner: string, name: string, claimed: number, settlementPrice: number, amountDue: number, currency: string, codesImported: number, codesLeft: number }> };

export type KinshipAdminAdjustPointsMutationVariables = Exact<{
  customerId: string | number;
  points: number;
  reason: string;
  idempotencyKey: string;
}>;


export type KinshipAdminAdjustPointsMutation = { adjustPoints: { customerId: string, growth: number, profile: unknown, joinedAt: string, lastActivityAt: string | null, tier: { key: string, name: string, threshold: number, badge: { label: string, color: string, icon: string | null } | null }, points: { available: number, pending: number, expiringSoon: Array<{ points: number, on: string }> }, nextTier: { key: string, name: string, remaining: number } | null, override: { tier: string, until: string | null, reason: string, actor: string, setAt: string } | null } };

export type KinshipAdminUpdateProgramMutationVariables = Exact<{
  config: unknown;
  expectedVersion?: number | null | undefined;
}>;


export type KinshipAdminUpdateProgramMutation = { updateProgram: { key: string, version: number, config: unknown } };

export type KinshipAdminImportPerkCodesMutationVariables = Exact<{
  partner: string | number;
  codes: Array<string> | string;
}>;


export type KinshipAdminImportPerkCodesMutation = { importPerkCodes: { partner: string, added: number, alreadyThere: number } };

export type KinshipAdminMembersQueryVariables = Exact<{
  search?: string | null | undefined;
  tier?: string | number | null | undefined;
  sort?: MemberSort | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type KinshipAdminMembersQuery = { members: { nextCursor: string | null, members: Array<{ customerId: string, email: string | null, name: string | null, available: number, pending: number, growth: number, joinedAt: string, lastActivityAt: string | null, tier: { key: string, name: string, threshold: number, badge: { label: string, color: string, icon: string | null } | null } }> } };

export type KinshipAdminTierPreviewQueryVariables = Exact<{
  tiers: unknown;
}>;


export type KinshipAdminTierPreviewQuery = { tierPreview: { members: number, up: number, down: number, tiers: Array<{ tier: string, name: string, before: number, after: number }> } };

export type KinshipAdminTryRuleQueryVariables = Exact<{
  rule: unknown;
  order: unknown;
  tier?: string | number | null | undefined;
}>;


export type KinshipAdminTryRuleQuery = { tryRule: { applies: boolean, points: number, growth: number, steps: Array<{ check: string, passed: boolean, detail: string }> } };

export type KinshipAdminDashboardQueryVariables = Exact<{
  weeks: number;
}>;


export type KinshipAdminDashboardQuery = { dashboard: { from: string, to: string, currency: string, members: number, activeMembers: number, outstandingPoints: number, pendingPoints: number, membersByTier: Array<{ week: string, tiers: Array<{ tier: string, name: string, members: number }> }>, pointsByWeek: Array<{ week: string, issued: number, redeemed: number, expired: number, reversed: number }>, memberOrders: { orders: number, customers: number, averageOrderValue: number, repeatRate: number }, nonMemberOrders: { orders: number, customers: number, averageOrderValue: number, repeatRate: number }, topRewards: Array<{ rewardId: string, name: string, redemptions: number, points: number }> } };

export type KinshipAdminDeadLettersQueryVariables = Exact<{
  first: number;
}>;


export type KinshipAdminDeadLettersQuery = { deadLetters: Array<{ id: string, source: string, topic: string, deliveryKey: string, attempts: number, error: string | null, receivedAt: string }> };

export type KinshipAdminOverrideTierMutationVariables = Exact<{
  customerId: string | number;
  tier?: string | number | null | undefined;
  until?: string | null | undefined;
  reason: string;
  idempotencyKey: string;
}>;


export type KinshipAdminOverrideTierMutation = { overrideTier: { customerId: string, growth: number, profile: unknown, joinedAt: string, lastActivityAt: string | null, tier: { key: string, name: string, threshold: number, badge: { label: string, color: string, icon: string | null } | null }, points: { available: number, pending: number, expiringSoon: Array<{ points: number, on: string }> }, nextTier: { key: string, name: string, remaining: number } | null, override: { tier: string, until: string | null, reason: string, actor: string, setAt: string } | null } };

export type KinshipAdminReplayDeadLettersMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type KinshipAdminReplayDeadLettersMutation = { replayDeadLetters: number };

export type KinshipAdminMembershipFieldsFragment = { status: MembershipStatus, startedAt: string, currentPeriodStart: string, currentPeriodEnd: string, benefitsUntil: string, orderIds: Array<string>, plan: { key: string, name: string, price: number, currency: string, period: PlanPeriod, tier: string | null, freeShipping: boolean }, value: { from: string, to: string, currency: string, fee: number, memberPrices: number, freeShipping: number, rewards: number, perks: number, total: number, exceedsFee: boolean } };

export type KinshipAdminReferralFieldsFragment = { id: string, code: string, referrerId: string, refereeId: string, orderId: string, status: ReferralStatus, welcomeCode: string | null, points: number, createdAt: string, payableAt: string, decidedAt: string | null, decidedBy: string | null, note: string | null, signals: Array<{ name: string, detail: string }> };

export type KinshipAdminWebhookEndpointFieldsFragment = { id: string, url: string, topics: Array<string>, description: string | null, enabled: boolean, createdAt: string };

export type KinshipAdminMemberExtrasQueryVariables = Exact<{
  customerId: string | number;
  referrals: number;
}>;


export type KinshipAdminMemberExtrasQuery = { member: { customerId: string, tierSource: TierSource, referralCode: string | null, membership: { status: MembershipStatus, startedAt: string, currentPeriodStart: string, currentPeriodEnd: string, benefitsUntil: string, orderIds: Array<string>, plan: { key: string, name: string, price: number, currency: string, period: PlanPeriod, tier: string | null, freeShipping: boolean }, value: { from: string, to: string, currency: string, fee: number, memberPrices: number, freeShipping: number, rewards: number, perks: number, total: number, exceedsFee: boolean } } | null, badges: Array<{ key: string, name: string, description: string | null, icon: string | null, color: string | null, earnedAt: string }>, stampCards: Array<{ id: string, name: string, stamps: number, collected: number, completed: number }>, referrals: Array<{ id: string, code: string, referrerId: string, refereeId: string, orderId: string, status: ReferralStatus, welcomeCode: string | null, points: number, createdAt: string, payableAt: string, decidedAt: string | null, decidedBy: string | null, note: string | null, signals: Array<{ name: string, detail: string }> }> } | null };

export type KinshipAdminMembershipSummaryQueryVariables = Exact<{ [key: string]: never; }>;


export type KinshipAdminMembershipSummaryQuery = { dashboard: { membership: { paying: number, valueExceedsFee: number, shareExceedingFee: number } } };

export type KinshipAdminPlansQueryVariables = Exact<{ [key: string]: never; }>;


export type KinshipAdminPlansQuery = { plans: Array<{ active: number, grace: number, ending: number, lapsed: number, valueExceedsFee: number, plan: { key: string, name: string, price: number, currency: string, period: PlanPeriod, tier: string | null, freeShipping: boolean } }> };

export type KinshipAdminReferralsQueryVariables = Exact<{
  status?: ReferralStatus | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type KinshipAdminReferralsQuery = { referrals: { nextCursor: string | null, referrals: Array<{ id: string, code: string, referrerId: string, refereeId: string, orderId: string, status: ReferralStatus, welcomeCode: string | null, points: number, createdAt: string, payableAt: string, decidedAt: string | null, decidedBy: string | null, note: string | null, signals: Array<{ name: string, detail: string }> }> } };

export type KinshipAdminReviewReferralMutationVariables = Exact<{
  id: string | number;
  approve: boolean;
  note?: string | null | undefined;
}>;


export type KinshipAdminReviewReferralMutation = { reviewReferral: { id: string, code: string, referrerId: string, refereeId: string, orderId: string, status: ReferralStatus, welcomeCode: string | null, points: number, createdAt: string, payableAt: string, decidedAt: string | null, decidedBy: string | null, note: string | null, signals: Array<{ name: string, detail: string }> } };

export type KinshipAdminEventTopicsQueryVariables = Exact<{ [key: string]: never; }>;


export type KinshipAdminEventTopicsQuery = { eventTopics: Array<string> };

export type KinshipAdminWebhookEndpointsQueryVariables = Exact<{ [key: string]: never; }>;


export type KinshipAdminWebhookEndpointsQuery = { webhookEndpoints: Array<{ id: string, url: string, topics: Array<string>, description: string | null, enabled: boolean, createdAt: string }> };

export type KinshipAdminWebhookDeliveriesQueryVariables = Exact<{
  endpointId?: string | number | null | undefined;
  status?: DeliveryStatus | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type KinshipAdminWebhookDeliveriesQuery = { webhookDeliveries: { nextCursor: string | null, deliveries: Array<{ id: string, endpointId: string, eventId: string, topic: string, customerId: string | null, status: DeliveryStatus, attempts: number, lastStatus: number | null, lastError: string | null, nextAttemptAt: string | null, deliveredAt: string | null, createdAt: string, payload: unknown }> } };

export type KinshipAdminCreateWebhookEndpointMutationVariables = Exact<{
  url: string;
  topics: Array<string> | string;
  description?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type KinshipAdminCreateWebhookEndpointMutation = { createWebhookEndpoint: { secret: string, endpoint: { id: string, url: string, topics: Array<string>, description: string | null, enabled: boolean, createdAt: string } } };

export type KinshipAdminUpdateWebhookEndpointMutationVariables = Exact<{
  id: string | number;
  url?: string | null | undefined;
  topics?: Array<string> | string | null | undefined;
  description?: string | null | undefined;
  enabled?: boolean | null | undefined;
}>;


export type KinshipAdminUpdateWebhookEndpointMutation = { updateWebhookEndpoint: { id: string, url: string, topics: Array<string>, description: string | null, enabled: boolean, createdAt: string } };

export type KinshipAdminDeleteWebhookEndpointMutationVariables = Exact<{
  id: string | number;
}>;


export type KinshipAdminDeleteWebhookEndpointMutation = { deleteWebhookEndpoint: boolean };

export type KinshipAdminRotateWebhookSecretMutationVariables = Exact<{
  id: string | number;
  idempotencyKey?: string | null | undefined;
}>;


export type KinshipAdminRotateWebhookSecretMutation = { rotateWebhookSecret: { secret: string, endpoint: { id: string, url: string, topics: Array<string>, description: string | null, enabled: boolean, createdAt: string } } };

export type KinshipAdminReplayWebhookDeliveriesMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type KinshipAdminReplayWebhookDeliveriesMutation = { replayWebhookDeliveries: number };

export type KinshipAdminDataExportsQueryVariables = Exact<{
  customerId?: string | number | null | undefined;
  first: number;
}>;


export type KinshipAdminDataExportsQuery = { dataExports: Array<{ id: string, customerId: string, requestRef: string | null, createdAt: string }> };

export type KinshipAdminDataExportQueryVariables = Exact<{
  id: string | number;
}>;


export type KinshipAdminDataExportQuery = { dataExport: { id: string, customerId: string, requestRef: string | null, createdAt: string, data: unknown } | null };

export type KinshipAdminExportMemberDataMutationVariables = Exact<{
  customerId: string | number;
  idempotencyKey: string;
}>;


export type KinshipAdminExportMemberDataMutation = { exportMemberData: { id: string, customerId: string, requestRef: string | null, createdAt: string, data: unknown } };

export type KinshipAdminRollForwardFieldsFragment = { period: string, opening: string, issued: string, redeemed: string, expired: string, reversed: string, adjusted: string, other: string, closing: string, reconciled: boolean, money: { currency: string, opening: string, issued: string, redeemed: string, expired: string, reversed: string, adjusted: string, other: string, closing: string } };

export type KinshipAdminFinanceReportQueryVariables = Exact<{
  month: string;
}>;


export type KinshipAdminFinanceReportQuery = { financeReport: { month: string, timezone: string, from: string, to: string, currency: string, valuation: string, pointValuePoints: number, pointValueMoney: number, reconciled: boolean, total: { period: string, opening: string, issued: string, redeemed: string, expired: string, reversed: string, adjusted: string, other: string, closing: string, reconciled: boolean, money: { currency: string, opening: string, issued: string, redeemed: string, expired: string, reversed: string, adjusted: string, other: string, closing: string } }, days: Array<{ period: string, opening: string, issued: string, redeemed: string, expired: string, reversed: string, adjusted: string, other: string, closing: string, reconciled: boolean, money: { currency: string, opening: string, issued: string, redeemed: string, expired: string, reversed: string, adjusted: string, other: string, closing: string } }>, liability: Array<{ currency: string, availablePoints: string, pendingPoints: string, gross: string, expectedBreakage: string, net: string }>, breakage: { rate: number, expired: string, redeemed: string, windowFrom: string, windowTo: string, method: string }, benefitCosts: Array<{ key: string, name: string, kind: string, uses: number, estimatedCost: string | null, discountsGiven: string, members: number, memberOrders: number, memberSales: string, currency: string }> } };

export type KinshipAdminImportReportFragment = { source: ImportSource, dryRun: boolean, rows: number, members: number, newMembers: number, points: string, tiersSet: number, referralCodes: number, alreadyImported: number, applied: boolean, errors: Array<{ line: number, message: string }> };

export type KinshipAdminImportMembersMutationVariables = Exact<{
  source: ImportSource;
  csv: string;
  fileName?: string | null | undefined;
  firstLine: number;
  dryRun: boolean;
  idempotencyKey: string;
}>;


export type KinshipAdminImportMembersMutation = { importMembers: { source: ImportSource, dryRun: boolean, rows: number, members: number, newMembers: number, points: string, tiersSet: number, referralCodes: number, alreadyImported: number, applied: boolean, errors: Array<{ line: number, message: string }> } };

export type KinshipAdminImportsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type KinshipAdminImportsQuery = { imports: Array<{ id: string, source: ImportSource, fileName: string | null, rows: number, members: number, points: string, actor: string, createdAt: string }> };

export type KinshipAdminInsightFieldsFragment = { computedAt: string | null, segments: Array<{ segment: Segment, members: number, sales: string }>, byTier: Array<{ tier: string, segment: Segment, members: number }>, topShare: { topMembers: number, membersWithSales: number, topSales: string, totalSales: string, share: number }, memberOrders: { orders: number, customers: number, averageOrderValue: number, repeatRate: number }, nonMemberOrders: { orders: number, customers: number, averageOrderValue: number, repeatRate: number }, tierMigration: Array<{ month: string, from: string, to: string, members: number }> };

export type KinshipAdminMemberInsightFieldsFragment = { customerId: string, recency: number | null, frequency: number | null, monetary: number | null, segment: Segment, tier: string, orders: number, lifetimeValue: string, firstOrderAt: string | null, lastOrderAt: string | null, computedAt: string | null };

export type KinshipAdminInsightQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type KinshipAdminInsightQuery = { insight: { computedAt: string | null, segments: Array<{ segment: Segment, members: number, sales: string }>, byTier: Array<{ tier: string, segment: Segment, members: number }>, topShare: { topMembers: number, membersWithSales: number, topSales: string, totalSales: string, share: number }, memberOrders: { orders: number, customers: number, averageOrderValue: number, repeatRate: number }, nonMemberOrders: { orders: number, customers: number, averageOrderValue: number, repeatRate: number }, tierMigration: Array<{ month: string, from: string, to: string, members: number }> } };

export type KinshipAdminMemberInsightQueryVariables = Exact<{
  customerId: string | number;
}>;


export type KinshipAdminMemberInsightQuery = { memberInsight: { customerId: string, recency: number | null, frequency: number | null, monetary: number | null, segment: Segment, tier: string, orders: number, lifetimeValue: string, firstOrderAt: string | null, lastOrderAt: string | null, computedAt: string | null } | null };

export type KinshipAdminMembersInSegmentQueryVariables = Exact<{
  segment: Segment;
  first: number;
  after?: string | null | undefined;
}>;


export type KinshipAdminMembersInSegmentQuery = { membersInSegment: { nextCursor: string | null, members: Array<{ customerId: string, recency: number | null, frequency: number | null, monetary: number | null, segment: Segment, tier: string, orders: number, lifetimeValue: string, firstOrderAt: string | null, lastOrderAt: string | null, computedAt: string | null }> } };

export type KinshipAdminRefreshInsightMutationVariables = Exact<{ [key: string]: never; }>;


export type KinshipAdminRefreshInsightMutation = { refreshInsight: { computedAt: string | null, segments: Array<{ segment: Segment, members: number, sales: string }>, byTier: Array<{ tier: string, segment: Segment, members: number }>, topShare: { topMembers: number, membersWithSales: number, topSales: string, totalSales: string, share: number }, memberOrders: { orders: number, customers: number, averageOrderValue: number, repeatRate: number }, nonMemberOrders: { orders: number, customers: number, averageOrderValue: number, repeatRate: number }, tierMigration: Array<{ month: string, from: string, to: string, members: number }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const KinshipAdminMemberFieldsFragmentDoc = new TypedDocumentString(`
    fragment KinshipAdminMemberFields on AdminMember {
  customerId
  tier {
    key
    name
    threshold
    badge {
      label
      color
      icon
    }
  }
  points {
    available
    pending
    expiringSoon {
      points
      on
    }
  }
  growth
  nextTier {
    key
    name
    remaining
  }
  profile
  override {
    tier
    until
    reason
    actor
    setAt
  }
  joinedAt
  lastActivityAt
}
    `, {"fragmentName":"KinshipAdminMemberFields"}) as unknown as TypedDocumentString<KinshipAdminMemberFieldsFragment, unknown>;
export const KinshipAdminLedgerLineFieldsFragmentDoc = new TypedDocumentString(`
    fragment KinshipAdminLedgerLineFields on LedgerLine {
  key
  kind
  available
  pending
  reason
  actor
  orderId
  occurredAt
}
    `, {"fragmentName":"KinshipAdminLedgerLineFields"}) as unknown as TypedDocumentString<KinshipAdminLedgerLineFieldsFragment, unknown>;
export const KinshipAdminProgramFieldsFragmentDoc = new TypedDocumentString(`
    fragment KinshipAdminProgramFields on ProgramConfig {
  key
  version
  config
}
    `, {"fragmentName":"KinshipAdminProgramFields"}) as unknown as TypedDocumentString<KinshipAdminProgramFieldsFragment, unknown>;
export const KinshipAdminMembershipFieldsFragmentDoc = new TypedDocumentString(`
    fragment KinshipAdminMembershipFields on Membership {
  plan {
    key
    name
    price
    currency
    period
    tier
    freeShipping
  }
  status
  startedAt
  currentPeriodStart
  currentPeriodEnd
  benefitsUntil
  orderIds
  value {
    from
    to
    currency
    fee
    memberPrices
    freeShipping
    rewards
    perks
    total
    exceedsFee
  }
}
    `, {"fragmentName":"KinshipAdminMembershipFields"}) as unknown as TypedDocumentString<KinshipAdminMembershipFieldsFragment, unknown>;
export const KinshipAdminReferralFieldsFragmentDoc = new TypedDocumentString(`
    fragment KinshipAdminReferralFields on Referral {
  id
  code
  referrerId
  refereeId
  orderId
  status
  signals {
    name
    detail
  }
  welcomeCode
  points
  createdAt
  payableAt
  decidedAt
  decidedBy
  note
}
    `, {"fragmentName":"KinshipAdminReferralFields"}) as unknown as TypedDocumentString<KinshipAdminReferralFieldsFragment, unknown>;
export const KinshipAdminWebhookEndpointFieldsFragmentDoc = new TypedDocumentString(`
    fragment KinshipAdminWebhookEndpointFields on WebhookEndpoint {
  id
  url
  topics
  description
  enabled
  createdAt
}
    `, {"fragmentName":"KinshipAdminWebhookEndpointFields"}) as unknown as TypedDocumentString<KinshipAdminWebhookEndpointFieldsFragment, unknown>;
export const KinshipAdminRollForwardFieldsFragmentDoc = new TypedDocumentString(`
    fragment KinshipAdminRollForwardFields on RollForward {
  period
  opening
  issued
  redeemed
  expired
  reversed
  adjusted
  other
  closing
  reconciled
  money {
    currency
    opening
    issued
    redeemed
    expired
    reversed
    adjusted
    other
    closing
  }
}
    `, {"fragmentName":"KinshipAdminRollForwardFields"}) as unknown as TypedDocumentString<KinshipAdminRollForwardFieldsFragment, unknown>;
export const KinshipAdminImportReportFragmentDoc = new TypedDocumentString(`
    fragment KinshipAdminImportReport on ImportReport {
  source
  dryRun
  rows
  members
  newMembers
  points
  tiersSet
  referralCodes
  alreadyImported
  errors {
    line
    message
  }
  applied
}
    `, {"fragmentName":"KinshipAdminImportReport"}) as unknown as TypedDocumentString<KinshipAdminImportReportFragment, unknown>;
export const KinshipAdminInsightFieldsFragmentDoc = new TypedDocumentString(`
    fragment KinshipAdminInsightFields on Insight {
  computedAt
  segments {
    segment
    members
    sales
  }
  byTier {
    tier
    segment
    members
  }
  topShare {
    topMembers
    membersWithSales
    topSales
    totalSales
    share
  }
  memberOrders {
    orders
    customers
    averageOrderValue
    repeatRate
  }
  nonMemberOrders {
    orders
    customers
    averageOrderValue
    repeatRate
  }
  tierMigration {
    month
    from
    to
    members
  }
}
    `, {"fragmentName":"KinshipAdminInsightFields"}) as unknown as TypedDocumentString<KinshipAdminInsightFieldsFragment, unknown>;
export const KinshipAdminMemberInsightFieldsFragmentDoc = new TypedDocumentString(`
    fragment KinshipAdminMemberInsightFields on MemberInsight {
  customerId
  recency
  frequency
  monetary
  segment
  tier
  orders
  lifetimeValue
  firstOrderAt
  lastOrderAt
  computedAt
}
    `, {"fragmentName":"KinshipAdminMemberInsightFields"}) as unknown as TypedDocumentString<KinshipAdminMemberInsightFieldsFragment, unknown>;
export const KinshipAdminMemberDocument = new TypedDocumentString(`
    query KinshipAdminMember($customerId: ID!) {
  member(customerId: $customerId) {
    ...KinshipAdminMemberFields
  }
}
    fragment KinshipAdminMemberFields on AdminMember {
  customerId
  tier {
    key
    name
    threshold
    badge {
      label
      color
      icon
    }
  }
  points {
    available
    pending
    expiringSoon {
      points
      on
    }
  }
  growth
  nextTier {
    key
    name
    remaining
  }
  profile
  override {
    tier
    until
    reason
    actor
    setAt
  }
  joinedAt
  lastActivityAt
}`) as unknown as TypedDocumentString<KinshipAdminMemberQuery, KinshipAdminMemberQueryVariables>;
export const KinshipAdminMemberLedgerDocument = new TypedDocumentString(`
    query KinshipAdminMemberLedger($customerId: ID!, $first: Int!, $after: String) {
  member(customerId: $customerId) {
    customerId
    ledger(first: $first, after: $after) {
      lines {
        ...KinshipAdminLedgerLineFields
      }
      nextCursor
    }
  }
}
    fragment KinshipAdminLedgerLineFields on LedgerLine {
  key
  kind
  available
  pending
  reason
  actor
  orderId
  occurredAt
}`) as unknown as TypedDocumentString<KinshipAdminMemberLedgerQuery, KinshipAdminMemberLedgerQueryVariables>;
export const KinshipAdminOrderDocument = new TypedDocumentString(`
    query KinshipAdminOrder($orderId: ID!) {
  order(orderId: $orderId) {
    orderId
    customerId
    earned
    reversed
    growth
    lines {
      ...KinshipAdminLedgerLineFields
    }
  }
}
    fragment KinshipAdminLedgerLineFields on LedgerLine {
  key
  kind
  available
  pending
  reason
  actor
  orderId
  occurredAt
}`) as unknown as TypedDocumentString<KinshipAdminOrderQuery, KinshipAdminOrderQueryVariables>;
export const KinshipAdminProgramDocument = new TypedDocumentString(`
    query KinshipAdminProgram {
  program {
    ...KinshipAdminProgramFields
  }
}
    fragment KinshipAdminProgramFields on ProgramConfig {
  key
  version
  config
}`) as unknown as TypedDocumentString<KinshipAdminProgramQuery, KinshipAdminProgramQueryVariables>;
export const KinshipAdminAuditDocument = new TypedDocumentString(`
    query KinshipAdminAudit($first: Int!) {
  audit(first: $first) {
    actor
    action
    subject
    before
    after
    at
  }
}
    `) as unknown as TypedDocumentString<KinshipAdminAuditQuery, KinshipAdminAuditQueryVariables>;
export const KinshipAdminPartnersDocument = new TypedDocumentString(`
    query KinshipAdminPartners($from: DateTime!, $to: DateTime!) {
  partners(from: $from, to: $to) {
    partner
    name
    claimed
    settlementPrice
    amountDue
    currency
    codesImported
    codesLeft
  }
}
    `) as unknown as TypedDocumentString<KinshipAdminPartnersQuery, KinshipAdminPartnersQueryVariables>;
export const KinshipAdminAdjustPointsDocument = new TypedDocumentString(`
    mutation KinshipAdminAdjustPoints($customerId: ID!, $points: Int!, $reason: String!, $idempotencyKey: String!) {
  adjustPoints(
    customerId: $customerId
    points: $points
    reason: $reason
    idempotencyKey: $idempotencyKey
  ) {
    ...KinshipAdminMemberFields
  }
}
    fragment KinshipAdminMemberFields on AdminMember {
  customerId
  tier {
    key
    name
    threshold
    badge {
      label
      color
      icon
    }
  }
  points {
    available
    pending
    expiringSoon {
      points
      on
    }
  }
  growth
  nextTier {
    key
    name
    remaining
  }
  profile
  override {
    tier
    until
    reason
    actor
    setAt
  }
  joinedAt
  lastActivityAt
}`) as unknown as TypedDocumentString<KinshipAdminAdjustPointsMutation, KinshipAdminAdjustPointsMutationVariables>;
export const KinshipAdminUpdateProgramDocument = new TypedDocumentString(`
    mutation KinshipAdminUpdateProgram($config: JSON!, $expectedVersion: Int) {
  updateProgram(config: $config, expectedVersion: $expectedVersion) {
    ...KinshipAdminProgramFields
  }
}
    fragment KinshipAdminProgramFields on ProgramConfig {
  key
  version
  config
}`) as unknown as TypedDocumentString<KinshipAdminUpdateProgramMutation, KinshipAdminUpdateProgramMutationVariables>;
export const KinshipAdminImportPerkCodesDocument = new TypedDocumentString(`
    mutation KinshipAdminImportPerkCodes($partner: ID!, $codes: [String!]!) {
  importPerkCodes(partner: $partner, codes: $codes) {
    partner
    added
    alreadyThere
  }
}
    `) as unknown as TypedDocumentString<KinshipAdminImportPerkCodesMutation, KinshipAdminImportPerkCodesMutationVariables>;
export const KinshipAdminMembersDocument = new TypedDocumentString(`
    query KinshipAdminMembers($search: String, $tier: ID, $sort: MemberSort, $first: Int!, $after: String) {
  members(search: $search, tier: $tier, sort: $sort, first: $first, after: $after) {
    members {
      customerId
      email
      name
      tier {
        key
        name
        threshold
        badge {
          label
          color
          icon
        }
      }
      available
      pending
      growth
      joinedAt
      lastActivityAt
    }
    nextCursor
  }
}
    `) as unknown as TypedDocumentString<KinshipAdminMembersQuery, KinshipAdminMembersQueryVariables>;
export const KinshipAdminTierPreviewDocument = new TypedDocumentString(`
    query KinshipAdminTierPreview($tiers: JSON!) {
  tierPreview(tiers: $tiers) {
    members
    up
    down
    tiers {
      tier
      name
      before
      after
    }
  }
}
    `) as unknown as TypedDocumentString<KinshipAdminTierPreviewQuery, KinshipAdminTierPreviewQueryVariables>;
export const KinshipAdminTryRuleDocument = new TypedDocumentString(`
    query KinshipAdminTryRule($rule: JSON!, $order: JSON!, $tier: ID) {
  tryRule(rule: $rule, order: $order, tier: $tier) {
    applies
    points
    growth
    steps {
      check
      passed
      detail
    }
  }
}
    `) as unknown as TypedDocumentString<KinshipAdminTryRuleQuery, KinshipAdminTryRuleQueryVariables>;
export const KinshipAdminDashboardDocument = new TypedDocumentString(`
    query KinshipAdminDashboard($weeks: Int!) {
  dashboard(weeks: $weeks) {
    from
    to
    currency
    members
    activeMembers
    outstandingPoints
    pendingPoints
    membersByTier {
      week
      tiers {
        tier
        name
        members
      }
    }
    pointsByWeek {
      week
      issued
      redeemed
      expired
      reversed
    }
    memberOrders {
      orders
      customers
      averageOrderValue
      repeatRate
    }
    nonMemberOrders {
      orders
      customers
      averageOrderValue
      repeatRate
    }
    topRewards {
      rewardId
      name
      redemptions
      points
    }
  }
}
    `) as unknown as TypedDocumentString<KinshipAdminDashboardQuery, KinshipAdminDashboardQueryVariables>;
export const KinshipAdminDeadLettersDocument = new TypedDocumentString(`
    query KinshipAdminDeadLetters($first: Int!) {
  deadLetters(first: $first) {
    id
    source
    topic
    deliveryKey
    attempts
    error
    receivedAt
  }
}
    `) as unknown as TypedDocumentString<KinshipAdminDeadLettersQuery, KinshipAdminDeadLettersQueryVariables>;
export const KinshipAdminOverrideTierDocument = new TypedDocumentString(`
    mutation KinshipAdminOverrideTier($customerId: ID!, $tier: ID, $until: DateTime, $reason: String!, $idempotencyKey: String!) {
  overrideTier(
    customerId: $customerId
    tier: $tier
    until: $until
    reason: $reason
    idempotencyKey: $idempotencyKey
  ) {
    ...KinshipAdminMemberFields
  }
}
    fragment KinshipAdminMemberFields on AdminMember {
  customerId
  tier {
    key
    name
    threshold
    badge {
      label
      color
      icon
    }
  }
  points {
    available
    pending
    expiringSoon {
      points
      on
    }
  }
  growth
  nextTier {
    key
    name
    remaining
  }
  profile
  override {
    tier
    until
    reason
    actor
    setAt
  }
  joinedAt
  lastActivityAt
}`) as unknown as TypedDocumentString<KinshipAdminOverrideTierMutation, KinshipAdminOverrideTierMutationVariables>;
export const KinshipAdminReplayDeadLettersDocument = new TypedDocumentString(`
    mutation KinshipAdminReplayDeadLetters($ids: [ID!]!) {
  replayDeadLetters(ids: $ids)
}
    `) as unknown as TypedDocumentString<KinshipAdminReplayDeadLettersMutation, KinshipAdminReplayDeadLettersMutationVariables>;
export const KinshipAdminMemberExtrasDocument = new TypedDocumentString(`
    query KinshipAdminMemberExtras($customerId: ID!, $referrals: Int!) {
  member(customerId: $customerId) {
    customerId
    tierSource
    membership {
      ...KinshipAdminMembershipFields
    }
    badges {
      key
      name
      description
      icon
      color
      earnedAt
    }
    stampCards {
      id
      name
      stamps
      collected
      completed
    }
    referralCode
    referrals(first: $referrals) {
      ...KinshipAdminReferralFields
    }
  }
}
    fragment KinshipAdminMembershipFields on Membership {
  plan {
    key
    name
    price
    currency
    period
    tier
    freeShipping
  }
  status
  startedAt
  currentPeriodStart
  currentPeriodEnd
  benefitsUntil
  orderIds
  value {
    from
    to
    currency
    fee
    memberPrices
    freeShipping
    rewards
    perks
    total
    exceedsFee
  }
}
fragment KinshipAdminReferralFields on Referral {
  id
  code
  referrerId
  refereeId
  orderId
  status
  signals {
    name
    detail
  }
  welcomeCode
  points
  createdAt
  payableAt
  decidedAt
  decidedBy
  note
}`) as unknown as TypedDocumentString<KinshipAdminMemberExtrasQuery, KinshipAdminMemberExtrasQueryVariables>;
export const KinshipAdminMembershipSummaryDocument = new TypedDocumentString(`
    query KinshipAdminMembershipSummary {
  dashboard(weeks: 1) {
    membership {
      paying
      valueExceedsFee
      shareExceedingFee
    }
  }
}
    `) as unknown as TypedDocumentString<KinshipAdminMembershipSummaryQuery, KinshipAdminMembershipSummaryQueryVariables>;
export const KinshipAdminPlansDocument = new TypedDocumentString(`
    query KinshipAdminPlans {
  plans {
    plan {
      key
      name
      price
      currency
      period
      tier
      freeShipping
    }
    active
    grace
    ending
    lapsed
    valueExceedsFee
  }
}
    `) as unknown as TypedDocumentString<KinshipAdminPlansQuery, KinshipAdminPlansQueryVariables>;
export const KinshipAdminReferralsDocument = new TypedDocumentString(`
    query KinshipAdminReferrals($status: ReferralStatus, $first: Int!, $after: String) {
  referrals(status: $status, first: $first, after: $after) {
    referrals {
      ...KinshipAdminReferralFields
    }
    nextCursor
  }
}
    fragment KinshipAdminReferralFields on Referral {
  id
  code
  referrerId
  refereeId
  orderId
  status
  signals {
    name
    detail
  }
  welcomeCode
  points
  createdAt
  payableAt
  decidedAt
  decidedBy
  note
}`) as unknown as TypedDocumentString<KinshipAdminReferralsQuery, KinshipAdminReferralsQueryVariables>;
export const KinshipAdminReviewReferralDocument = new TypedDocumentString(`
    mutation KinshipAdminReviewReferral($id: ID!, $approve: Boolean!, $note: String) {
  reviewReferral(id: $id, approve: $approve, note: $note) {
    ...KinshipAdminReferralFields
  }
}
    fragment KinshipAdminReferralFields on Referral {
  id
  code
  referrerId
  refereeId
  orderId
  status
  signals {
    name
    detail
  }
  welcomeCode
  points
  createdAt
  payableAt
  decidedAt
  decidedBy
  note
}`) as unknown as TypedDocumentString<KinshipAdminReviewReferralMutation, KinshipAdminReviewReferralMutationVariables>;
export const KinshipAdminEventTopicsDocument = new TypedDocumentString(`
    query KinshipAdminEventTopics {
  eventTopics
}
    `) as unknown as TypedDocumentString<KinshipAdminEventTopicsQuery, KinshipAdminEventTopicsQueryVariables>;
export const KinshipAdminWebhookEndpointsDocument = new TypedDocumentString(`
    query KinshipAdminWebhookEndpoints {
  webhookEndpoints {
    ...KinshipAdminWebhookEndpointFields
  }
}
    fragment KinshipAdminWebhookEndpointFields on WebhookEndpoint {
  id
  url
  topics
  description
  enabled
  createdAt
}`) as unknown as TypedDocumentString<KinshipAdminWebhookEndpointsQuery, KinshipAdminWebhookEndpointsQueryVariables>;
export const KinshipAdminWebhookDeliveriesDocument = new TypedDocumentString(`
    query KinshipAdminWebhookDeliveries($endpointId: ID, $status: DeliveryStatus, $first: Int!, $after: String) {
  webhookDeliveries(
    endpointId: $endpointId
    status: $status
    first: $first
    after: $after
  ) {
    deliveries {
      id
      endpointId
      eventId
      topic
      customerId
      status
      attempts
      lastStatus
      lastError
      nextAttemptAt
      deliveredAt
      createdAt
      payload
    }
    nextCursor
  }
}
    `) as unknown as TypedDocumentString<KinshipAdminWebhookDeliveriesQuery, KinshipAdminWebhookDeliveriesQueryVariables>;
export const KinshipAdminCreateWebhookEndpointDocument = new TypedDocumentString(`
    mutation KinshipAdminCreateWebhookEndpoint($url: String!, $topics: [String!]!, $description: String, $idempotencyKey: String) {
  createWebhookEndpoint(
    url: $url
    topics: $topics
    description: $description
    idempotencyKey: $idempotencyKey
  ) {
    endpoint {
      ...KinshipAdminWebhookEndpointFields
    }
    secret
  }
}
    fragment KinshipAdminWebhookEndpointFields on WebhookEndpoint {
  id
  url
  topics
  description
  enabled
  createdAt
}`) as unknown as TypedDocumentString<KinshipAdminCreateWebhookEndpointMutation, KinshipAdminCreateWebhookEndpointMutationVariables>;
export const KinshipAdminUpdateWebhookEndpointDocument = new TypedDocumentString(`
    mutation KinshipAdminUpdateWebhookEndpoint($id: ID!, $url: String, $topics: [String!], $description: String, $enabled: Boolean) {
  updateWebhookEndpoint(
    id: $id
    url: $url
    topics: $topics
    description: $description
    enabled: $enabled
  ) {
    ...KinshipAdminWebhookEndpointFields
  }
}
    fragment KinshipAdminWebhookEndpointFields on WebhookEndpoint {
  id
  url
  topics
  description
  enabled
  createdAt
}`) as unknown as TypedDocumentString<KinshipAdminUpdateWebhookEndpointMutation, KinshipAdminUpdateWebhookEndpointMutationVariables>;
export const KinshipAdminDeleteWebhookEndpointDocument = new TypedDocumentString(`
    mutation KinshipAdminDeleteWebhookEndpoint($id: ID!) {
  deleteWebhookEndpoint(id: $id)
}
    `) as unknown as TypedDocumentString<KinshipAdminDeleteWebhookEndpointMutation, KinshipAdminDeleteWebhookEndpointMutationVariables>;
export const KinshipAdminRotateWebhookSecretDocument = new TypedDocumentString(`
    mutation KinshipAdminRotateWebhookSecret($id: ID!, $idempotencyKey: String) {
  rotateWebhookSecret(id: $id, idempotencyKey: $idempotencyKey) {
    endpoint {
      ...KinshipAdminWebhookEndpointFields
    }
    secret
  }
}
    fragment KinshipAdminWebhookEndpointFields on WebhookEndpoint {
  id
  url
  topics
  description
  enabled
  createdAt
}`) as unknown as TypedDocumentString<KinshipAdminRotateWebhookSecretMutation, KinshipAdminRotateWebhookSecretMutationVariables>;
export const KinshipAdminReplayWebhookDeliveriesDocument = new TypedDocumentString(`
    mutation KinshipAdminReplayWebhookDeliveries($ids: [ID!]!) {
  replayWebhookDeliveries(ids: $ids)
}
    `) as unknown as TypedDocumentString<KinshipAdminReplayWebhookDeliveriesMutation, KinshipAdminReplayWebhookDeliveriesMutationVariables>;
export const KinshipAdminDataExportsDocument = new TypedDocumentString(`
    query KinshipAdminDataExports($customerId: ID, $first: Int!) {
  dataExports(customerId: $customerId, first: $first) {
    id
    customerId
    requestRef
    createdAt
  }
}
    `) as unknown as TypedDocumentString<KinshipAdminDataExportsQuery, KinshipAdminDataExportsQueryVariables>;
export const KinshipAdminDataExportDocument = new TypedDocumentString(`
    query KinshipAdminDataExport($id: ID!) {
  dataExport(id: $id) {
    id
    customerId
    requestRef
    createdAt
    data
  }
}
    `) as unknown as TypedDocumentString<KinshipAdminDataExportQuery, KinshipAdminDataExportQueryVariables>;
export const KinshipAdminExportMemberDataDocument = new TypedDocumentString(`
    mutation KinshipAdminExportMemberData($customerId: ID!, $idempotencyKey: String!) {
  exportMemberData(customerId: $customerId, idempotencyKey: $idempotencyKey) {
    id
    customerId
    requestRef
    createdAt
    data
  }
}
    `) as unknown as TypedDocumentString<KinshipAdminExportMemberDataMutation, KinshipAdminExportMemberDataMutationVariables>;
export const KinshipAdminFinanceReportDocument = new TypedDocumentString(`
    query KinshipAdminFinanceReport($month: String!) {
  financeReport(month: $month) {
    month
    timezone
    from
    to
    currency
    valuation
    pointValuePoints
    pointValueMoney
    reconciled
    total {
      ...KinshipAdminRollForwardFields
    }
    days {
      ...KinshipAdminRollForwardFields
    }
    liability {
      currency
      availablePoints
      pendingPoints
      gross
      expectedBreakage
      net
    }
    breakage {
      rate
      expired
      redeemed
      windowFrom
      windowTo
      method
    }
    benefitCosts {
      key
      name
      kind
      uses
      estimatedCost
      discountsGiven
      members
      memberOrders
      memberSales
      currency
    }
  }
}
    fragment KinshipAdminRollForwardFields on RollForward {
  period
  opening
  issued
  redeemed
  expired
  reversed
  adjusted
  other
  closing
  reconciled
  money {
    currency
    opening
    issued
    redeemed
    expired
    reversed
    adjusted
    other
    closing
  }
}`) as unknown as TypedDocumentString<KinshipAdminFinanceReportQuery, KinshipAdminFinanceReportQueryVariables>;
export const KinshipAdminImportMembersDocument = new TypedDocumentString(`
    mutation KinshipAdminImportMembers($source: ImportSource!, $csv: String!, $fileName: String, $firstLine: Int!, $dryRun: Boolean!, $idempotencyKey: String!) {
  importMembers(
    source: $source
    csv: $csv
    fileName: $fileName
    firstLine: $firstLine
    dryRun: $dryRun
    idempotencyKey: $idempotencyKey
  ) {
    ...KinshipAdminImportReport
  }
}
    fragment KinshipAdminImportReport on ImportReport {
  source
  dryRun
  rows
  members
  newMembers
  points
  tiersSet
  referralCodes
  alreadyImported
  errors {
    line
    message
  }
  applied
}`) as unknown as TypedDocumentString<KinshipAdminImportMembersMutation, KinshipAdminImportMembersMutationVariables>;
export const KinshipAdminImportsDocument = new TypedDocumentString(`
    query KinshipAdminImports($first: Int) {
  imports(first: $first) {
    id
    source
    fileName
    rows
    members
    points
    actor
    createdAt
  }
}
    `) as unknown as TypedDocumentString<KinshipAdminImportsQuery, KinshipAdminImportsQueryVariables>;
export const KinshipAdminInsightDocument = new TypedDocumentString(`
    query KinshipAdminInsight($from: DateTime, $to: DateTime) {
  insight(from: $from, to: $to) {
    ...KinshipAdminInsightFields
  }
}
    fragment KinshipAdminInsightFields on Insight {
  computedAt
  segments {
    segment
    members
    sales
  }
  byTier {
    tier
    segment
    members
  }
  topShare {
    topMembers
    membersWithSales
    topSales
    totalSales
    share
  }
  memberOrders {
    orders
    customers
    averageOrderValue
    repeatRate
  }
  nonMemberOrders {
    orders
    customers
    averageOrderValue
    repeatRate
  }
  tierMigration {
    month
    from
    to
    members
  }
}`) as unknown as TypedDocumentString<KinshipAdminInsightQuery, KinshipAdminInsightQueryVariables>;
export const KinshipAdminMemberInsightDocument = new TypedDocumentString(`
    query KinshipAdminMemberInsight($customerId: ID!) {
  memberInsight(customerId: $customerId) {
    ...KinshipAdminMemberInsightFields
  }
}
    fragment KinshipAdminMemberInsightFields on MemberInsight {
  customerId
  recency
  frequency
  monetary
  segment
  tier
  orders
  lifetimeValue
  firstOrderAt
  lastOrderAt
  computedAt
}`) as unknown as TypedDocumentString<KinshipAdminMemberInsightQuery, KinshipAdminMemberInsightQueryVariables>;
export const KinshipAdminMembersInSegmentDocument = new TypedDocumentString(`
    query KinshipAdminMembersInSegment($segment: Segment!, $first: Int!, $after: String) {
  membersInSegment(segment: $segment, first: $first, after: $after) {
    members {
      ...KinshipAdminMemberInsightFields
    }
    nextCursor
  }
}
    fragment KinshipAdminMemberInsightFields on MemberInsight {
  customerId
  recency
  frequency
  monetary
  segment
  tier
  orders
  lifetimeValue
  firstOrderAt
  lastOrderAt
  computedAt
}`) as unknown as TypedDocumentString<KinshipAdminMembersInSegmentQuery, KinshipAdminMembersInSegmentQueryVariables>;
export const KinshipAdminRefreshInsightDocument = new TypedDocumentString(`
    mutation KinshipAdminRefreshInsight {
  refreshInsight {
    ...KinshipAdminInsightFields
  }
}
    fragment KinshipAdminInsightFields on Insight {
  computedAt
  segments {
    segment
    members
    sales
  }
  byTier {
    tier
    segment
    members
  }
  topShare {
    topMembers
    membersWithSales
    topSales
    totalSales
    share
  }
  memberOrders {
    orders
    customers
    averageOrderValue
    repeatRate
  }
  nonMemberOrders {
    orders
    customers
    averageOrderValue
    repeatRate
  }
  tierMigration {
    month
    from
    to
    members
  }
}`) as unknown as TypedDocumentString<KinshipAdminRefreshInsightMutation, KinshipAdminRefreshInsightMutationVariables>;