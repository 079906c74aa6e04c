import type { VariantInput } from "@kinship/engine";
import { minorOf } from "@kinship/webhooks";
import { idOf, typeOf } from "./gid.ts";

/**
 * The catalog's bulk query: every product with its variants' prices and the collections it is in.
 * Without grouping (faster, Shopify's default since 2025-07), children come as lines of their own
 * anywhere in the file, each naming its product in `__parentId`.
 */
export const CATALOG_BULK_QUERY = `{
  products {
    edges {
      node {
        id
        variants { edges { node { id price } } }
        collections { edges { node { id } } }
      }
    }
  }
}`;

/**
 * The variants of a bulk query's JSONL lines, each with its product and that product's
 * collections, its price in minor units of `currency` (the shop's). A line that cannot be read
 * throws, naming it: the caller stores nothing.
 */
export async function variantsOfCatalogFile(
  lines: AsyncIterable<{ line: number; value: unknown }>,
  currency: string,
): Promise<VariantInput[]> {
  const variants: { variantId: string; productId: string; price: number }[] = [];
  const collectionsOf = new Map<string, string[]>();
  for await (const { line, value } of lines) {
    const at = `line ${line} of the catalog file`;
    const row = value as { id?: unknown; price?: unknown; __parentId?: unknown } | null;
    try {
      const type = typeOf(row?.id);
      if (type === "Product") continue;
      const productId = idOf(row?.__parentId, "Product");
      if (type === "ProductVariant") {
        const price = row?.price;
        if (typeof price !== "string" && typeof price !== "number")
          throw new Error(`price: expected a decimal amount, received ${JSON.stringify(price)}`);
        variants.push({ variantId: idOf(row?.id, "ProductVariant"), productId, price: minorOf("price", price, currency) });
      } else if (type === "Collection") {
        const list = collectionsOf.get(productId) ?? [];
        list.push(idOf(row?.id, "Collection"));
        collectionsOf.set(productId, list);
      } else throw new Error(`unexpected object ${JSON.stringify(row?.id)}`);
    } catch (e) {
      throw new Error(`${at}: ${(e as Error).message}`);
    }
  }
  return variants.map((v) => ({ ...v, collectionIds: [...new Set(collectionsOf.get(v.productId) ?? [])], currency }));
}
