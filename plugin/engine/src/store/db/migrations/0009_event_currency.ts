/**
 * An order that earned nothing because its currency is not the program's keeps that currency on
 * its event row, so the mismatch can be counted and shown (the app home's status), never silent.
 */
export const sql = `
ALTER TABLE kinship_event ADD COLUMN currency text;
CREATE INDEX kinship_event_currency ON kinship_event (program_id) WHERE currency IS NOT NULL;
`;
