import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { takeEvent } from "../lib/deliver";
import { kinshipOf } from "../lib/kinship";
import { loadOrder } from "../lib/load/order";

/** Earns the order's points (pending for the program's return window) when it is placed. */
export default async function kinshipOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  if (kinshipOf(container).options.earnOn !== "order.placed") return;
  await takeEvent(
    container,
    event,
    async () => {
      const order = await loadOrder(container, event.data.id);
      return order && { topic: "order.placed", key: `order.placed:${event.data.id}`, record: order };
    },
    `order.placed:${event.data.id}`,
  );
}

export const config: SubscriberConfig = { event: "order.placed", context: { subscriberId: "kinship-order-placed" } };
