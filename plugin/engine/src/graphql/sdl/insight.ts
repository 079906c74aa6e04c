/** Insight: RFM scores and segments per member, the 20/80 view, member vs non-member orders, tier migration. */
export const insightAdminSdl = /* GraphQL */ `
  enum Segment {
    "Bought recently, often, and spend the most."
    CHAMPIONS
    "Buy often."
    LOYAL
    "Used to buy often or much, not lately."
    AT_RISK
    "Have not bought for a long time."
    LAPSED
    "First order recently."
    NEW
    "Everyone else (and members with no order)."
    REGULAR
  }

  "A member's recency, frequency and monetary scores: quintiles over the program's members with orders, 5 best."
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

  "The articles' 20/80: the top fifth of members by lifetime spend and their share of members' sales."
  type TopShare {
    "ceil(20% of members with sales)."
    topMembers: Int!
    membersWithSales: Int!
    topSales: Long!
    totalSales: Long!
    "topSales / totalSales, 0 to 1."
    share: Float!
  }

  "Members who moved from one tier to another in a month (program time zone)."
  type TierMigration {
    month: String!
    from: ID!
    to: ID!
    members: Int!
  }

  type Insight {
    "When the segments were last computed (the clock's run); null before the first."
    computedAt: DateTime
    segments: [SegmentCount!]!
    byTier: [TierSegmentCount!]!
    topShare: TopShare!
    "Orders over [from, to) as on the dashboard."
    memberOrders: OrderStats!
    nonMemberOrders: OrderStats!
    "Months from from to to."
    tierMigration: [TierMigration!]!
  }

  type MemberInsightPage {
    members: [MemberInsight!]!
    nextCursor: String
  }

  extend type Query {
    "Program views over [from, to) (default: the last 12 months)."
    insight(from: DateTime, to: DateTime): Insight!
    "Null when the customer is not a member."
    memberInsight(customerId: ID!): MemberInsight
    membersInSegment(segment: Segment!, first: Int = 50, after: String): MemberInsightPage!
  }

  extend type Mutation {
    "Recomputes every member's scores and segment now (the clock does it daily). Audited."
    refreshInsight: Insight!
  }
`;
