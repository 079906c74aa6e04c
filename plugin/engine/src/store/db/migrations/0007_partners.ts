/**
 * Partner perk codes: a pool per partner that the merchant imports; a claim gives one free code to
 * a member. The claim key makes a retried claim return the code it already gave.
 */
export const sql = `
CREATE TABLE kinship_perk_code (
  id bigserial PRIMARY KEY,
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  partner_key text NOT NULL,
  code text NOT NULL,
  imported_at timestamptz NOT NULL,
  member_id bigint REFERENCES kinship_member(id) ON DELETE SET NULL,
  claim_key text,
  claimed_at timestamptz,
  UNIQUE (program_id, partner_key, code),
  UNIQUE (program_id, claim_key),
  CHECK ((claim_key IS NULL) = (claimed_at IS NULL))
);
CREATE INDEX kinship_perk_code_free ON kinship_perk_code (program_id, partner_key, id) WHERE claimed_at IS NULL;
CREATE INDEX kinship_perk_code_member ON kinship_perk_code (member_id, partner_key, claimed_at) WHERE member_id IS NOT NULL;
CREATE INDEX kinship_perk_code_claimed ON kinship_perk_code (program_id, claimed_at) WHERE claimed_at IS NOT NULL;
`;
