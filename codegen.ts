/**
 * GraphQL Code Generator: the types of every operation the admin screens and the storefront widgets
 * send, from the engine's SDL (`@kinship/engine/schema`: plain strings, no server, no network).
 *
 *   npm run codegen          rewrites the generated files (commit them)
 *
 * test/contract/graphql-codegen.test.ts runs this same config and fails when a committed file is
 * stale or an operation no longer validates against its surface.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CodegenConfig } from "@graphql-codegen/cli";
import { adminSdl, storefrontSdl } from "@kinship/engine/schema";
import * as widgetQueries from "./storefront-widgets/src/core/queries.ts";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * The admin's documents: GraphQL files, turned into typed string documents the admin sends as they
 * are printed. Each area beyond the first keeps its own file under operations/.
 */
export const adminDocuments = [
  join(root, "admin-extension/shared/operations.graphql"),
  join(root, "admin-extension/shared/operations/*.graphql"),
];

/**
 * The widgets' documents: every string queries.ts exports. They stay hand-written and compact (the theme
 * embed ships them as they are); only their types are generated, imported with `import type`.
 */
export const widgetOperations = Object.values<unknown>(widgetQueries).filter((v): v is string => typeof v === "string");

export const generatedFiles = {
  admin: join(root, "admin-extension/shared/generated/graphql.ts"),
  widgets: join(root, "storefront-widgets/src/core/generated/graphql.ts"),
};

/** Both surfaces' custom scalars: DateTime is an ISO string on the wire; JSON is narrowed by the app where it knows the shape. */
const shared = {
  useTypeImports: true,
  scalars: { DateTime: "string", JSON: "unknown", Long: "string" },
};

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    [generatedFiles.admin]: {
      schema: adminSdl,
      documents: adminDocuments,
      plugins: ["typescript-operations", "typed-document-node"],
      config: { ...shared, documentMode: "string" },
    },
    [generatedFiles.widgets]: {
      schema: storefrontSdl,
      documents: widgetOperations,
      plugins: ["typescript-operations"],
      config: shared,
    },
  },
};

export default config;
