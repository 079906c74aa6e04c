import type { CommerceEventInput } from "../events/schema.ts";

/**
 * What an inbound delivery means for Kinship. Mappers are pure: raw body in, intent out; the
 * engine's deliveries carry the intent out.
 */
export type Mapped =
  /** Commerce events, applied in this order. */
  | { kind: "apply"; inputs: CommerceEventInput[] }
  /** customers/data_request: produce the member's export. */
  | { kind: "export"; customerId: string; requestRef: string | null }
  /** customers/redact: erase the member's personal data. */
  | { kind: "redact"; customerId: string }
  /** shop/redact: erase the shop's program. */
  | { kind: "redactShop" }
  /** app/uninstalled: stop taking the shop's deliveries. */
  | { kind: "uninstalled" }
  /** A change to the shop's catalog (products/*, collections/*): written to the program's variants. */
  | { kind: "catalog"; change: CatalogChange }
  /** app/scopes_update: the access scopes the shop now grants, as of `at` (ISO instant). */
  | { kind: "scopes"; granted: string[]; at: string }
  /** Nothing to do (a topic Kinship does not use, an order with no customer, ...). */
  | { kind: "ignore"; reason: string };

/** A payload that cannot be read: the delivery is rejected with this message (poison → dead letters). */
export class MappingError extends Error {
  override readonly name = "MappingError";
}

/** Maps one stored delivery (its source, topic and raw body) to what it means; throws MappingError on a payload it cannot read. */
export type DeliveryMapper = (delivery: { source: string; topic: string; payload: string }) => Mapped;

/**
 * What a catalog webhook says. Prices are the platform's decimal text in the shop's currency (the
 * program's): the engine converts them to minor units. What the webhook leaves out (a product's
 * collections, a collection's products) is read from the platform by a CatalogLookup.
 */
export type CatalogChange =
  /** A product created or updated: its variants as they are now (variants no longer listed are removed). */
  | { type: "product.changed"; productId: string; variants: { variantId: string; price: string }[] }
  | { type: "product.deleted"; productId: string }
  /** A collection created or updated: its products are read again. */
  | { type: "collection.changed"; collectionId: string }
  | { type: "collection.deleted"; collectionId: string };

/**
 * Reads from a platform what catalog webhooks leave out. Called by the engine outside any database
 * transaction; throwing fails the delivery (it is retried, then a dead letter). Ids are the numeric
 * tails the webhooks use.
 */
export interface CatalogLookup {
  /**
   * The ids of the collections one product is in; null when the platform no longer has the product
   * (an update that arrives after its delete): its variants are then removed, not written back.
   */
  productCollections(program: string, productId: string): Promise<string[] | null>;
  /** The ids of the products in one collection; null when the platform no longer has the collection. */
  collectionProducts(program: string, collectionId: string): Promise<string[] | null>;
}
