/** Contract placeholder: what was last pushed to each platform per member (helper: segment sync). Replaced by its helper before release. */
export const sql = `
SELECT 1;
`;
