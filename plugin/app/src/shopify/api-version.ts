/** The Admin API version every Kinship call to Shopify pins. */
export const SHOPIFY_API_VERSION = "2026-10";
