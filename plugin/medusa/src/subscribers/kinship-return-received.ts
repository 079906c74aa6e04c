import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { takeEvent } from "../lib/deliver";
import { kinshipOf } from "../lib/kinship";
import { loadReceivedReturn } from "../lib/load/returns";

/** With `reverseOn: "return"`, a received return takes back what its lines earned. */
export default async function kinshipReturnReceived({ event, container }: SubscriberArgs<{ order_id: string; return_id: string }>) {
  if (kinshipOf(container).options.reverseOn !== "return") return;
  await takeEvent(
    container,
    event,
    async () => {
      const refund = await loadReceivedReturn(container, event.data.return_id);
      return refund && { topic: "refund", key: `return:${event.data.return_id}`, record: refund };
    },
    `return:${event.data.return_id}`,
  );
}

export const config: SubscriberConfig = { event: "order.return_received", context: { subscriberId: "kinship-return-received" } };
