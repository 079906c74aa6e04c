import { describe, expect, it } from "vitest";
import { MappingError, mapShopify } from "../../src/mappers/index.ts";
import { fixture } from "./fixtures.ts";

describe("catalog topics", () => {
  it("products/update: the product's variants with their prices as the shop's decimal text, 64-bit ids exact", () => {
    expect(mapShopify("products/update", fixture("products-update.json"))).toStrictEqual({
      kind: "catalog",
      change: {
        type: "product.changed",
        productId: "8100000000001",
        variants: [
          { variantId: "9100000000011", price: "22.00" },
          { variantId: "9100000000012", price: "25.50" },
        ],
      },
    });
    const big = fixture("products-update.json").replace('"id": 9100000000011', '"id": 9007199254740993');
    const mapped = mapShopify("PRODUCTS_CREATE", big);
    expect(mapped.kind === "catalog" && mapped.change.type === "product.changed" && mapped.change.variants[0]?.variantId).toBe(
      "9007199254740993",
    );
  });

  it("products/delete, collections/update, collections/delete name what changed", () => {
    expect(mapShopify("products/delete", fixture("products-delete.json"))).toStrictEqual({
      kind: "catalog",
      change: { type: "product.deleted", productId: "8100000000003" },
    });
    expect(mapShopify("collections/update", fixture("collections-update.json"))).toStrictEqual({
      kind: "catalog",
      change: { type: "collection.changed", collectionId: "501000000001" },
    });
    expect(mapShopify("collections/delete", fixture("collections-delete.json"))).toStrictEqual({
      kind: "catalog",
      change: { type: "collection.deleted", collectionId: "502000000002" },
    });
  });

  it("a product without variants, with a price that is not a decimal amount, or without an id → MappingError naming the field", () => {
    expect(() => mapShopify("products/update", '{"id": 1}')).toThrow(/variants/);
    expect(() => mapShopify("products/update", fixture("products-update.json").replace('"22.00"', '"22,00"'))).toThrow(
      new MappingError('shopify products/update: variants.0.price: "22,00" is not a decimal amount'),
    );
    expect(() => mapShopify("products/update", fixture("products-update.json").replace('"22.00"', '"-1.00"'))).toThrow(MappingError);
    expect(() => mapShopify("collections/delete", "{}")).toThrow(/id: expected an id/);
  });
});
