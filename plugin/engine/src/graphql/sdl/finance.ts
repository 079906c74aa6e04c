/** Finance: points as a liability in money, the roll-forward that reconciles to the ledger, and what benefits cost. */
export const financeAdminSdl = /* GraphQL */ `
  "Points moved in a period, and what they are worth in the program currency (minor units)."
  type RollForward {
    "A day (YYYY-MM-DD) or a month (YYYY-MM) in the program's time zone."
    period: String!
    "Available + pending points held at the period's start."
    opening: Long!
    "Earned (earn entries, pending or available)."
    issued: Long!
    "Spent on rewards, less spends given back (spend and unspend entries)."
    redeemed: Long!
    expired: Long!
    "Taken back by refunds and cancellations (reverse entries' balance change)."
    reversed: Long!
    "The owner's adjustments and imports, signed."
    adjusted: Long!
    "Written off or settled debt and anything else that moved the balance, signed, so the sum always closes."
    other: Long!
    "opening + issued − redeemed − expired − reversed + adjusted + other; equals the ledger's sum at the end."
    closing: Long!
    "The ledger's own Σ(available + pending) of every entry before the period's end, summed without the kinds."
    ledgerClosing: Long!
    "opening and closing equal the ledger's own sums at the period's start and end, to the point."
    reconciled: Boolean!
    """
    The same figures valued at the program's point value, minor units of currency: each balance is
    points × money ÷ points rounded half up; each movement is the value of the running balance after it
    less before it (in the order issued, redeemed, expired, reversed, adjusted, other), so money closes exactly.
    """
    money: RollForwardMoney!
  }

  type RollForwardMoney {
    currency: String!
    opening: Long!
    issued: Long!
    redeemed: Long!
    expired: Long!
    reversed: Long!
    adjusted: Long!
    other: Long!
    closing: Long!
  }

  "Outstanding points valued in one currency (the program's, or a listed currency at its rate)."
  type Liability {
    currency: String!
    availablePoints: Long!
    pendingPoints: Long!
    "(available + pending) × point value, minor units."
    gross: Long!
    "gross × breakage rate, rounded half up."
    expectedBreakage: Long!
    "gross − expectedBreakage."
    net: Long!
  }

  type Breakage {
    "0 to 1."
    rate: Float!
    "Points expired in the look-back window."
    expired: Long!
    "Points redeemed in the look-back window."
    redeemed: Long!
    windowFrom: DateTime!
    windowTo: DateTime!
    "The method in words, as the report states it."
    method: String!
  }

  """
  A member price, reward or partner: what it cost in the month against the paid orders of the members who used it.
  A use: of a member price, a member's paid order with a member saving placed while the member's tier (the tier
  history) reached the benefit's minTier (orders record one saving for all member prices, so benefits whose tiers
  overlap each count the order and its whole saving); of a reward, a confirmed redemption; of a partner, a perk
  code claimed.
  """
  type BenefitCost {
    "benefit:<id>, reward:<id> or partner:<key>."
    key: ID!
    name: String!
    "memberPrice, reward or partner."
    kind: String!
    uses: Int!
    "costEstimate × uses (benefits), settlement price × claims (partners); null when no estimate is set."
    estimatedCost: Long
    "Discounts actually given: member-price savings; a reward's amount off × uses (percent-off and free-shipping rewards are applied by the platform: 0); partners 0."
    discountsGiven: Long!
    "Members who used it."
    members: Int!
    "Their paid orders in the period: count and merchandise after discounts."
    memberOrders: Int!
    memberSales: Long!
    currency: String!
  }

  type FinanceReport {
    "YYYY-MM in the program's time zone."
    month: String!
    timezone: String!
    "The month's first midnight in the time zone."
    from: DateTime!
    "The next month's first midnight, or now for the current month."
    to: DateTime!
    currency: String!
    "How points are valued and money rounded, in words."
    valuation: String!
    "Points per point value: pointValuePoints points are worth pointValueMoney minor units."
    pointValuePoints: Int!
    pointValueMoney: Int!
    total: RollForward!
    days: [RollForward!]!
    "At the month's end (or now, for the current month): the program currency first, then each listed currency."
    liability: [Liability!]!
    breakage: Breakage!
    benefitCosts: [BenefitCost!]!
    "The balance at the end as the member rows hold it (Σ available + pending, less entries dated later)."
    membersClosing: Long!
    "True when every day and the month closed on the ledger's own sum, and the month on membersClosing, to the point."
    reconciled: Boolean!
  }

  extend type Query {
    "The month's roll-forward by day, liability, breakage and benefit costs. month: YYYY-MM in the program's time zone; the current month runs to now, a later one is refused (InvalidMonth)."
    financeReport(month: String!): FinanceReport!
  }
`;
