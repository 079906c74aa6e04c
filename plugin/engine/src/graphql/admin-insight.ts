import type { Admin } from "./admin-context.ts";
import { badInput } from "./errors.ts";
import type { Resolvers } from "./execute.ts";

// PLACEHOLDER on the contract branch only: the insight slice replaces this file before main.
const notYet = (field: string) => () => {
  throw badInput(`${field} is not built yet`);
};

export const insightResolvers = {
  Query: { tierPreview: notYet("tierPreview"), tryRule: notYet("tryRule"), dashboard: notYet("dashboard") },
} satisfies Resolvers<Admin>;
