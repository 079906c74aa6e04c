/**
 * Paid membership.
 *
 * - kinship_member.membership: the member's plan purchases (JSON, see core/membership/record.ts),
 *   written with the ledger decision; membership_due_at: when maintenance must tick the member for
 *   a renewal reminder or a lapse.
 * - kinship_sale.member_saving / shipping_discount: what each order's member prices and free
 *   shipping saved, for the value realised (orders recorded before this migration saved 0).
 * - kinship_guest_plan: a plan bought by a guest, kept by order until a customer with the order's
 *   email is known (then member_id and claimed_at are set, once).
 */
export const sql = `
ALTER TABLE kinship_member ADD COLUMN membership jsonb, ADD COLUMN membership_due_at timestamptz;
CREATE INDEX kinship_member_membership_due ON kinship_member (program_id, membership_due_at) WHERE membership_due_at IS NOT NULL;
CREATE INDEX kinship_member_membership ON kinship_member (program_id, id) WHERE membership IS NOT NULL;

ALTER TABLE kinship_sale
  ADD COLUMN member_saving bigint NOT NULL DEFAULT 0 CHECK (member_saving >= 0),
  ADD COLUMN shipping_discount bigint NOT NULL DEFAULT 0 CHECK (shipping_discount >= 0);
CREATE INDEX kinship_sale_member ON kinship_sale (member_id, occurred_at) INCLUDE (member_saving, shipping_discount) WHERE member_id IS NOT NULL;

CREATE TABLE kinship_guest_plan (
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  order_id text NOT NULL,
  email text NOT NULL,
  plan text NOT NULL,
  occurred_at timestamptz NOT NULL,
  line_ids jsonb NOT NULL,
  member_id bigint REFERENCES kinship_member(id) ON DELETE SET NULL,
  claimed_at timestamptz,
  PRIMARY KEY (program_id, order_id)
);
CREATE INDEX kinship_guest_plan_email ON kinship_guest_plan (program_id, email) WHERE claimed_at IS NULL;
`;
