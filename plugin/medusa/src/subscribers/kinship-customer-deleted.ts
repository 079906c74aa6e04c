import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { takeEvent } from "../lib/deliver";

/**
 * A deleted customer is erased from Kinship as Shopify's customers/redact erases one: the profile
 * emptied, the ledger kept under an opaque id. A customer who never was a member is nothing to erase.
 */
export default async function kinshipCustomerDeleted({ event, container }: SubscriberArgs<{ id: string }>) {
  const key = `customer.deleted:${event.data.id}`;
  await takeEvent(container, event, async () => ({ topic: "customer.deleted", key, record: { id: event.data.id } }), key);
}

export const config: SubscriberConfig = { event: "customer.deleted", context: { subscriberId: "kinship-customer-deleted" } };
