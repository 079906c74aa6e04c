/**
 * The admin GraphQL documents the blocks send: KinshipAdminMember, KinshipAdminMemberLedger and
 * KinshipAdminOrder from admin-extension/shared/operations.graphql, copied because the extension is
 * bundled on its own (the shared package brings React and its query client). A test keeps each
 * equal to the generated document and valid against the admin SDL.
 */
const MEMBER_FIELDS = /* GraphQL */ `
  fragment KinshipAdminMemberFields on AdminMember {
    customerId
    tier { key name threshold badge { label color icon } }
    points { available pending expiringSoon { points on } }
    growth
    nextTier { key name remaining }
    profile
    override { tier until reason actor setAt }
    joinedAt
    lastActivityAt
  }
`;

const LEDGER_LINE_FIELDS = /* GraphQL */ `
  fragment KinshipAdminLedgerLineFields on LedgerLine {
    key kind available pending reason actor orderId occurredAt
  }
`;

export const MEMBER = /* GraphQL */ `
  query KinshipAdminMember($customerId: ID!) {
    member(customerId: $customerId) { ...KinshipAdminMemberFields }
  }
  ${MEMBER_FIELDS}
`;

export const MEMBER_LEDGER = /* GraphQL */ `
  query KinshipAdminMemberLedger($customerId: ID!, $first: Int!, $after: String) {
    member(customerId: $customerId) {
      customerId
      ledger(first: $first, after: $after) { lines { ...KinshipAdminLedgerLineFields } nextCursor }
    }
  }
  ${LEDGER_LINE_FIELDS}
`;

export const ORDER = /* GraphQL */ `
  query KinshipAdminOrder($orderId: ID!) {
    order(orderId: $orderId) {
      orderId customerId earned reversed growth
      lines { ...KinshipAdminLedgerLineFields }
    }
  }
  ${LEDGER_LINE_FIELDS}
`;
