/** Referrals: codes and links, capture, fraud signals and the owner's review. */
export const referralsStorefrontSdl = /* GraphQL */ `
  "The referral offer as shoppers see it; null when the program has no referral program."
  type ReferralOffer {
    "What the referee gets, e.g. AMOUNT_OFF 1000 (minor units) or PERCENT_OFF 10."
    refereeRewardKind: RewardKind!
    refereeRewardValue: Int!
    "Points the referrer earns per paid referral."
    referrerPoints: Int!
  }

  type MemberReferrals {
    code: String!
    link: String
    "Referrals made with this member's code, by status."
    pending: Int!
    paid: Int!
    pointsEarned: Int!
  }

  extend type Member {
    referrals: MemberReferrals
  }

  extend type StorefrontProgram {
    referral: ReferralOffer
  }

  extend type Mutation {
    """
    Records this signed-in member's browser (the request's IP and the widget's device id) so a later
    referral from the same browser is flagged; guests get false. Called by the widgets on load.
    """
    recordSession(deviceId: String!): Boolean!
  }
`;

export const referralsAdminSdl = /* GraphQL */ `
  enum ReferralStatus {
    "Clean, waiting for the referee's first order to be past the return window."
    PENDING
    "Caught by a fraud signal: waits for the owner's approve or reject."
    FLAGGED
    "Approved by the owner; pays when the order is past the return window."
    APPROVED
    "The referrer was paid."
    PAID
    "Rejected by the owner: nothing is paid."
    REJECTED
    "The first order was refunded in full or cancelled: nothing is paid (a partial refund still pays)."
    VOID
  }

  "A fraud check that matched: self_referral, same_email, same_phone, same_address, same_ip, same_device, cap_reached."
  type FraudSignal {
    name: String!
    detail: String!
  }

  type Referral {
    id: ID!
    code: String!
    referrerId: ID!
    refereeId: ID!
    orderId: ID!
    status: ReferralStatus!
    signals: [FraudSignal!]!
    "The referee's single-use welcome code, once issued."
    welcomeCode: String
    "Points paid to the referrer (0 until PAID)."
    points: Int!
    createdAt: DateTime!
    "When the referrer is paid if nothing stops it (the order's return window end)."
    payableAt: DateTime!
    decidedAt: DateTime
    decidedBy: String
    note: String
  }

  type ReferralPage {
    referrals: [Referral!]!
    nextCursor: String
  }

  extend type AdminMember {
    referralCode: String
    "Referrals made with this member's code, newest first."
    referrals(first: Int = 20): [Referral!]!
  }

  extend type Query {
    "Newest first; status FLAGGED is the review queue."
    referrals(status: ReferralStatus, first: Int = 50, after: String): ReferralPage!
  }

  extend type Mutation {
    """
    The owner's decision on a FLAGGED referral: approve (it pays when its order is past the return
    window, at once if it already is) or reject; audited. The same decision again answers the
    referral as it is; the opposite decision on a decided referral is refused (ReferralDecided).
    """
    reviewReferral(id: ID!, approve: Boolean!, note: String): Referral!
  }
`;
