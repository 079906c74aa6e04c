import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { kinshipOf } from "./kinship";

/** What a project's subscriber receives on `kinship.<topic>` (e.g. `kinship.points.earned`). */
export interface KinshipBusEvent {
  /** The event's id: the same on every redelivery (dedupe on it). */
  id: string;
  key: string;
  topic: string;
  customerId: string | null;
  occurredAt: string;
  payload: Record<string, unknown>;
}

const BATCH = 100;
const ROUNDS = 20;

/**
 * Emits Kinship's events (points earned, tier changed, …) on Medusa's event bus as
 * `kinship.<topic>`, so the project's own subscribers and notification providers react. Each claim
 * hands out at most one undelivered event per member, so a member's events go out in order;
 * claiming again until nothing is left drains the rest. At least once: a crash between the emit
 * and the settle emits again after the lease, with the same `id`. Never throws (logged).
 */
export async function emitKinshipEvents(container: Pick<MedusaContainer, "resolve">, now = new Date()): Promise<number> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const kinship = kinshipOf(container);
  let emitted = 0;
  try {
    const engine = await kinship.engine();
    const bus = container.resolve(Modules.EVENT_BUS);
    for (let round = 0; round < ROUNDS; round += 1) {
      const claimed = await engine.events.claim(kinship.program, "medusa", now, { limit: BATCH });
      if (claimed.length === 0) break;
      let outcomes: { id: string; claim: string; delivered: boolean; error?: string }[];
      try {
        await bus.emit(
          claimed.map((d) => ({
            name: `kinship.${d.topic}`,
            data: {
              id: d.eventId,
              key: d.eventKey,
              topic: d.topic,
              customerId: d.customerId,
              occurredAt: d.occurredAt.toISOString(),
              payload: d.payload,
            } satisfies KinshipBusEvent,
          })),
        );
        outcomes = claimed.map((d) => ({ id: d.id, claim: d.claim, delivered: true }));
        emitted += claimed.length;
      } catch (e) {
        const error = `event bus: ${(e as Error).message}`;
        outcomes = claimed.map((d) => ({ id: d.id, claim: d.claim, delivered: false, error }));
      }
      await engine.events.settle(kinship.program, now, outcomes);
      if (outcomes.some((o) => !o.delivered)) break;
    }
  } catch (e) {
    logger.error(`kinship: could not emit events on the event bus: ${(e as Error).message}`);
  }
  if (emitted > 0) logger.info(`kinship: emitted ${emitted} events on the event bus`);
  return emitted;
}
