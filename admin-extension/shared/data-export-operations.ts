import type { DataExport } from "./data-exports.ts";
import {
  KinshipAdminDataExportDocument,
  type KinshipAdminDataExportQuery,
  type KinshipAdminDataExportQueryVariables,
  KinshipAdminDataExportsDocument,
  KinshipAdminExportMemberDataDocument,
  type KinshipAdminExportMemberDataMutation,
  type KinshipAdminExportMemberDataMutationVariables,
} from "./generated/graphql.ts";
import { operation } from "./operation.ts";

/** Kept data exports, newest first (all, or one customer's). */
export const dataExportsQuery = operation("KinshipAdminDataExports", KinshipAdminDataExportsDocument);

/** One export with what it holds; null when there is none with that id. */
export const dataExportQuery = operation<
  KinshipAdminDataExportQuery,
  KinshipAdminDataExportQueryVariables,
  { dataExport: DataExport | null }
>("KinshipAdminDataExport", KinshipAdminDataExportDocument);

/** The owner's export of a member's data now (audited); a retry with the same key answers the first. */
export const exportMemberDataMutation = operation<
  KinshipAdminExportMemberDataMutation,
  KinshipAdminExportMemberDataMutationVariables,
  { exportMemberData: DataExport }
>("KinshipAdminExportMemberData", KinshipAdminExportMemberDataDocument);

export const dataExportOperations = [dataExportsQuery, dataExportQuery, exportMemberDataMutation] as const;
