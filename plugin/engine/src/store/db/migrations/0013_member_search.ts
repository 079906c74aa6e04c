/**
 * The admin's members list and tier overrides.
 * - Search: prefix indexes (text_pattern_ops, so `LIKE 'abc%'` uses them whatever the collation) on
 *   the lower-cased email, last name and "first last" of the profile; a first name is a prefix of
 *   "first last", so that one index serves both.
 * - Sorts: keyset indexes on (sort key, id), with and without the tier filter. The tier one with
 *   `available` starts with (program_id, tier_key), so the old index on those two goes.
 * - The owner's tier override on the member, and the request key of an audited admin action (a
 *   retried override with the same idempotency key finds its first answer).
 */
export const sql = `
CREATE INDEX kinship_member_email_prefix ON kinship_member (program_id, lower(profile->>'email') text_pattern_ops);
CREATE INDEX kinship_member_last_name_prefix ON kinship_member (program_id, lower(profile->>'lastName') text_pattern_ops);
CREATE INDEX kinship_member_full_name_prefix ON kinship_member
  (program_id, lower(trim(coalesce(profile->>'firstName', '') || ' ' || coalesce(profile->>'lastName', ''))) text_pattern_ops);
CREATE INDEX kinship_member_by_available ON kinship_member (program_id, available, id);
CREATE INDEX kinship_member_by_growth ON kinship_member (program_id, growth, id);
CREATE INDEX kinship_member_by_joined ON kinship_member (program_id, created_at, id);
CREATE INDEX kinship_member_tier_by_available ON kinship_member (program_id, tier_key, available, id);
CREATE INDEX kinship_member_tier_by_growth ON kinship_member (program_id, tier_key, growth, id);
DROP INDEX kinship_member_tier;

ALTER TABLE kinship_member ADD COLUMN override_tier text;
ALTER TABLE kinship_member ADD COLUMN override_until timestamptz;
ALTER TABLE kinship_member ADD COLUMN override_reason text;
ALTER TABLE kinship_member ADD COLUMN override_actor text;
ALTER TABLE kinship_member ADD COLUMN override_set_at timestamptz;
ALTER TABLE kinship_member ADD CONSTRAINT kinship_member_override_whole
  CHECK ((override_tier IS NULL) = (override_reason IS NULL AND override_actor IS NULL AND override_set_at IS NULL)
    AND (override_tier IS NOT NULL OR override_until IS NULL));

ALTER TABLE kinship_audit ADD COLUMN request_key text;
CREATE UNIQUE INDEX kinship_audit_request ON kinship_audit (program_id, action, request_key) WHERE request_key IS NOT NULL;
`;
