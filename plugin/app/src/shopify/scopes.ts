/** The access scopes Kinship asks for: shopify.app.toml's `[access_scopes]` (a test keeps the two equal). */
export const REQUIRED_SCOPES = ["read_customers", "read_orders", "read_products", "write_customers", "write_discounts"] as const;

/** What each scope lets Kinship do: the merchant reads this when one is missing. */
const USE: Record<(typeof REQUIRED_SCOPES)[number], string> = {
  read_customers: "customer webhooks",
  read_orders: "orders earning points",
  read_products: "the catalog",
  write_customers: "tier and points written back to customers",
  write_discounts: "rewards redeemed as discount codes",
};

/** A scope list as Shopify writes it in a token answer: "read_orders,write_discounts". */
export function scopesOf(list: string): string[] {
  return list
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** The required scopes a grant lacks; Shopify's write scope of a resource includes its read scope. */
export function missingScopes(granted: readonly string[]): string[] {
  const has = new Set(granted);
  return REQUIRED_SCOPES.filter((s) => !has.has(s) && !(s.startsWith("read_") && has.has(`write_${s.slice(5)}`)));
}

/** The merchant's warning for missing scopes. */
export function scopesMessage(missing: readonly string[]): string {
  const named = missing.map((s) => (s in USE ? `${s} (${USE[s as keyof typeof USE]})` : s)).join(", ");
  return `Kinship does not have the access it needs: ${named}. Approve Kinship's requested access in the Shopify admin (or reinstall it) so those features work.`;
}
