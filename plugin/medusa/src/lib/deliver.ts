import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import type { MedusaDelivery, TakeOutcome } from "../modules/kinship/service";
import { emitKinshipEvents } from "./events-out";
import { kinshipOf } from "./kinship";
import { syncTierGroups } from "./sync/tier-groups";

/**
 * Hands one Medusa event (with the records its subscriber loaded) to Kinship and, when it changed
 * a ledger, moves the members concerned into their tier's customer group. Never throws: Medusa's
 * local event bus would swallow the error anyway; a failure stays in Kinship's inbox for the
 * scheduled retry and, after its last attempt, as a dead letter.
 */
export async function deliver(container: MedusaContainer, delivery: MedusaDelivery): Promise<TakeOutcome> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  try {
    const outcome = await kinshipOf(container).take(delivery, new Date());
    logger.info(`kinship: ${delivery.key}: ${outcome}`);
    if (outcome === "applied") {
      await syncTierGroups(container, new Date());
      await emitKinshipEvents(container);
    }
    return outcome;
  } catch (e) {
    logger.error(`kinship: could not take ${delivery.topic} ${delivery.key}: ${(e as Error).message}`);
    return "failed";
  }
}

/**
 * A subscriber's whole job: load the records an event names, then deliver each. A load that fails
 * (the database away, an unreadable record) is logged with the event, since nothing was stored yet.
 */
export async function takeEvent(
  container: MedusaContainer,
  event: { name: string; data: unknown },
  load: () => Promise<MedusaDelivery | MedusaDelivery[] | null>,
  /** The delivery's key when it is known before loading: a redelivery is recognised without loading anything. */
  key?: string,
): Promise<TakeOutcome[]> {
  let deliveries: MedusaDelivery[];
  try {
    if (key !== undefined && (await kinshipOf(container).settled(key))) {
      container.resolve(ContainerRegistrationKeys.LOGGER).info(`kinship: ${key}: duplicate`);
      return ["duplicate"];
    }
    const loaded = await load();
    deliveries = loaded === null ? [] : Array.isArray(loaded) ? loaded : [loaded];
  } catch (e) {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
    logger.error(`kinship: could not load ${event.name} ${JSON.stringify(event.data)}: ${(e as Error).message}`);
    return ["failed"];
  }
  const outcomes: TakeOutcome[] = [];
  for (const d of deliveries) outcomes.push(await deliver(container, d));
  return outcomes;
}
