import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";

interface KinshipBusEvent {
  id: string;
  topic: string;
  customerId: string | null;
  payload: Record<string, unknown>;
}

/**
 * Test store only: a project's own subscriber to Kinship's events on Medusa's event bus, logging
 * each so the end-to-end test can see it arrive (once per event id).
 */
export default async function kinshipEventsSeen({ event, container }: SubscriberArgs<KinshipBusEvent>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  logger.info(`test subscriber: ${event.name} ${event.data.customerId} ${event.data.id} ${JSON.stringify(event.data.payload)}`);
}

export const config: SubscriberConfig = {
  event: ["kinship.points.earned", "kinship.tier.changed"],
  context: { subscriberId: "test-kinship-events-seen" },
};
