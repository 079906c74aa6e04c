/** Paid membership and its value realised (plans live in the program config). */
const types = /* GraphQL */ `
  enum PlanPeriod {
    MONTH
    YEAR
  }

  "Where the member's tier comes from: growth, a paid plan (better than growth) or the owner's override."
  enum TierSource {
    EARNED
    PAID
    OVERRIDE
  }

  enum MembershipStatus {
    "Paid for the current period."
    ACTIVE
    "Past the period's end, inside the plan's grace days: benefits continue until the grace ends."
    GRACE
    "Refunded or cancelled with the plan's onRefund = periodEnd: benefits continue until currentPeriodEnd."
    ENDING
    "Ended: not renewed within grace, or refunded with onRefund = immediately."
    LAPSED
  }

  type MembershipPlan {
    key: ID!
    name: String!
    "Minor units of the program currency per period."
    price: Int!
    currency: String!
    period: PlanPeriod!
    "The tier a paying member holds at least; null when the plan grants benefits only."
    tier: ID
    freeShipping: Boolean!
  }

  """
  What the membership saved its member in the current period (currentPeriodStart to now), minor
  units of the program currency: total = memberPrices + freeShipping + rewards + perks.
  """
  type MembershipValue {
    from: DateTime!
    to: DateTime!
    currency: String!
    fee: Int!
    "Σ member-price savings on the member's orders (lines' memberSaving)."
    memberPrices: Int!
    "Σ shipping not charged on the member's orders, when the plan includes free shipping."
    freeShipping: Int!
    "Σ value of the rewards the member redeemed (amount-off value; percent-off and free shipping as used on orders)."
    rewards: Int!
    "Σ value of the partner perks the member claimed (each partner's settlementPrice)."
    perks: Int!
    total: Int!
    "total > fee"
    exceedsFee: Boolean!
  }

  type Membership {
    plan: MembershipPlan!
    status: MembershipStatus!
    startedAt: DateTime!
    currentPeriodStart: DateTime!
    currentPeriodEnd: DateTime!
    "When benefits stop if not renewed: currentPeriodEnd plus grace (ENDING: currentPeriodEnd)."
    benefitsUntil: DateTime!
    "The orders that paid for it, oldest first."
    orderIds: [ID!]!
    value: MembershipValue!
  }
`;

export const membershipStorefrontSdl = /* GraphQL */ `
  ${types}

  extend type Member {
    tierSource: TierSource!
    "Null: the member never bought a plan (a lapsed membership is still shown)."
    membership: Membership
  }

  extend type StorefrontProgram {
    "The plans on sale (enabled)."
    plans: [MembershipPlan!]!
  }
`;

export const membershipAdminSdl = /* GraphQL */ `
  ${types}

  extend type AdminMember {
    tierSource: TierSource!
    membership: Membership
  }

  "One plan's members now."
  type PlanStats {
    plan: MembershipPlan!
    active: Int!
    grace: Int!
    ending: Int!
    lapsed: Int!
    "Paying members (active, grace or ending) whose value this period exceeds the fee."
    valueExceedsFee: Int!
  }

  type MembershipSummary {
    paying: Int!
    valueExceedsFee: Int!
    "valueExceedsFee / paying, 0 when no one pays."
    shareExceedingFee: Float!
  }

  extend type Dashboard {
    membership: MembershipSummary!
  }

  extend type Query {
    "Every plan in the config (enabled or not) with its members."
    plans: [PlanStats!]!
  }
`;
