import type { Admin } from "./admin-context.ts";
import type { Resolvers } from "./execute.ts";

/** Finance in the admin: the month's roll-forward, liability, breakage and benefit costs. */
export const financeAdminResolvers: Resolvers<Admin> = {
  Query: {
    financeReport() {
      throw new Error("financeReport: not built yet (contract placeholder)");
    },
  },
};
