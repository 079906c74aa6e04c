import type { Admin } from "./admin-context.ts";
import { badInput } from "./errors.ts";
import type { Resolvers } from "./execute.ts";

// PLACEHOLDER on the contract branch only: the members slice replaces this file before main.
const notYet = (field: string) => () => {
  throw badInput(`${field} is not built yet`);
};

export const memberResolvers = {
  Query: { members: notYet("members") },
  Mutation: { overrideTier: notYet("overrideTier") },
  AdminMember: { override: () => null },
} satisfies Resolvers<Admin>;
