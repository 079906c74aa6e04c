/**
 * Expiring offline tokens, sealed: the access token and its refresh token are stored only as
 * AES-256-GCM ciphertext (the engine seals them; the plain `access_token` column is emptied the
 * first time an engine opens with a key), with their expiry instants; `token_version` counts
 * saved pairs; `refreshing_until` is the lease of the one process refreshing the shop's pair;
 * `token_refused_at` marks a shop whose refresh token Shopify refused (it needs a new token
 * exchange).
 */
export const sql = `
ALTER TABLE kinship_shop ADD COLUMN access_token_sealed text;
ALTER TABLE kinship_shop ADD COLUMN access_token_expires_at timestamptz;
ALTER TABLE kinship_shop ADD COLUMN refresh_token_sealed text;
ALTER TABLE kinship_shop ADD COLUMN refresh_token_expires_at timestamptz;
ALTER TABLE kinship_shop ADD COLUMN token_version bigint NOT NULL DEFAULT 0;
ALTER TABLE kinship_shop ADD COLUMN refreshing_until timestamptz;
ALTER TABLE kinship_shop ADD COLUMN token_refused_at timestamptz;
ALTER TABLE kinship_shop ADD COLUMN token_refused_reason text;
`;
