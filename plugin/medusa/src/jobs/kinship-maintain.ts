import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { kinshipOf } from "../lib/kinship";
import { syncMemberPrices } from "../lib/sync/member-prices";
import { syncTierGroups } from "../lib/sync/tier-groups";

/**
 * Pending points mature, due lots expire, tiers are evaluated (downgrades after their grace), then
 * members move to their tier's group and member price lists follow the catalog. Set-based in
 * chunks, each step its own transaction: a run cut short resumes where it stopped next time.
 */
export default async function kinshipMaintain(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const kinship = kinshipOf(container);
  const now = new Date();
  const engine = await kinship.engine();
  const done = await engine.maintain(kinship.program, now);
  const groups = await syncTierGroups(container, now);
  const prices = await syncMemberPrices(container);
  logger.info(
    `kinship: maintained ${kinship.program}: ${done.matured} matured, ${done.expired} expired, ${done.tiers.changed} tier changes; ` +
      `${groups.delivered} group moves; price lists ${prices.created}+ ${prices.updated}~ ${prices.deleted}-`,
  );
}

export const config = { name: "kinship-maintain", schedule: "*/15 * * * *" };
