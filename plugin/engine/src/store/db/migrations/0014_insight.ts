/**
 * The dashboard's figures.
 *
 * - kinship_sale: every paid order in the program's currency, a member's or a guest's, written
 *   once (its primary key) by the same decision that handles the order. `by_member`: the customer
 *   was a member before the order (false for a guest, and for a customer the order made a
 *   member). A guest has no member_id and is never made a member. Orders credited before this
 *   migration are filled in from kinship_order (by_member: the member row was created before the
 *   order; guest orders of that time were never recorded).
 * - Reads of the ledger, growth, tier history and redemptions by program and instant (the
 *   dashboard's weeks, the tier preview's qualification window), served from the indexes alone.
 */
export const sql = `
CREATE TABLE kinship_sale (
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  order_id text NOT NULL,
  member_id bigint,
  by_member boolean NOT NULL,
  subtotal bigint NOT NULL CHECK (subtotal >= 0),
  occurred_at timestamptz NOT NULL,
  PRIMARY KEY (program_id, order_id)
);
CREATE INDEX kinship_sale_period ON kinship_sale (program_id, occurred_at) INCLUDE (by_member, member_id, subtotal);

INSERT INTO kinship_sale (program_id, order_id, member_id, by_member, subtotal, occurred_at)
SELECT o.program_id, o.order_id, o.member_id, m.created_at < (o.record->>'occurredAt')::timestamptz,
  greatest(0, (o.record->>'subtotal')::bigint), (o.record->>'occurredAt')::timestamptz
FROM kinship_order o JOIN kinship_member m ON m.id = o.member_id
ON CONFLICT DO NOTHING;

CREATE INDEX kinship_entry_period ON kinship_entry (program_id, occurred_at)
  INCLUDE (member_id, kind, available_delta, pending_delta, written_off);
CREATE INDEX kinship_growth_period ON kinship_growth (program_id, occurred_at) INCLUDE (member_id, amount);
CREATE INDEX kinship_tier_change_period ON kinship_tier_change (program_id, at) INCLUDE (member_id, from_tier, to_tier);
CREATE INDEX kinship_redemption_period ON kinship_redemption (program_id, created_at) INCLUDE (reward_id, points, status);
`;
