import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { missingScopes, REQUIRED_SCOPES, scopesMessage, scopesOf } from "../src/shopify/scopes.ts";

const toml = readFileSync(new URL("../shopify.app.toml", import.meta.url), "utf8");

describe("required scopes", () => {
  it("are exactly shopify.app.toml's [access_scopes]", () => {
    const declared = /^scopes = "([^"]*)"$/m.exec(toml)?.[1];
    expect(scopesOf(declared ?? "").sort()).toEqual([...REQUIRED_SCOPES].sort());
  });

  it("a write scope covers its read scope; anything else missing is named in order", () => {
    expect(missingScopes([...REQUIRED_SCOPES])).toEqual([]);
    expect(missingScopes(["write_customers", "read_orders", "read_products", "write_discounts"])).toEqual([]);
    expect(missingScopes(["read_customers", "read_orders"])).toEqual(["read_products", "write_customers", "write_discounts"]);
    // A read scope does not cover its write scope.
    expect(missingScopes(["read_customers", "read_orders", "read_products", "read_discounts"])).toEqual([
      "write_customers",
      "write_discounts",
    ]);
    expect(missingScopes([])).toEqual([...REQUIRED_SCOPES]);
  });

  it("a token answer's list is read whatever its spacing; the warning says what each missing scope is for", () => {
    expect(scopesOf(" read_orders, write_discounts ,,")).toEqual(["read_orders", "write_discounts"]);
    expect(scopesOf("")).toEqual([]);
    expect(scopesMessage(["write_discounts"])).toBe(
      "Kinship does not have the access it needs: write_discounts (rewards redeemed as discount codes). Approve Kinship's requested access in the Shopify admin (or reinstall it) so those features work.",
    );
  });
});
