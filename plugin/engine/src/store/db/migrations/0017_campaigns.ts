/**
 * Campaigns: each member's progress (orders and merchandise counted, custom events by name,
 * nth-order milestones given, stamp cards, badges with when they were earned, the last birthday and
 * anniversary years given) as one JSON record, written by the same decision that moves it. Members
 * with orders credited before this migration start from those orders (count and merchandise after
 * refunds; a cancelled or fully refunded order does not count).
 */
export const sql = `
CREATE TABLE kinship_member_campaign (
  member_id bigint PRIMARY KEY REFERENCES kinship_member(id) ON DELETE CASCADE,
  state jsonb NOT NULL
);

INSERT INTO kinship_member_campaign (member_id, state)
SELECT member_id, jsonb_build_object('orders', count(*) FILTER (WHERE counted), 'spent', coalesce(sum(net), 0))
FROM (
  SELECT o.member_id,
    NOT cancelled AND (subtotal = 0 OR subtotal > refunded) AS counted,
    CASE WHEN cancelled THEN 0 ELSE greatest(0, subtotal - refunded) END AS net
  FROM (
    SELECT o.member_id, coalesce((o.record->>'cancelled')::boolean, false) AS cancelled,
      (o.record->>'subtotal')::bigint AS subtotal,
      coalesce((o.record->>'refundedAmount')::bigint, 0)
        + coalesce((SELECT sum(v::bigint) FROM jsonb_each_text(coalesce(o.record->'refundedLines', '{}'::jsonb)) AS r(k, v)), 0) AS refunded
    FROM kinship_order o
  ) AS o
) AS per_order
GROUP BY member_id
ON CONFLICT DO NOTHING;
`;
