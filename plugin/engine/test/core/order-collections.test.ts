import { describe, expect, it } from "vitest";
import {
  collectionLookupFor,
  defaultProgramConfig,
  normaliseEvent,
  type OrderPaidEvent,
  type ProgramConfig,
  validateConfig,
  withCatalogCollections,
} from "../../src/core/index.ts";

function config(rules: unknown[]): ProgramConfig {
  const r = validateConfig({ ...defaultProgramConfig("USD"), rules });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const summer = {
  id: "summer",
  name: "Summer",
  trigger: "order.paid",
  lines: { collectionIds: ["c-summer"] },
  reward: { points: { perUnit: 1 } },
};
const base = { id: "base", name: "Base", trigger: "order.paid", reward: { points: { perUnit: 1 } } };

const order = normaliseEvent({
  type: "order.paid",
  orderId: "o-1",
  customerId: "c-1",
  occurredAt: "2026-12-05T10:00:00Z",
  currency: "USD",
  lines: [
    { lineId: "l-variant", variantId: "v-1", productId: "p-1", quantity: 1, unitPrice: 100 },
    { lineId: "l-product", productId: "p-2", quantity: 1, unitPrice: 100 },
    { lineId: "l-given", variantId: "v-3", collectionIds: ["c-given"], quantity: 1, unitPrice: 100 },
    { lineId: "l-bare", sku: "X", quantity: 1, unitPrice: 100 },
  ],
}) as OrderPaidEvent;

describe("an order's collections from the catalog", () => {
  it("are looked up only when an enabled earn rule looks at collections, for lines that came without any", () => {
    expect(collectionLookupFor(config([base]), order)).toBeNull();
    expect(collectionLookupFor(config([base, { ...summer, enabled: false }]), order)).toBeNull();
    expect(collectionLookupFor(config([base, summer]), order)).toEqual({ variantIds: ["v-1"], productIds: ["p-1", "p-2"] });
  });

  it("come from the line's variant, else from its product; lines that had collections keep theirs", () => {
    const filled = withCatalogCollections(order, [
      { variantId: "v-1", productId: "p-1", collectionIds: ["c-summer"] },
      { variantId: "v-9", productId: "p-1", collectionIds: ["c-other"] },
      { variantId: "v-2", productId: "p-2", collectionIds: ["c-sale", "c-summer"] },
      { variantId: "v-3", productId: "p-3", collectionIds: ["c-summer"] },
    ]);
    expect(filled.lines.map((l) => [l.lineId, l.collectionIds])).toEqual([
      ["l-variant", ["c-summer"]],
      ["l-product", ["c-sale", "c-summer"]],
      ["l-given", ["c-given"]],
      ["l-bare", []],
    ]);
    expect(withCatalogCollections(order, [])).toBe(order);
  });
});
