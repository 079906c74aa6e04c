/**
 * Referrals.
 *
 * - kinship_referral_code: every member's code (the HMAC of their customer id under the program's
 *   secret, so links shared before this table keep working), one per member, unique per program.
 * - kinship_referral: one per referee's first order (its primary facts are unique: the order, and
 *   the referee, who is referred once). `signals` are the fraud checks that matched; a clean one is
 *   PENDING and pays by the engine's clock at `payable_at`, a flagged one waits for the owner.
 *   The referee's welcome code is reserved here first (`welcome_code`), then issued on the platform
 *   (`welcome_issued_at`), so a retry issues the same code and never a second one.
 * - kinship_referral_session: the browsers (IP, device id) a signed-in member was seen on, compared
 *   with a referee's for same_ip / same_device.
 */
export const sql = `
CREATE TABLE kinship_referral_code (
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  code text NOT NULL,
  member_id bigint NOT NULL REFERENCES kinship_member(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (program_id, code),
  UNIQUE (member_id)
);

CREATE TABLE kinship_referral (
  id bigserial PRIMARY KEY,
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  order_id text NOT NULL,
  code text NOT NULL,
  referrer_id bigint NOT NULL REFERENCES kinship_member(id) ON DELETE CASCADE,
  referee_id bigint NOT NULL REFERENCES kinship_member(id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('PENDING', 'FLAGGED', 'APPROVED', 'PAID', 'REJECTED', 'VOID')),
  signals jsonb NOT NULL DEFAULT '[]',
  welcome_code text,
  welcome_issued_at timestamptz,
  welcome_ref text,
  welcome_error text,
  points bigint NOT NULL DEFAULT 0,
  occurred_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  payable_at timestamptz NOT NULL,
  decided_at timestamptz,
  decided_by text,
  note text,
  paid_at timestamptz,
  UNIQUE (program_id, order_id),
  UNIQUE (program_id, referee_id)
);
CREATE INDEX kinship_referral_list ON kinship_referral (program_id, id DESC);
CREATE INDEX kinship_referral_status ON kinship_referral (program_id, status, id DESC);
CREATE INDEX kinship_referral_referrer ON kinship_referral (referrer_id, occurred_at);
CREATE INDEX kinship_referral_due ON kinship_referral (program_id, payable_at) WHERE status IN ('PENDING', 'APPROVED');
CREATE INDEX kinship_referral_welcome ON kinship_referral (program_id, id) WHERE welcome_issued_at IS NULL AND status IN ('PENDING', 'APPROVED', 'PAID');

CREATE TABLE kinship_referral_session (
  member_id bigint NOT NULL REFERENCES kinship_member(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('ip', 'device')),
  value text NOT NULL,
  seen_at timestamptz NOT NULL,
  PRIMARY KEY (member_id, kind, value)
);
`;
