import type { Engine } from "@kinship/engine";
import type { Logger, MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { kinshipOf } from "../lib/kinship";
import { issueReferralWelcomes } from "../lib/referral-welcomes";
import { syncMemberPrices } from "../lib/sync/member-prices";
import { syncSegmentGroups } from "../lib/sync/segment-groups";
import { syncTierGroups } from "../lib/sync/tier-groups";

/**
 * Pending points mature, due lots expire, tiers are evaluated (downgrades after their grace), then
 * referees' welcome codes are issued as promotions, members move to their tier's group and member
 * price lists follow the catalog; segment (and tier) labels that changed move customers between
 * the `<prefix><segment>` groups. Set-based in chunks, each step its own transaction: a run cut
 * short resumes where it stopped next time.
 */
export default async function kinshipMaintain(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const kinship = kinshipOf(container);
  const now = new Date();
  const engine = await kinship.engine();
  const done = await engine.maintain(kinship.program, now);
  await issueWelcomes(container, logger, engine, kinship.program, now);
  const groups = await syncTierGroups(container, now);
  const prices = await syncMemberPrices(container);
  await pushSegments(container, logger, kinship.program, now);
  logger.info(
    `kinship: maintained ${kinship.program}: ${done.matured} matured, ${done.expired} expired, ${done.tiers.changed} tier changes; ` +
      `${groups.delivered} group moves; price lists ${prices.created}+ ${prices.updated}~ ${prices.deleted}-`,
  );
}

/** Welcome codes never stop maintenance: a failure is logged and the codes are tried again next run. */
async function issueWelcomes(container: MedusaContainer, logger: Logger, engine: Engine, program: string, now: Date) {
  try {
    const welcomes = await issueReferralWelcomes(container, engine, program, now);
    if (welcomes.issued + welcomes.failed > 0)
      logger.info(
        `kinship: referral welcome codes for ${program}: ${welcomes.issued} issued, ${welcomes.failed} failed (retried next run)`,
      );
  } catch (e) {
    logger.error(
      `kinship: referral welcome codes for ${program} failed, tried again next run: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** Segment groups never stop maintenance either: what failed is found again next run. */
async function pushSegments(container: MedusaContainer, logger: Logger, program: string, now: Date) {
  try {
    const done = await syncSegmentGroups(container, now);
    if (done.pushed + done.failed > 0)
      logger.info(`kinship: segment groups for ${program}: ${done.pushed} customers moved, ${done.failed} failed (retried next run)`);
    for (const e of done.errors) logger.warn(`kinship: segment groups for ${program}: ${e}`);
  } catch (e) {
    logger.error(`kinship: segment groups for ${program} failed, tried again next run: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export const config = { name: "kinship-maintain", schedule: "*/15 * * * *" };
