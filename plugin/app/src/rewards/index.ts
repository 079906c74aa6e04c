export { CODE_ALPHABET, generateCode } from "./code.ts";
export { localIssuer } from "./issuers/local.ts";
export { type ShopifyIssuerOptions, shopifyIssuer } from "./issuers/shopify.ts";
export { customerGid, decimalAmount } from "./issuers/shopify-discount.ts";
export type { DiscountFailed, DiscountIssuer, Issued, IssueRequest } from "./issuers/types.ts";
export { type Redeemed, type RedeemInput, redeem } from "./redeem.ts";
export { releaseStaleRedemptions } from "./stale.ts";
