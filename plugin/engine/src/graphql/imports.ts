import type { Admin } from "./admin-context.ts";
import type { Resolvers } from "./execute.ts";

/** Moving in: importing another loyalty app's export, dry run first. */
export const importsAdminResolvers: Resolvers<Admin> = {
  Query: {
    imports() {
      throw new Error("imports: not built yet (contract placeholder)");
    },
  },
  Mutation: {
    importMembers() {
      throw new Error("importMembers: not built yet (contract placeholder)");
    },
  },
};
