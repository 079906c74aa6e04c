/** Intake: installed shops, the durable inbox of deliveries, signed-event secrets, data exports. */
export const sql = `
ALTER TABLE kinship_program ADD COLUMN webhook_secret text;

CREATE TABLE kinship_shop (
  domain text PRIMARY KEY,
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  access_token text,
  installed_at timestamptz NOT NULL,
  uninstalled_at timestamptz
);

CREATE TABLE kinship_inbox (
  id bigserial PRIMARY KEY,
  source text NOT NULL CHECK (source IN ('shopify', 'custom', 'medusa')),
  program_key text NOT NULL,
  delivery_key text NOT NULL,
  topic text NOT NULL,
  payload text,
  meta jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('queued', 'applied', 'ignored', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  received_at timestamptz NOT NULL,
  processed_at timestamptz,
  UNIQUE (source, program_key, delivery_key)
);
CREATE INDEX kinship_inbox_queued ON kinship_inbox (id) WHERE status = 'queued';
CREATE INDEX kinship_inbox_dead ON kinship_inbox (id) WHERE status = 'dead';

CREATE TABLE kinship_data_export (
  id bigserial PRIMARY KEY,
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  customer_id text NOT NULL,
  request_ref text,
  export jsonb NOT NULL,
  created_at timestamptz NOT NULL
);
`;
