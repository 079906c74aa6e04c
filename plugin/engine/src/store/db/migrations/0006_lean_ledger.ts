/**
 * Fewer checks and index entries on the rows every event and every expiry writes.
 *
 * - The program_id foreign keys of lots, entries, growth, orders and tier changes go: each of these
 *   rows also references its member (foreign key kept, ON DELETE CASCADE), and the member row
 *   references the program, so the program exists whenever the member does and deleting a program
 *   still deletes them (program → member → row). Checking it again cost a trigger query per row.
 * - kinship_entry.lot_id and the consumption rows' entry_id and lot_id no longer reference their
 *   rows: those ids are only ever written from rows read under the member's lock or inserted by the
 *   same statement, and lots and entries are deleted only with their member. Checking the entry
 *   of a consumption row locked (and so rewrote) the entry just inserted, for every row an expiry
 *   writes. Consumption rows, which name no program or member, are deleted by deleteProgram
 *   explicitly, under the program row lock that every writer of them takes first.
 * - kinship_lot_order is read by no query (an order's lots are reached through their member), and
 *   kinship_consumption_lot only served the dropped foreign key (verify aggregates the whole table).
 * - kinship_lot_open and kinship_lot_expiry give way to one index on open lots by program, member
 *   and expiry: every per-member read is served by kinship_lot_member, and expiry walks due lots in
 *   member order from where its last batch stopped.
 * - Member rows are updated by every event: free room on their pages keeps those updates HOT (no
 *   new index entries).
 */
export const sql = `
ALTER TABLE kinship_lot DROP CONSTRAINT IF EXISTS kinship_lot_program_id_fkey;
ALTER TABLE kinship_entry DROP CONSTRAINT IF EXISTS kinship_entry_program_id_fkey;
ALTER TABLE kinship_entry DROP CONSTRAINT IF EXISTS kinship_entry_lot_id_fkey;
ALTER TABLE kinship_consumption DROP CONSTRAINT IF EXISTS kinship_consumption_lot_id_fkey;
ALTER TABLE kinship_consumption DROP CONSTRAINT IF EXISTS kinship_consumption_entry_id_fkey;
ALTER TABLE kinship_growth DROP CONSTRAINT IF EXISTS kinship_growth_program_id_fkey;
ALTER TABLE kinship_order DROP CONSTRAINT IF EXISTS kinship_order_program_id_fkey;
ALTER TABLE kinship_tier_change DROP CONSTRAINT IF EXISTS kinship_tier_change_program_id_fkey;
DROP INDEX IF EXISTS kinship_lot_order;
DROP INDEX IF EXISTS kinship_consumption_lot;
DROP INDEX IF EXISTS kinship_lot_open;
DROP INDEX IF EXISTS kinship_lot_expiry;
CREATE INDEX kinship_lot_open_by_member ON kinship_lot (program_id, member_id, expires_at) WHERE status IN ('pending', 'available');
ALTER TABLE kinship_member SET (fillfactor = 85);
`;
