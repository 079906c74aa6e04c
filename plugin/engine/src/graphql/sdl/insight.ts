/** Insight: RFM scores and segments per member, the 20/80 view, member vs non-member orders, tier migration. */
export const insightAdminSdl = /* GraphQL */ `
  """
  A member's segment: the first rule that holds, so every member has exactly one (R, F, M are the
  member's recency, frequency and monetary scores).
  1. NEW: first order within the last 30 days, or joined within 30 days with at most one order.
  2. LAPSED: last order more than 365 days ago.
  3. CHAMPIONS: R ≥ 4, F ≥ 4 and M ≥ 4.
  4. AT_RISK: R ≤ 2 and (F ≥ 3 or M ≥ 3).
  5. LOYAL: F ≥ 4.
  6. LAPSED: R = 1.
  7. REGULAR: everyone else, members with no order among them.
  """
  enum Segment {
    "Bought recently, often, and spent the most: R, F and M all 4 or 5."
    CHAMPIONS
    "Buy often (F 4 or 5) and not champions or at risk."
    LOYAL
    "Used to buy often or much (F or M 3+), not lately (R 1–2)."
    AT_RISK
    "No order for 365 days, or the least recent fifth (R 1) without the orders to be at risk."
    LAPSED
    "First order within 30 days, or joined within 30 days with at most one order."
    NEW
    "Everyone else (and members with no order who joined over 30 days ago)."
    REGULAR
  }

  """
  A member's recency, frequency and monetary scores as of the last computation (daily by the clock,
  or refreshInsight): quintiles over the program's members with paid orders, 5 best (most recent
  last order, most orders, most spent). A score is 1 + floor(5 × members strictly below / members
  with orders), so equal values share a score. Figures count paid orders (merchandise after discounts).
  """
  type MemberInsight {
    customerId: ID!
    "1–5; null with no order."
    recency: Int
    frequency: Int
    monetary: Int
    segment: Segment!
    tier: ID!
    orders: Int!
    "Paid merchandise after discounts over all time, minor units."
    lifetimeValue: Long!
    firstOrderAt: DateTime
    lastOrderAt: DateTime
    "Null for a member who joined since the last computation: figures zero, segment by the rules above."
    computedAt: DateTime
  }

  type SegmentCount {
    segment: Segment!
    members: Int!
    "Their lifetime sales, minor units."
    sales: Long!
  }

  type TierSegmentCount {
    tier: ID!
    segment: Segment!
    members: Int!
  }

  "The 20/80: the top fifth of members with sales (lifetime value > 0) by lifetime value, and their share of members' sales (as of computedAt)."
  type TopShare {
    "ceil(20% of members with sales)."
    topMembers: Int!
    membersWithSales: Int!
    topSales: Long!
    totalSales: Long!
    "topSales / totalSales, 0 to 1."
    share: Float!
  }

  "Members who moved from one tier to another in a month (program time zone); a first placement is not a move."
  type TierMigration {
    month: String!
    from: ID!
    to: ID!
    members: Int!
  }

  type Insight {
    "When the segments were last computed (the clock's run); null before the first."
    computedAt: DateTime
    "Every segment, as of computedAt."
    segments: [SegmentCount!]!
    "Members by current tier and segment (only pairs that have members)."
    byTier: [TierSegmentCount!]!
    topShare: TopShare!
    "Orders over [from, to) as on the dashboard."
    memberOrders: OrderStats!
    nonMemberOrders: OrderStats!
    "Months from from to to (YYYY-MM), oldest first, then by from and to tier; months without moves left out."
    tierMigration: [TierMigration!]!
  }

  type MemberInsightPage {
    members: [MemberInsight!]!
    nextCursor: String
  }

  extend type Query {
    "Program views over [from, to) (default: from the start of the month 11 months back, program zone, to now; at most five years)."
    insight(from: DateTime, to: DateTime): Insight!
    "Null when the customer is not a member."
    memberInsight(customerId: ID!): MemberInsight
    "A segment's members as of the last computation, highest lifetime value first; first 1 to 250."
    membersInSegment(segment: Segment!, first: Int = 50, after: String): MemberInsightPage!
  }

  extend type Mutation {
    """
    Recomputes every member's scores and segment now (the clock does it daily, first run after
    midnight in the program zone). Audited (insight.refresh). A retry with the same idempotencyKey
    (1 to 100 characters) does not recompute again; it answers the views.
    """
    refreshInsight(idempotencyKey: String): Insight!
  }
`;
