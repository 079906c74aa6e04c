/** The API: the variant catalog behind member prices, API keys for headless admin access, redemptions. */
export const sql = `
CREATE TABLE kinship_variant (
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  variant_id text NOT NULL,
  product_id text,
  collection_ids jsonb NOT NULL DEFAULT '[]',
  price bigint NOT NULL CHECK (price >= 0),
  currency text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (program_id, variant_id)
);

CREATE TABLE kinship_api_key (
  id bigserial PRIMARY KEY,
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  name text NOT NULL,
  prefix text NOT NULL,
  hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX kinship_api_key_program ON kinship_api_key (program_id);

CREATE TABLE kinship_redemption (
  id bigserial PRIMARY KEY,
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  member_id bigint NOT NULL REFERENCES kinship_member(id) ON DELETE CASCADE,
  key text NOT NULL,
  reward_id text NOT NULL,
  points bigint NOT NULL,
  status text NOT NULL CHECK (status IN ('reserved', 'confirmed', 'cancelled')),
  code text,
  platform_ref text,
  error text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (program_id, key)
);
`;
