/** Contract placeholder: applied imports (helper: importers). Replaced by its helper before release. */
export const sql = `
SELECT 1;
`;
