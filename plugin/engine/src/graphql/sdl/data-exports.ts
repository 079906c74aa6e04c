/** Data requests: what Kinship holds on one member (customers/data_request), read and downloaded by the owner. */
export const dataExportsAdminSdl = /* GraphQL */ `
  type DataExportSummary {
    id: ID!
    customerId: ID!
    "The platform's request id (Shopify's data_request id), or null for one the owner made."
    requestRef: String
    createdAt: DateTime!
  }

  type DataExport {
    id: ID!
    customerId: ID!
    requestRef: String
    createdAt: DateTime!
    "Everything held: the member, the ledger, orders, perks, referrals, membership."
    data: JSON!
  }

  extend type Query {
    "Newest first; with customerId, that customer's only."
    dataExports(customerId: ID, first: Int = 50): [DataExportSummary!]!
    dataExport(id: ID!): DataExport
  }

  extend type Mutation {
    "Makes (or, under the same key, returns) an export of the member's data now. Audited."
    exportMemberData(customerId: ID!, idempotencyKey: String!): DataExport!
  }
`;
