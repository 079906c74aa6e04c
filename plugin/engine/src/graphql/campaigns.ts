import type { Admin } from "./admin-context.ts";
import { ApiError } from "./errors.ts";
import type { Resolvers } from "./execute.ts";
import type { Shopper } from "./storefront.ts";

// CONTRACT PLACEHOLDER: replaced by the campaigns work; every root field below must be implemented.
const notYet = () => {
  throw new ApiError("NOT_IMPLEMENTED", "not implemented yet");
};

export const campaignsStorefrontResolvers: Resolvers<Shopper> = {
  Mutation: { setBirthday: notYet },
};

export const campaignsAdminResolvers: Resolvers<Admin> = {};
