/** Moving in: members' balances, tiers, referral codes and dated points from another loyalty app. */
export const importsAdminSdl = /* GraphQL */ `
  enum ImportSource {
    SMILE
    LOYALTYLION
    CSV
  }

  type ImportRowError {
    "The line in the file (the header is line 1)."
    line: Int!
    message: String!
  }

  type ImportReport {
    source: ImportSource!
    dryRun: Boolean!
    "Data rows read."
    rows: Int!
    "Members the import touches (new and existing)."
    members: Int!
    newMembers: Int!
    "Points it adds (Σ of balances and dated lots)."
    points: Long!
    tiersSet: Int!
    referralCodes: Int!
    "Members this source already imported (re-runs change nothing)."
    alreadyImported: Int!
    "Every bad row; with any, nothing is applied."
    errors: [ImportRowError!]!
    applied: Boolean!
  }

  type ImportRun {
    id: ID!
    source: ImportSource!
    fileName: String
    rows: Int!
    members: Int!
    points: Long!
    actor: String!
    createdAt: DateTime!
  }

  extend type Query {
    "Applied imports, newest first."
    imports(first: Int = 20): [ImportRun!]!
  }

  extend type Mutation {
    """
    Imports a CSV export (header line + rows). A large file is sent in parts: each part carries the
    header and firstLine (the file line of its first row) so errors name the file's lines; every part
    of one file shares idempotencyKey. Split between customers: all rows of one customer (their dated points)
    go in one part, since a member this source imported already is skipped. dryRun: check and count only.
    """
    importMembers(source: ImportSource!, csv: String!, fileName: String, firstLine: Int = 2, dryRun: Boolean = true, idempotencyKey: String!): ImportReport!
  }
`;
