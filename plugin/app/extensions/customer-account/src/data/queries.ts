const MEMBER_FIELDS = /* GraphQL */ `
  customerId
  tier { key name threshold badge { label color } }
  points { available pending expiringSoon { points on } }
  growth
  nextTier { key name remaining }
`;

const PERK_FIELDS = "partner name perk minTier claimable blockedBy claimsLeft codes { partner code claimedAt }";

export const LOYALTY = /* GraphQL */ `
  query KinshipLoyalty {
    me { ${MEMBER_FIELDS} }
    rewards { id name cost kind value available }
    perks { ${PERK_FIELDS} }
  }
`;

export const MEMBER = /* GraphQL */ `
  query KinshipMember {
    me { ${MEMBER_FIELDS} }
  }
`;

export const REDEEM = /* GraphQL */ `
  mutation KinshipRedeem($rewardId: ID!, $key: String) {
    redeem(rewardId: $rewardId, idempotencyKey: $key) { rewardId code points }
  }
`;

export const CLAIM_PERK = /* GraphQL */ `
  mutation KinshipClaimPerk($partner: ID!, $key: String) {
    claimPerk(partner: $partner, idempotencyKey: $key) { partner code claimedAt }
  }
`;
