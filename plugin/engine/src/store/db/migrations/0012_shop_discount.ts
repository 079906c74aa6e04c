/**
 * The shop's member-price discount on Shopify (the automatic app discount running Kinship's Discount
 * Function): its id, the hash of the config last written to its metafields, and the problem to show
 * the merchant when Shopify refused it (the 25-function-discount limit, say).
 */
export const sql = `
ALTER TABLE kinship_shop ADD COLUMN discount_id text;
ALTER TABLE kinship_shop ADD COLUMN discount_config_hash text;
ALTER TABLE kinship_shop ADD COLUMN discount_problem text;
`;
