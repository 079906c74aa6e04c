/**
 * Outbox rows can be claimed for a while (a lease) and settled after the platform call, so a sync
 * that must not call out inside a transaction (Shopify) claims, commits, calls, then records the
 * outcome. `seq` counts re-arms: a per-member message (points.changed) is re-armed in place by every
 * later change, and a delivery settled against an older seq does not mark the newer state delivered.
 * The undelivered index leads with the program, as every claimer filters on it.
 */
export const sql = `
ALTER TABLE kinship_outbox
  ADD COLUMN claim_token text,
  ADD COLUMN claimed_until timestamptz,
  ADD COLUMN retry_at timestamptz,
  ADD COLUMN last_error text,
  ADD COLUMN seq bigint NOT NULL DEFAULT 0;
DROP INDEX kinship_outbox_undelivered;
CREATE INDEX kinship_outbox_undelivered ON kinship_outbox (program_id, id) WHERE delivered_at IS NULL;
`;
