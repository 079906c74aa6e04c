/**
 * What Kinship last pushed to each platform per member: the labels (Shopify tags, Medusa customer
 * group names) it placed and the segment it wrote as a metafield. Only these are ever removed, so
 * the merchant's own tags and groups are never touched. `version` is when the pushed state was
 * read: a push that read an older state does not overwrite a newer one.
 */
export const sql = `
CREATE TABLE kinship_segment_push (
  member_id bigint NOT NULL REFERENCES kinship_member(id) ON DELETE CASCADE,
  platform text NOT NULL CHECK (platform IN ('shopify', 'medusa')),
  program_id bigint NOT NULL REFERENCES kinship_program(id) ON DELETE CASCADE,
  labels text[] NOT NULL DEFAULT '{}',
  segment text,
  version bigint NOT NULL,
  pushed_at timestamptz NOT NULL,
  PRIMARY KEY (member_id, platform)
);
CREATE INDEX kinship_segment_push_program ON kinship_segment_push (program_id, platform, member_id);
-- The segment sync walks a program's members by id, a window at a time.
CREATE INDEX kinship_member_program_id ON kinship_member (program_id, id);
`;
