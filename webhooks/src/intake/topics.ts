/** The Shopify topics Kinship subscribes to (declared in shopify.app.toml). */
export const SHOPIFY_TOPICS = new Set([
  "orders/paid",
  "orders/cancelled",
  "refunds/create",
  "customers/create",
  "customers/update",
  "products/create",
  "products/update",
  "products/delete",
  "collections/update",
  "collections/delete",
  "app/uninstalled",
  "app/scopes_update",
  "customers/data_request",
  "customers/redact",
  "shop/redact",
]);

/** Compliance and uninstall topics keep arriving after an uninstall (shop/redact comes 48 h later). */
export const AFTER_UNINSTALL_TOPICS = new Set(["app/uninstalled", "customers/data_request", "customers/redact", "shop/redact"]);
