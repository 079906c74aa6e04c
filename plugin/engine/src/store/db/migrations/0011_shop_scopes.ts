/**
 * The access scopes a shop has granted Kinship (comma-separated, as Shopify writes them) and the
 * instant that grant was made, so an older app/scopes_update delivery arriving late cannot
 * overwrite a newer grant.
 */
export const sql = `
ALTER TABLE kinship_shop ADD COLUMN granted_scopes text;
ALTER TABLE kinship_shop ADD COLUMN scopes_granted_at timestamptz;
`;
