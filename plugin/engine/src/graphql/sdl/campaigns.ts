/** Campaigns: badges and stamp cards as members see them. */
const types = /* GraphQL */ `
  type EarnedBadge {
    key: ID!
    name: String!
    description: String
    icon: String
    color: String
    earnedAt: DateTime!
  }

  type StampCard {
    id: ID!
    name: String!
    "Stamps that fill a card."
    stamps: Int!
    "Stamps on the current card."
    collected: Int!
    "Cards filled so far."
    completed: Int!
  }
`;

export const campaignsStorefrontSdl = /* GraphQL */ `
  ${types}

  extend type Member {
    badges: [EarnedBadge!]!
    stampCards: [StampCard!]!
    "YYYY-MM-DD, as the member gave it."
    birthday: String
  }

  extend type Mutation {
    "Sets the signed-in member's birthday (YYYY-MM-DD) once; a second, different date is refused (BirthdayLocked)."
    setBirthday(date: String!): Member!
  }
`;

export const campaignsAdminSdl = /* GraphQL */ `
  ${types}

  extend type AdminMember {
    badges: [EarnedBadge!]!
    stampCards: [StampCard!]!
  }
`;
