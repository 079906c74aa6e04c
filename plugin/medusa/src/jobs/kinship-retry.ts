import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { emitKinshipEvents } from "../lib/events-out";
import { kinshipOf } from "../lib/kinship";
import { syncTierGroups } from "../lib/sync/tier-groups";

/**
 * Events that failed (or were replayed from the dead letters) run again, at most once a minute each;
 * then Kinship's own events still waiting (or due for a retry) go out on Medusa's event bus.
 */
export default async function kinshipRetry(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const kinship = kinshipOf(container);
  const engine = await kinship.engine();
  const now = new Date();
  let retried = 0;
  let afterId = 0;
  for (;;) {
    const ids = await engine.inbox.queuedIds(new Date(now.getTime() - 30_000), 200, afterId);
    if (ids.length === 0) break;
    afterId = ids[ids.length - 1] ?? afterId;
    for (const id of ids) {
      const row = await engine.inbox.row(id);
      if (row?.source !== "medusa" || row.programKey !== kinship.program || row.status !== "queued") continue;
      await kinship.run(id, row.attempts, now);
      retried += 1;
    }
  }
  if (retried > 0) {
    await syncTierGroups(container, now);
    logger.info(`kinship: retried ${retried} queued events`);
  }
  await emitKinshipEvents(container, now);
}

export const config = { name: "kinship-retry", schedule: "* * * * *" };
