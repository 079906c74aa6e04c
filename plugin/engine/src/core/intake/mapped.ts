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
