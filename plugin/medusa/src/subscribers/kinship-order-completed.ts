import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { takeEvent } from "../lib/deliver";
import { kinshipOf } from "../lib/kinship";
import { loadOrder } from "../lib/load/order";

/** With `earnOn: "order.completed"`, the order earns its points once the merchant completes it. */
export default async function kinshipOrderCompleted({ event, container }: SubscriberArgs<{ id: string }>) {
  if (kinshipOf(container).options.earnOn !== "order.completed") return;
  await takeEvent(
    container,
    event,
    async () => {
      const order = await loadOrder(container, event.data.id);
      return order && { topic: "order.completed", key: `order.completed:${event.data.id}`, record: order };
    },
    `order.completed:${event.data.id}`,
  );
}

export const config: SubscriberConfig = { event: "order.completed", context: { subscriberId: "kinship-order-completed" } };
