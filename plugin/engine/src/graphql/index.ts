export { adminSchema, executeAdmin } from "./admin.ts";
export { type AdminContext, MAX_PAGE } from "./admin-context.ts";
export { decodeCursor, encodeCursor } from "./cursor.ts";
export { ApiError, fromEngine } from "./errors.ts";
export type { GraphQLRequest } from "./execute.ts";
export { adminSdl, storefrontSdl } from "./sdl.ts";
export { executeStorefront, MAX_VARIANTS, type RedeemResult, type StorefrontContext, storefrontSchema } from "./storefront.ts";
