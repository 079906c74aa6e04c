import type { CatalogLookup } from "@kinship/engine";
import type { AdminApi } from "./bulk-operation.ts";
import { gidOf, idOf } from "./gid.ts";

export const PRODUCT_COLLECTIONS = `query ProductCollections($id: ID!, $after: String) {
  product(id: $id) {
    collections(first: 250, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } }
  }
}`;

export const COLLECTION_PRODUCTS = `query CollectionProducts($id: ID!, $after: String) {
  collection(id: $id) {
    products(first: 250, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } }
  }
}`;

interface Page {
  nodes: { id: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A Shopify read that failed; `retryable` as the Admin API client said. */
export class CatalogLookupError extends Error {
  override readonly name = "CatalogLookupError";
  readonly retryable: boolean;
  constructor(message: string, retryable: boolean) {
    super(message);
    this.retryable = retryable;
  }
}

/**
 * What product and collection webhooks leave out, read from the Admin API page by page (250 a
 * page). A product or collection Shopify no longer has reads as null.
 */
export function shopifyCatalogLookup(apiFor: (shop: string) => AdminApi): CatalogLookup {
  async function all(
    shop: string,
    query: string,
    id: string,
    type: string,
    pick: (data: unknown) => Page | null | undefined,
  ): Promise<string[] | null> {
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const answer = await apiFor(shop).request<unknown>(query, { id, after });
      if (!answer.ok) throw new CatalogLookupError(`Shopify did not answer ${shop}'s ${id}: ${answer.message}`, answer.retryable);
      const page = pick(answer.data);
      if (!page) return null;
      for (const n of page.nodes) ids.push(idOf(n.id, type));
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return ids;
      after = page.pageInfo.endCursor;
    }
  }
  return {
    productCollections: (shop, productId) =>
      all(
        shop,
        PRODUCT_COLLECTIONS,
        gidOf("Product", productId),
        "Collection",
        (d) => (d as { product: { collections: Page } | null }).product?.collections,
      ),
    collectionProducts: (shop, collectionId) =>
      all(
        shop,
        COLLECTION_PRODUCTS,
        gidOf("Collection", collectionId),
        "Product",
        (d) => (d as { collection: { products: Page } | null }).collection?.products,
      ),
  };
}
