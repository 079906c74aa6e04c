import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { deliver } from "../lib/deliver";
import { loadCustomer } from "../lib/load/order";

/** A new customer becomes a member (welcome rules fire). */
export default async function kinshipCustomerCreated({ event, container }: SubscriberArgs<{ id: string }>) {
  const customer = await loadCustomer(container, event.data.id);
  if (customer) await deliver(container, { topic: "customer.created", key: `customer.created:${event.data.id}`, record: customer });
}

export const config: SubscriberConfig = { event: "customer.created", context: { subscriberId: "kinship-customer-created" } };
