import { KinshipAdminImportMembersDocument, KinshipAdminImportsDocument } from "./generated/graphql.ts";
import { operation } from "./operation.ts";

/**
 * Checks (dryRun) or applies one part of another loyalty app's export: the header line and a slice
 * of rows, firstLine the file line of its first row. Every part of one file shares idempotencyKey.
 */
export const importMembersMutation = operation("KinshipAdminImportMembers", KinshipAdminImportMembersDocument);

/** Applied imports, newest first. */
export const importsQuery = operation("KinshipAdminImports", KinshipAdminImportsDocument);

export const importOperations = [importMembersMutation, importsQuery] as const;
