import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { takeEvent } from "../lib/deliver";
import { loadCustomer } from "../lib/load/customer";

/** Keeps the member's profile (email, names) current; each update is its own event, keyed by its time. */
export default async function kinshipCustomerUpdated({ event, container }: SubscriberArgs<{ id: string }>) {
  await takeEvent(container, event, async () => {
    const customer = await loadCustomer(container, event.data.id);
    if (!customer) return null;
    const at = customer.updated_at instanceof Date ? customer.updated_at.toISOString() : String(customer.updated_at);
    return { topic: "customer.updated", key: `customer.updated:${event.data.id}:${at}`, record: customer };
  });
}

export const config: SubscriberConfig = { event: "customer.updated", context: { subscriberId: "kinship-customer-updated" } };
