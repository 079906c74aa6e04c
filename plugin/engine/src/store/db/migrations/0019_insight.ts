/**
 * Insight per member, computed by the engine in one pass over the program (the clock runs it):
 * recency, frequency and monetary scores (quintiles over the program's members with paid orders, 5
 * best; null with no order), lifetime value and first/last order from kinship_sale, and the segment
 * derived from them. `changed_at` moves only when the segment changes, so a push to the platform
 * reads only what changed since its last run. kinship_insight_run: when each program was last
 * computed (the clock's daily check reads one row; a refresh locks it, so two never interleave).
 * Segment lists page by lifetime value, highest first.
 */
export const sql = `
CREATE TABLE kinship_member_insight (
  member_id bigint PRIMARY KEY REFERENCES kinship_member(id) ON DELETE CASCADE,
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  recency smallint CHECK (recency BETWEEN 1 AND 5),
  frequency smallint CHECK (frequency BETWEEN 1 AND 5),
  monetary smallint CHECK (monetary BETWEEN 1 AND 5),
  segment text NOT NULL CHECK (segment IN ('champions', 'loyal', 'at_risk', 'lapsed', 'new', 'regular')),
  orders integer NOT NULL DEFAULT 0,
  lifetime_value bigint NOT NULL DEFAULT 0,
  first_order_at timestamptz,
  last_order_at timestamptz,
  computed_at timestamptz NOT NULL,
  changed_at timestamptz NOT NULL
);
CREATE INDEX kinship_member_insight_segment ON kinship_member_insight (program_id, segment, lifetime_value DESC, member_id);
CREATE INDEX kinship_member_insight_changed ON kinship_member_insight (program_id, changed_at);
CREATE TABLE kinship_insight_run (
  program_id bigint PRIMARY KEY REFERENCES kinship_program(id) ON DELETE CASCADE,
  computed_at timestamptz NOT NULL
);
`;
