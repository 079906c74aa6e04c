import type { Admin } from "./admin-context.ts";
import { ApiError } from "./errors.ts";
import type { Resolvers } from "./execute.ts";
import type { Shopper } from "./storefront.ts";

// CONTRACT PLACEHOLDER: replaced by the referrals work; every root field below must be implemented.
const notYet = () => {
  throw new ApiError("NOT_IMPLEMENTED", "not implemented yet");
};

export const referralsStorefrontResolvers: Resolvers<Shopper> = {
  Mutation: { recordSession: notYet },
};

export const referralsAdminResolvers: Resolvers<Admin> = {
  Query: { referrals: notYet },
  Mutation: { reviewReferral: notYet },
};
