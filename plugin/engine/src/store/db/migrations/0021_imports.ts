/**
 * Moving in: the imports applied, for the admin's list and the audit.
 *
 * - kinship_import: one per file (its idempotency key, unique per program): source, file name, who.
 * - kinship_import_part: what each part of the file applied (a large file is sent in parts, each
 *   named by its first file line; a part sent again finds its row and adds nothing).
 * The ledger itself holds the rest: one `adjust` entry per member keyed `import:<source>:<customer>`
 * (so a re-run changes nothing) and a lot per dated row.
 */
export const sql = `
CREATE TABLE kinship_import (
  id bigserial PRIMARY KEY,
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  request_key text NOT NULL,
  source text NOT NULL CHECK (source IN ('smile', 'loyaltylion', 'csv')),
  file_name text,
  actor text NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (program_id, request_key)
);
CREATE INDEX kinship_import_list ON kinship_import (program_id, id DESC);

CREATE TABLE kinship_import_part (
  import_id bigint NOT NULL REFERENCES kinship_import(id) ON DELETE CASCADE,
  first_line integer NOT NULL,
  rows integer NOT NULL,
  members integer NOT NULL,
  new_members integer NOT NULL,
  points bigint NOT NULL,
  tiers_set integer NOT NULL,
  referral_codes integer NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (import_id, first_line)
);
`;
