/**
 * The GraphQL contract, two surfaces. The storefront surface answers for one shopper whose
 * identity was established by the edge (app proxy signature, member token, Medusa customer
 * auth) — never from a query argument. The admin surface answers for one program.
 * Money is integer minor units; points are integers; ids are strings. Each program beyond points
 * extends the surfaces from its own file under sdl/.
 */
import { campaignsAdminSdl, campaignsStorefrontSdl } from "./sdl/campaigns.ts";
import { dataExportsAdminSdl } from "./sdl/data-exports.ts";
import { financeAdminSdl } from "./sdl/finance.ts";
import { importsAdminSdl } from "./sdl/imports.ts";
import { insightAdminSdl } from "./sdl/insight.ts";
import { membershipAdminSdl, membershipStorefrontSdl } from "./sdl/membership.ts";
import { referralsAdminSdl, referralsStorefrontSdl } from "./sdl/referrals.ts";
import { webhooksAdminSdl } from "./sdl/webhooks.ts";

const shared = /* GraphQL */ `
  scalar DateTime
  scalar JSON
  "A 64-bit integer as a decimal string (points and money totals can pass 2^31)."
  scalar Long

  type Badge {
    label: String!
    color: String!
    icon: String
  }

  type Tier {
    key: ID!
    name: String!
    threshold: Int!
    badge: Badge
  }

  type ExpiringPoints {
    points: Int!
    on: DateTime!
  }

  type Points {
    available: Int!
    pending: Int!
    "Points that expire within the next 30 days, grouped by day."
    expiringSoon: [ExpiringPoints!]!
  }

  type NextTier {
    key: ID!
    name: String!
    "Growth still needed."
    remaining: Int!
  }
`;

export const storefrontSdl = /* GraphQL */ `
  ${shared}

  type Member {
    customerId: ID!
    tier: Tier!
    points: Points!
    growth: Int!
    nextTier: NextTier
  }

  "What a guest (or a member below the tier) would pay after joining or moving up."
  type PriceTeaser {
    tier: ID!
    tierName: String!
    memberPrice: Int!
  }

  type MemberPrice {
    variantId: ID!
    currency: String!
    basePrice: Int!
    "Null when no benefit applies to this shopper."
    memberPrice: Int
    "The benefit that set memberPrice."
    benefit: String
    teaser: PriceTeaser
  }

  enum RewardKind {
    AMOUNT_OFF
    PERCENT_OFF
    FREE_SHIPPING
  }

  type Reward {
    id: ID!
    name: String!
    cost: Int!
    kind: RewardKind!
    value: Int!
    "The shopper has the points and the tier for it."
    available: Boolean!
  }

  type Redemption {
    rewardId: ID!
    code: String!
    points: Int!
  }

  type PerkCode {
    partner: ID!
    code: String!
    claimedAt: DateTime!
  }

  enum PerkBlock {
    "A guest: sign in (or join) to claim."
    SIGN_IN
    "The member's tier is below the partner's minimum."
    TIER
    "The member used up this period's claims."
    LIMIT
    "The partner's pool has no codes left."
    SOLD_OUT
  }

  "A co-branded partner's perk, as this shopper sees it."
  type Perk {
    partner: ID!
    name: String!
    perk: String!
    minTier: ID
    claimable: Boolean!
    "Why the shopper cannot claim now; null when claimable."
    blockedBy: PerkBlock
    "Claims left in the current period."
    claimsLeft: Int!
    "The codes this member already claimed, newest first."
    codes: [PerkCode!]!
  }

  """
  One way to earn, as the merchant named the earn rule: points per whole currency unit spent
  (pointsPerUnit), a fixed number per event (points), or a multiple of the order's points
  (multiplier); all null for a rule that only adds tier growth. Conditions and caps are not shown.
  """
  type WayToEarn {
    id: ID!
    name: String!
    "order.paid, customer.created or custom:<name>"
    trigger: String!
    pointsPerUnit: Float
    points: Int
    multiplier: Float
  }

  "The program as shoppers see it (read-only)."
  type StorefrontProgram {
    name: String!
    currency: String!
    "The enabled earn rules whose schedule has not ended, highest priority first."
    waysToEarn: [WayToEarn!]!
  }

  type Query {
    "Null for a guest."
    me: Member
    program: StorefrontProgram!
    "One answer for a whole product grid; unknown variants are left out."
    memberPrices(variantIds: [ID!]!): [MemberPrice!]!
    rewards: [Reward!]!
    "Partner perks; a guest sees them with blockedBy SIGN_IN."
    perks: [Perk!]!
    referralLink: String
  }

  type Mutation {
    """
    Pass an idempotencyKey (1 to 100 characters, a new one per redemption the shopper asks for) and
    the same key when retrying: the member gets the code already given and pays once, also while the
    first request is still running (the retry waits for it, or answers RedemptionInProgress: ask
    again with the same key). A key already used for another reward is refused (IdempotencyKeyReused).
    Without a key every call is a new redemption.
    """
    redeem(rewardId: ID!, idempotencyKey: String): Redemption!
    "Pass the same idempotencyKey when retrying: the member gets the code already given."
    claimPerk(partner: ID!, idempotencyKey: String): PerkCode!
  }

  ${membershipStorefrontSdl}
  ${referralsStorefrontSdl}
  ${campaignsStorefrontSdl}
`;

export const adminSdl = /* GraphQL */ `
  ${shared}

  type LedgerLine {
    key: String!
    kind: String!
    available: Int!
    pending: Int!
    reason: String!
    actor: String
    orderId: ID
    occurredAt: DateTime!
  }

  type LedgerPage {
    lines: [LedgerLine!]!
    "Pass as \`after\` for the next page; null on the last page."
    nextCursor: String
  }

  "A tier the owner set by hand: it holds until \`until\` (or until cleared), whatever the member's growth."
  type TierOverride {
    tier: ID!
    "Null: no end date."
    until: DateTime
    reason: String!
    actor: String!
    setAt: DateTime!
  }

  type AdminMember {
    customerId: ID!
    tier: Tier!
    points: Points!
    growth: Int!
    nextTier: NextTier
    profile: JSON!
    "The owner's tier override in force; null when the tier follows growth."
    override: TierOverride
    joinedAt: DateTime!
    lastActivityAt: DateTime
    ledger(first: Int = 50, after: String): LedgerPage!
  }

  """
  GROWTH_* sort by lifetime growth (what the member row keeps); under a rolling or calendar-year
  qualification window the growth shown (the window's) may differ from that order.
  """
  enum MemberSort {
    POINTS_DESC
    POINTS_ASC
    "By lifetime growth, highest first."
    GROWTH_DESC
    "By lifetime growth, lowest first."
    GROWTH_ASC
    JOINED_DESC
  }

  "One row of the members list."
  type MemberSummary {
    customerId: ID!
    email: String
    name: String
    tier: Tier!
    available: Int!
    pending: Int!
    "Growth in the qualification window, as on the member page (GROWTH_* sorts by lifetime growth)."
    growth: Int!
    joinedAt: DateTime!
    lastActivityAt: DateTime
  }

  type MemberPage {
    members: [MemberSummary!]!
    "Pass as \`after\` (with the same search, tier and sort) for the next page; null on the last page."
    nextCursor: String
  }

  "How many members a tier list would put in one tier, now and under the proposed thresholds."
  type TierMove {
    tier: ID!
    name: String!
    before: Int!
    after: Int!
  }

  """
  What saving a tier list would do to today's members: each member's growth (over the program's
  qualification window, as the engine computes it for tiers) placed against the proposed thresholds.
  The preview counts the TARGET tier: a real downgrade happens only at an evaluation after the grace
  period, so members moving down keep their tier until then. A member held by an override in force
  counts at the override's tier (if the proposal keeps it).
  """
  type TierPreview {
    members: Int!
    "Members whose target tier has a higher threshold than the tier they hold."
    up: Int!
    "Members whose target tier has a lower threshold than the tier they hold."
    down: Int!
    "The proposed tiers in order, then the current ones the proposal drops (after 0)."
    tiers: [TierMove!]!
  }

  "One step of a rule trial: why the rule did or did not give points."
  type RuleTrialStep {
    "condition, schedule, cap, trigger, currency, reward, tierMultiplier"
    check: String!
    passed: Boolean!
    detail: String!
  }

  "What one earn rule would give for one order, computed by the engine's core (nothing is written)."
  type RuleTrial {
    applies: Boolean!
    points: Int!
    growth: Int!
    steps: [RuleTrialStep!]!
  }

  type TierCount {
    tier: ID!
    name: String!
    members: Int!
  }

  """
  Members per tier at the end of a week (the current week: now), from the members' tier history;
  members who joined later are not counted.
  """
  type TierWeek {
    "The week's start (Monday 00:00, program time zone)."
    week: DateTime!
    tiers: [TierCount!]!
  }

  "Points per week (starting Monday, program time zone)."
  type PointsWeek {
    "The week's start; entries count by when they happened (their occurredAt)."
    week: DateTime!
    "Points earned (pending or available as earned: earn entries) plus positive manual adjustments."
    issued: Int!
    "Points spent on rewards (spend entries) less points given back by cancelled redemptions (unspend)."
    redeemed: Int!
    "Points that expired (expire entries, pending or available)."
    expired: Int!
    "Points taken back by refunds and cancellations (reverse entries), including what became a debt or was written off."
    reversed: Int!
  }

  """
  Paid orders in the program's currency over [from, to), by when they were placed. A member order is
  one by a customer who was a member before it; an order that made its customer a member and a
  guest's order are non-member orders (a guest is never made a member). Orders are counted as paid
  (later refunds and cancellations do not take them out). Orders before the dashboard was installed
  count from the credited orders; guest orders from then on.
  """
  type OrderStats {
    orders: Int!
    "Distinct customers; each guest order counts as its own customer."
    customers: Int!
    "Merchandise after discounts (no shipping, no tax) per order, rounded; minor units of the program currency."
    averageOrderValue: Int!
    "Share of customers with two or more orders in the period, 0 to 1."
    repeatRate: Float!
  }

  "A reward's redemptions made in the period and not cancelled."
  type RewardUse {
    rewardId: ID!
    name: String!
    redemptions: Int!
    points: Int!
  }

  "The program at a glance, computed in SQL over [from, to)."
  type Dashboard {
    from: DateTime!
    to: DateTime!
    currency: String!
    members: Int!
    """
    Members who earned, spent or were adjusted in the period (their last such activity falls in it;
    reversals, maturing and expiry are not a member's activity).
    """
    activeMembers: Int!
    "Σ available points of every member now."
    outstandingPoints: Int!
    "Σ pending points (still in the return window) now."
    pendingPoints: Int!
    membersByTier: [TierWeek!]!
    pointsByWeek: [PointsWeek!]!
    memberOrders: OrderStats!
    nonMemberOrders: OrderStats!
    "At most ten rewards, most redeemed first."
    topRewards: [RewardUse!]!
  }

  "A delivery that failed every attempt."
  type DeadLetter {
    id: ID!
    source: String!
    topic: String!
    deliveryKey: String!
    attempts: Int!
    error: String
    receivedAt: DateTime!
  }

  type ProgramConfig {
    key: ID!
    version: Int!
    "The whole program config: tiers, earn rules, rewards, benefits, ..."
    config: JSON!
  }

  "What one order did to its customer's points and growth."
  type OrderPoints {
    orderId: ID!
    customerId: ID!
    "Points the order earned (pending or available when earned)."
    earned: Int!
    "Points taken back by its refunds and cancellation."
    reversed: Int!
    "Growth the order added, net of its deductions."
    growth: Int!
    "Its ledger lines, oldest first."
    lines: [LedgerLine!]!
  }

  type AuditEntry {
    actor: String!
    action: String!
    subject: String!
    before: JSON
    after: JSON
    at: DateTime!
  }

  "One partner's claims in a period and its pool, for settling up with the partner."
  type PartnerSettlement {
    partner: ID!
    name: String!
    claimed: Int!
    "Minor units per claimed code."
    settlementPrice: Int!
    "claimed × settlementPrice, minor units."
    amountDue: Int!
    currency: String!
    codesImported: Int!
    codesLeft: Int!
  }

  type PerkImport {
    partner: ID!
    added: Int!
    "Codes that were already in the pool (not added twice)."
    alreadyThere: Int!
  }

  type Query {
    member(customerId: ID!): AdminMember
    "Null when the order touched no member's ledger."
    order(orderId: ID!): OrderPoints
    program: ProgramConfig!
    audit(first: Int = 50): [AuditEntry!]!
    "Every partner with its claims in [from, to) and its pool."
    partners(from: DateTime!, to: DateTime!): [PartnerSettlement!]!
    """
    Members by email, name or customer id (search: a prefix of the email or of a name, or a whole
    customer id), in one tier or all, sorted; at most 100 per page.
    """
    members(search: String, tier: ID, sort: MemberSort = POINTS_DESC, first: Int = 50, after: String): MemberPage!
    """
    Before saving: how many members the given tier list (as in the config's tiers) would move. The
    whole config with these tiers is validated as updateProgram does (InvalidConfig with issues).
    """
    tierPreview(tiers: JSON!): TierPreview!
    """
    What an earn rule (as in the config's rules; need not be saved) would give for an order:
    { subtotal (minor units), currency, lines?: [{ variantId?, productId?, collectionIds?, quantity, price }],
    shipping?, discount?, at? } for a member of the given tier (default: the lowest).
    price is a line's unit price; with lines, subtotal must equal what they come to less the
    order-level discount; without lines the order is one line. at defaults to now. Computed as if the
    program had just this rule (no cap used yet); the condition sees the member with the tier's
    threshold as growth, no tags and no birthday; collections are taken as given.
    A bad rule answers InvalidConfig with issues (rule.<field>); a bad order BAD_USER_INPUT naming the field.
    """
    tryRule(rule: JSON!, order: JSON!, tier: ID): RuleTrial!
    "Weeks up to now (at most 52), ending with the current week."
    dashboard(weeks: Int = 12): Dashboard!
    deadLetters(first: Int = 50): [DeadLetter!]!
  }

  type Mutation {
    """
    Pass the same idempotencyKey (1 to 100 characters) when retrying: the adjustment is applied once.
    A key already used for a different adjustment is refused (IdempotencyKeyReused).
    """
    adjustPoints(customerId: ID!, points: Int!, reason: String!, idempotencyKey: String): AdminMember!
    """
    Validated; the old and new versions are kept in the audit log. Saving the config it already has
    changes nothing (a retry makes no new version). With expectedVersion (the version the editor
    loaded) a program changed since then is refused with ConfigConflict and nothing is saved.
    """
    updateProgram(config: JSON!, expectedVersion: Int): ProgramConfig!
    """
    Sets (tier) or clears (tier null) the member's tier override, until an instant or with no end;
    audited with the reason. The same idempotencyKey again changes nothing.
    """
    overrideTier(customerId: ID!, tier: ID, until: DateTime, reason: String!, idempotencyKey: String): AdminMember!
    "Puts this program's dead letters back in line; answers how many were requeued."
    replayDeadLetters(ids: [ID!]!): Int!
    "Adds codes to a partner's pool (at most 10,000 per call); audited."
    importPerkCodes(partner: ID!, codes: [String!]!): PerkImport!
  }

  ${membershipAdminSdl}
  ${referralsAdminSdl}
  ${campaignsAdminSdl}
  ${webhooksAdminSdl}
  ${financeAdminSdl}
  ${insightAdminSdl}
  ${importsAdminSdl}
  ${dataExportsAdminSdl}
`;
