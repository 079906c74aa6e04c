import { KinshipAdminImportMembersDocument, KinshipAdminImportsDocument, type TypedDocumentString } from "./generated/graphql.ts";

/** An `Operation` of operations.ts (spelled out here: operations.ts lists these in `adminOperations`). */
function operation<Data, Variables>(
  name: string,
  document: TypedDocumentString<Data, Variables>,
): { readonly name: string; readonly document: string; readonly types?: { data: Data; variables: Variables } } {
  return { name, document: document.toString() };
}

/**
 * Checks (dryRun) or applies one part of another loyalty app's export: the header line and a slice
 * of rows, firstLine the file line of its first row. Every part of one file shares idempotencyKey.
 */
export const importMembersMutation = operation("KinshipAdminImportMembers", KinshipAdminImportMembersDocument);

/** Applied imports, newest first. */
export const importsQuery = operation("KinshipAdminImports", KinshipAdminImportsDocument);

export const importOperations = [importMembersMutation, importsQuery] as const;
