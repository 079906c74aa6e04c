import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { deliver } from "../lib/deliver";
import { loadCustomer } from "../lib/load/order";

/** Keeps the member's profile (email, names) current; each update is its own event. */
export default async function kinshipCustomerUpdated({ event, container }: SubscriberArgs<{ id: string }>) {
  const customer = await loadCustomer(container, event.data.id);
  if (!customer) return;
  const at = customer.updated_at instanceof Date ? customer.updated_at.toISOString() : String(customer.updated_at);
  await deliver(container, { topic: "customer.updated", key: `customer.updated:${event.data.id}:${at}`, record: customer });
}

export const config: SubscriberConfig = { event: "customer.updated", context: { subscriberId: "kinship-customer-updated" } };
