export * from "./custom.ts";
export * from "./reply.ts";
export * from "./shop-domain.ts";
export * from "./shopify.ts";
export * from "./shopify-verify.ts";
export * from "./topics.ts";
