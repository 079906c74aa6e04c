import type { Admin } from "./admin-context.ts";
import type { Resolvers } from "./execute.ts";

/** Insight in the admin: segments, RFM per member, the 20/80 view, tier migration. */
export const insightViewsAdminResolvers: Resolvers<Admin> = {
  Query: {
    insight() {
      throw new Error("insight: not built yet (contract placeholder)");
    },
    memberInsight() {
      throw new Error("memberInsight: not built yet (contract placeholder)");
    },
    membersInSegment() {
      throw new Error("membersInSegment: not built yet (contract placeholder)");
    },
  },
  Mutation: {
    refreshInsight() {
      throw new Error("refreshInsight: not built yet (contract placeholder)");
    },
  },
};
