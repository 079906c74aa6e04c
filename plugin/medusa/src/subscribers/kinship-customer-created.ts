import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { takeEvent } from "../lib/deliver";
import { loadCustomer } from "../lib/load/customer";

/** A new customer becomes a member (welcome rules fire). */
export default async function kinshipCustomerCreated({ event, container }: SubscriberArgs<{ id: string }>) {
  await takeEvent(
    container,
    event,
    async () => {
      const customer = await loadCustomer(container, event.data.id);
      return customer && { topic: "customer.created", key: `customer.created:${event.data.id}`, record: customer };
    },
    `customer.created:${event.data.id}`,
  );
}

export const config: SubscriberConfig = { event: "customer.created", context: { subscriberId: "kinship-customer-created" } };
