/** Contract placeholder: member_insight: RFM scores and segments per member (helper: insight). Replaced by its helper before release. */
export const sql = `
SELECT 1;
`;
