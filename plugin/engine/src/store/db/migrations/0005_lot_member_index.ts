/**
 * Every lot of one member, by member: the state load reads a member's open lots, the lots of an
 * order being refunded and welcome lots; without it the order and key branches scan the table.
 */
export const sql = `
CREATE INDEX kinship_lot_member ON kinship_lot (member_id);
`;
