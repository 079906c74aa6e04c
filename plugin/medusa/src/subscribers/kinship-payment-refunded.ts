import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { takeEvent } from "../lib/deliver";
import { kinshipOf } from "../lib/kinship";
import { loadPaymentRefunds } from "../lib/load/refunds";

/** A payment refund takes back its share of the order's points and growth (`reverseOn: "refund"`, the default). */
export default async function kinshipPaymentRefunded({ event, container }: SubscriberArgs<{ id: string }>) {
  if (kinshipOf(container).options.reverseOn !== "refund") return;
  await takeEvent(container, event, async () =>
    (await loadPaymentRefunds(container, event.data.id)).map((refund) => ({
      topic: "refund" as const,
      key: `refund:${refund.refund_id}`,
      record: refund,
    })),
  );
}

export const config: SubscriberConfig = { event: "payment.refunded", context: { subscriberId: "kinship-payment-refunded" } };
