/** The engine's schema. Plain SQL so any host's migration runner (Medusa's, ours) can apply it. */
export const sql = `
CREATE TABLE kinship_program (
  id bigserial PRIMARY KEY,
  key text NOT NULL UNIQUE,
  platform text NOT NULL CHECK (platform IN ('shopify', 'medusa', 'custom')),
  config jsonb NOT NULL,
  config_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL
);

CREATE TABLE kinship_program_config (
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  version integer NOT NULL,
  config jsonb NOT NULL,
  actor text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (program_id, version)
);

CREATE TABLE kinship_audit (
  id bigserial PRIMARY KEY,
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  actor text NOT NULL,
  action text NOT NULL,
  subject text NOT NULL,
  before jsonb,
  after jsonb,
  at timestamptz NOT NULL
);
CREATE INDEX kinship_audit_program ON kinship_audit (program_id, at);

CREATE TABLE kinship_member (
  id bigserial PRIMARY KEY,
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  customer_id text NOT NULL,
  available bigint NOT NULL DEFAULT 0,
  pending bigint NOT NULL DEFAULT 0 CHECK (pending >= 0),
  debt bigint NOT NULL DEFAULT 0 CHECK (debt >= 0),
  growth bigint NOT NULL DEFAULT 0,
  tier_key text NOT NULL,
  tier_since timestamptz NOT NULL,
  downgrade_due_at timestamptz,
  last_activity_at timestamptz,
  profile jsonb NOT NULL DEFAULT '{}',
  profile_updated_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (program_id, customer_id)
);
CREATE INDEX kinship_member_tier ON kinship_member (program_id, tier_key);

CREATE TABLE kinship_lot (
  id bigserial PRIMARY KEY,
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  member_id bigint NOT NULL REFERENCES kinship_member(id) ON DELETE CASCADE,
  key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('earn', 'adjustment')),
  amount bigint NOT NULL CHECK (amount > 0),
  remaining bigint NOT NULL CHECK (remaining >= 0 AND remaining <= amount),
  reversed bigint NOT NULL DEFAULT 0 CHECK (reversed >= 0 AND reversed <= amount),
  status text NOT NULL CHECK (status IN ('pending', 'available', 'consumed', 'expired', 'reversed')),
  earned_at timestamptz NOT NULL,
  available_at timestamptz NOT NULL,
  expires_at timestamptz,
  order_id text,
  rule_id text,
  rule jsonb,
  basis jsonb NOT NULL,
  UNIQUE (program_id, key)
);
CREATE INDEX kinship_lot_open ON kinship_lot (member_id) WHERE status IN ('pending', 'available');
CREATE INDEX kinship_lot_expiry ON kinship_lot (program_id, expires_at) WHERE status IN ('pending', 'available');
CREATE INDEX kinship_lot_maturity ON kinship_lot (program_id, available_at) WHERE status = 'pending';
CREATE INDEX kinship_lot_order ON kinship_lot (program_id, order_id) WHERE order_id IS NOT NULL;

CREATE TABLE kinship_entry (
  id bigserial PRIMARY KEY,
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  member_id bigint NOT NULL REFERENCES kinship_member(id) ON DELETE CASCADE,
  key text NOT NULL,
  kind text NOT NULL,
  available_delta bigint NOT NULL,
  pending_delta bigint NOT NULL,
  debt_delta bigint NOT NULL,
  written_off bigint NOT NULL DEFAULT 0,
  lot_id bigint REFERENCES kinship_lot(id) ON DELETE CASCADE,
  order_id text,
  reason text NOT NULL,
  actor text,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  UNIQUE (program_id, key)
);
CREATE INDEX kinship_entry_member ON kinship_entry (member_id, id);

CREATE TABLE kinship_consumption (
  entry_id bigint NOT NULL REFERENCES kinship_entry(id) ON DELETE CASCADE,
  lot_id bigint NOT NULL REFERENCES kinship_lot(id) ON DELETE CASCADE,
  points bigint NOT NULL CHECK (points > 0),
  PRIMARY KEY (entry_id, lot_id)
);
CREATE INDEX kinship_consumption_lot ON kinship_consumption (lot_id);

CREATE TABLE kinship_growth (
  id bigserial PRIMARY KEY,
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  member_id bigint NOT NULL REFERENCES kinship_member(id) ON DELETE CASCADE,
  key text NOT NULL,
  amount bigint NOT NULL,
  occurred_at timestamptz NOT NULL,
  reason text NOT NULL,
  order_id text,
  rule_id text,
  UNIQUE (program_id, key)
);
CREATE INDEX kinship_growth_member ON kinship_growth (member_id, occurred_at);

CREATE TABLE kinship_order (
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  order_id text NOT NULL,
  member_id bigint NOT NULL REFERENCES kinship_member(id) ON DELETE CASCADE,
  record jsonb NOT NULL,
  PRIMARY KEY (program_id, order_id)
);

CREATE TABLE kinship_tier_change (
  id bigserial PRIMARY KEY,
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  member_id bigint NOT NULL REFERENCES kinship_member(id) ON DELETE CASCADE,
  key text NOT NULL,
  from_tier text,
  to_tier text NOT NULL,
  reason text NOT NULL,
  growth bigint NOT NULL,
  at timestamptz NOT NULL,
  UNIQUE (program_id, key)
);

CREATE TABLE kinship_cap_usage (
  member_id bigint NOT NULL REFERENCES kinship_member(id) ON DELETE CASCADE,
  cap_key text NOT NULL,
  points bigint NOT NULL,
  growth bigint NOT NULL,
  PRIMARY KEY (member_id, cap_key)
);

CREATE TABLE kinship_event (
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  key text NOT NULL,
  type text NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'held', 'ignored')),
  received_at timestamptz NOT NULL,
  PRIMARY KEY (program_id, key)
);

CREATE TABLE kinship_held_event (
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  key text NOT NULL,
  order_id text NOT NULL,
  event jsonb NOT NULL,
  held_at timestamptz NOT NULL,
  PRIMARY KEY (program_id, key)
);
CREATE INDEX kinship_held_order ON kinship_held_event (program_id, order_id);

CREATE TABLE kinship_outbox (
  id bigserial PRIMARY KEY,
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  key text NOT NULL,
  topic text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  delivered_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  UNIQUE (program_id, key)
);
CREATE INDEX kinship_outbox_undelivered ON kinship_outbox (id) WHERE delivered_at IS NULL;
`;
