/**
 * Idempotency keys for the webhook endpoint mutations a client may retry: the key an endpoint was
 * created under (a retry answers the same endpoint and secret instead of making a second one) and the
 * key of its last secret rotation (a retry answers the secret that rotation made).
 */
export const sql = `
ALTER TABLE kinship_event_sink ADD COLUMN create_key text, ADD COLUMN rotate_key text;
CREATE UNIQUE INDEX kinship_event_sink_create_key ON kinship_event_sink (program_id, create_key) WHERE create_key IS NOT NULL;
`;
