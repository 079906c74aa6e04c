import { readdirSync, readFileSync } from "node:fs";
import type { Reward } from "@kinship/engine";
import { SHOPIFY_TOPICS } from "@kinship/webhooks";
import { type OperationDefinitionNode, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { BASIC_CREATE, CODE_DELETE, createMutation, FREE_SHIPPING_CREATE } from "../src/rewards/issuers/shopify-discount.ts";
import { METAFIELDS_SET, tierTagsCall } from "../src/shopify/sync/operations.ts";
import { metafieldBatches } from "../src/shopify/sync/plan.ts";

const toml = readFileSync(new URL("../shopify.app.toml", import.meta.url), "utf8");

function tomlString(key: string): string {
  const m = new RegExp(`^${key} = "([^"]*)"$`, "m").exec(toml);
  if (!m?.[1]) throw new Error(`shopify.app.toml has no ${key}`);
  return m[1];
}

const scopes = tomlString("scopes").split(",");
/** Scopes a merchant may grant after install; the code checks the shop's grant before using them. */
const optionalScopes = [...(/^optional_scopes = \[([^\]]*)\]$/m.exec(toml)?.[1] ?? "").matchAll(/"([^"]+)"/g)].map((m) => m[1]);

/** Shopify's write scope of a resource includes its read scope. */
const granted = (scope: string) => scopes.includes(scope) || (scope.startsWith("read_") && scopes.includes(`write_${scope.slice(5)}`));

/**
 * The access scope each Admin API root field needs (null: none). Kinship writes metafields and tags
 * on customers only. A field the code calls that is missing here fails the test below: add it with
 * the scope Shopify's reference names, and the scope to the toml.
 */
const SCOPE_OF: Record<string, string | null> = {
  shop: null,
  customer: "read_customers",
  customers: "read_customers",
  order: "read_orders",
  orders: "read_orders",
  product: "read_products",
  products: "read_products",
  productVariants: "read_products",
  collection: "read_products",
  collections: "read_products",
  customerUpdate: "write_customers",
  metafieldsSet: "write_customers",
  metafieldsDelete: "write_customers",
  tagsAdd: "write_customers",
  tagsRemove: "write_customers",
  discountCodeBasicCreate: "write_discounts",
  discountCodeFreeShippingCreate: "write_discounts",
  discountCodeDelete: "write_discounts",
  discountAutomaticAppCreate: "write_discounts",
  // Kinship's one bulk query reads the catalog (products, variants, collections); `node` polls its operation.
  bulkOperationRunQuery: "read_products",
  themes: "read_themes",
  // Shopify Flow triggers: the customer reference each one carries needs read_customers.
  flowTriggerReceive: "read_customers",
  node: null,
};

/** The root field of a GraphQL document's one operation. */
function rootField(document: string): string {
  const op = parse(document).definitions[0] as OperationDefinitionNode;
  const field = op.selectionSet.selections[0];
  if (field?.kind !== "Field") throw new Error("no root field");
  return field.name.value;
}

/** The root field of every named operation written as a template literal in the sources that call Shopify's Admin API. */
function operationsInSources(): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of ["../src/", "../../../webhooks/src/"]) {
    const base = new URL(dir, import.meta.url);
    for (const file of readdirSync(base, { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith(".ts")) continue;
      const text = readFileSync(new URL(file, base), "utf8");
      for (const m of text.matchAll(/`\s*(?:mutation|query)\s+[A-Za-z_]\w*\s*(?:\([^)]*\))?\s*\{\s*([A-Za-z_]\w*)/g))
        if (m[1]) found.set(m[1], `${dir}${file}`);
    }
  }
  return found;
}

describe("shopify.app.toml", () => {
  it("declares exactly the topics the intake accepts, compliance topics included", () => {
    const declared = [...toml.matchAll(/"([a-z_]+\/[a-z_]+)"/g)].map((m) => m[1]).sort();
    expect(declared).toEqual([...SHOPIFY_TOPICS].sort());
    expect(toml).toMatch(/compliance_topics = \["customers\/data_request", "customers\/redact", "shop\/redact"\]/);
  });

  it("asks for the scopes issue 13 names: orders, customers (read and write), discounts, the catalog", () => {
    expect([...scopes].sort()).toEqual(["read_customers", "read_orders", "read_products", "write_customers", "write_discounts"]);
    // Only the onboarding's theme check is optional: without it the step links to the theme editor.
    expect(optionalScopes).toEqual(["read_themes"]);
  });

  it("covers the redemption issuer: every discount code it creates or revokes needs write_discounts", () => {
    const kinds: Reward["kind"][] = ["amountOff", "percentOff", "freeShipping"];
    const issued = kinds.map((kind) => {
      const reward: Reward = { id: kind, name: kind, cost: 100, kind, value: kind === "freeShipping" ? 0 : 10, enabled: true };
      const request = { program: "s.myshopify.com", customerId: "1", reward, code: "KIN-1", currency: "USD", now: new Date(0) };
      return rootField(createMutation(request).query);
    });
    expect(issued).toEqual(["discountCodeBasicCreate", "discountCodeBasicCreate", "discountCodeFreeShippingCreate"]);
    for (const field of [...issued, ...[BASIC_CREATE, FREE_SHIPPING_CREATE, CODE_DELETE].map(rootField)]) {
      expect(SCOPE_OF[field], field).toBe("write_discounts");
      expect(granted("write_discounts"), field).toBe(true);
    }
  });

  it("covers every Admin API operation in the code", () => {
    const operations = operationsInSources();
    expect(operations.size).toBeGreaterThanOrEqual(3);
    for (const [field, file] of operations) {
      expect(field in SCOPE_OF, `${field} (${file}): which scope does it need? add it to SCOPE_OF and the toml`).toBe(true);
      const scope = SCOPE_OF[field];
      if (scope) expect(granted(scope) || optionalScopes.includes(scope), `${field} (${file}) needs ${scope}`).toBe(true);
    }
  });

  it("covers the sync back to Shopify: metafieldsSet and the tier tags need write_customers", () => {
    const tags = tierTagsCall([{ customerId: "1", add: ["kinship-gold"], remove: ["kinship-silver"] }]);
    const op = parse(tags.query).definitions[0] as OperationDefinitionNode;
    const fields = [rootField(METAFIELDS_SET), ...op.selectionSet.selections.map((s) => (s.kind === "Field" ? s.name.value : ""))];
    expect(fields).toEqual(["metafieldsSet", "tagsAdd", "tagsRemove"]);
    for (const field of fields) {
      expect(SCOPE_OF[field], field).toBe("write_customers");
      expect(granted("write_customers"), field).toBe(true);
    }
  });

  it("declares every metafield the sync writes, readable by themes, the checkout and customer accounts", () => {
    const written = metafieldBatches([{ customerId: "1", tierKey: "gold", available: 5, pending: 0 }]).flatMap((b) => b.metafields);
    expect(written.length).toBeGreaterThan(0);
    for (const m of written) {
      expect(m.namespace).toBe("$app");
      const section = new RegExp(`^\\[customer\\.metafields\\.app\\.${m.key}\\]\\n((?:[^\\[\\n].*\\n?)*)`, "m").exec(toml);
      expect(section, `[customer.metafields.app.${m.key}] in shopify.app.toml`).not.toBeNull();
      const body = section?.[1] ?? "";
      expect(body).toContain(`type = "${m.type}"`);
      expect(body).toContain('access.storefront = "public_read"');
      expect(body).toContain('access.customer_account = "read"');
    }
  });

  it("opens the embedded app at its home, /app", () => {
    const url = new URL(tomlString("application_url"));
    expect(url.protocol).toBe("https:");
    expect(url.pathname).toBe("/app");
  });
});
