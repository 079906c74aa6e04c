import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { takeEvent } from "../lib/deliver";
import { loadCanceledOrder } from "../lib/load/order";

/** A canceled order gives back everything it earned that no refund gave back yet. */
export default async function kinshipOrderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  await takeEvent(
    container,
    event,
    async () => {
      const order = await loadCanceledOrder(container, event.data.id);
      return order && { topic: "order.canceled", key: `order.canceled:${event.data.id}`, record: order };
    },
    `order.canceled:${event.data.id}`,
  );
}

export const config: SubscriberConfig = { event: "order.canceled", context: { subscriberId: "kinship-order-canceled" } };
