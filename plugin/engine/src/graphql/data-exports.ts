import type { Admin } from "./admin-context.ts";
import type { Resolvers } from "./execute.ts";

/** Data requests in the admin: list, read and make a member's export. */
export const dataExportsAdminResolvers: Resolvers<Admin> = {
  Query: {
    dataExports() {
      throw new Error("dataExports: not built yet (contract placeholder)");
    },
    dataExport() {
      throw new Error("dataExport: not built yet (contract placeholder)");
    },
  },
  Mutation: {
    exportMemberData() {
      throw new Error("exportMemberData: not built yet (contract placeholder)");
    },
  },
};
