import type { ProgramConfig } from "../config/schema.ts";
import type { OrderPaidEvent } from "../events/schema.ts";

/** A catalog entry as far as an order line's collections go. */
export interface CatalogCollections {
  variantId: string;
  productId: string | null;
  collectionIds: readonly string[];
}

/**
 * The variant and product ids whose collections the catalog should supply: lines that came
 * without collections (Shopify's order webhooks carry none) in a program whose earn rules look at
 * collections. Nothing to look up otherwise, so the catalog costs no query.
 */
export function collectionLookupFor(config: ProgramConfig, event: OrderPaidEvent): { variantIds: string[]; productIds: string[] } | null {
  const scoped = config.rules.some((r) => r.enabled && r.trigger === "order.paid" && (r.lines?.collectionIds?.length ?? 0) > 0);
  if (!scoped) return null;
  const bare = event.lines.filter((l) => l.collectionIds.length === 0 && (l.variantId !== undefined || l.productId !== undefined));
  if (bare.length === 0) return null;
  return {
    variantIds: [...new Set(bare.flatMap((l) => (l.variantId !== undefined ? [l.variantId] : [])))],
    productIds: [...new Set(bare.flatMap((l) => (l.productId !== undefined ? [l.productId] : [])))],
  };
}

/** The event with each line lacking collections given its variant's, else its product's (any of its variants). */
export function withCatalogCollections(event: OrderPaidEvent, catalog: readonly CatalogCollections[]): OrderPaidEvent {
  const byVariant = new Map(catalog.map((c) => [c.variantId, c.collectionIds]));
  const byProduct = new Map<string, readonly string[]>();
  for (const c of catalog) if (c.productId !== null && !byProduct.has(c.productId)) byProduct.set(c.productId, c.collectionIds);
  let changed = false;
  const lines = event.lines.map((l) => {
    if (l.collectionIds.length > 0) return l;
    const found =
      (l.variantId !== undefined ? byVariant.get(l.variantId) : undefined) ??
      (l.productId !== undefined ? byProduct.get(l.productId) : undefined);
    if (!found || found.length === 0) return l;
    changed = true;
    return { ...l, collectionIds: [...found] };
  });
  return changed ? { ...event, lines } : event;
}
