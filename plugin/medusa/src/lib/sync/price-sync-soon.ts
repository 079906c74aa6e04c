import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { syncMemberPrices } from "./member-prices";

const QUIET_MS = 2_000;
let timer: NodeJS.Timeout | undefined;
let running: Promise<void> | undefined;

/**
 * Re-syncs the member price lists once the catalog has been quiet for a moment: an import of a
 * thousand products is one sync, not a thousand. Runs one at a time; the scheduled job catches
 * anything a crash in between loses.
 */
export function syncMemberPricesSoon(container: MedusaContainer): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
    running = (running ?? Promise.resolve())
      .then(() => syncMemberPrices(container))
      .then((s) => logger.info(`kinship: member prices synced after a catalog change (${s.created}+ ${s.updated}~ ${s.deleted}-)`))
      .catch((e) => logger.error(`kinship: member price sync failed: ${(e as Error).message}`));
  }, QUIET_MS);
  timer.unref?.();
}
