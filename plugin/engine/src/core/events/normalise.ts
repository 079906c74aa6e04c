import type { CommerceEvent, CommerceEventInput } from "./schema.ts";

/**
 * A typed event built by one of Kinship's own mappers, in the form the core decides on: dates read
 * and the schema's defaults filled in. Mappers validate the platform's payload as they read it, so
 * their events are not parsed a second time; anything from outside goes through parseEvent.
 */
export function normaliseEvent(e: CommerceEventInput): CommerceEvent {
  const occurredAt = new Date(e.occurredAt);
  // The casts stand for the branded ids (OrderId, CustomerId), which the mapper read as platform ids.
  switch (e.type) {
    case "order.paid":
      return {
        ...e,
        occurredAt,
        lines: e.lines.map((l) => ({
          ...l,
          collectionIds: l.collectionIds ?? [],
          discount: l.discount ?? 0,
          memberSaving: l.memberSaving ?? 0,
        })),
        orderDiscount: e.orderDiscount ?? 0,
        shipping: e.shipping ?? 0,
        shippingDiscount: e.shippingDiscount ?? 0,
        tax: e.tax ?? 0,
      } as CommerceEvent;
    case "refund.created":
      return { ...e, occurredAt, lines: e.lines ?? [], amount: e.amount ?? 0 } as CommerceEvent;
    case "custom":
      return { ...e, occurredAt, payload: e.payload ?? {} } as CommerceEvent;
    default:
      return { ...e, occurredAt } as CommerceEvent;
  }
}
