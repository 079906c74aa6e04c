/**
 * Give-backs: a cancelled spend returns its points to the lots it drew from as consumption rows
 * with negative points (the spend's rows negated), so Σ consumption rows per lot stays
 * amount − remaining. Only `unspend` entries write negative rows; `kinship verify` checks that.
 */
export const sql = `
ALTER TABLE kinship_consumption DROP CONSTRAINT kinship_consumption_points_check;
ALTER TABLE kinship_consumption ADD CONSTRAINT kinship_consumption_points_check CHECK (points <> 0);
`;
