/**
 * Finance: the tier a member held when they placed an order (which member prices it could get) is
 * the last tier change at or before it, read per order by member and instant.
 */
export const sql = `
CREATE INDEX kinship_tier_change_member ON kinship_tier_change (member_id, at, id) INCLUDE (from_tier, to_tier);
`;
