import type { Engine, Reward } from "@kinship/engine";
import type { IPromotionModuleService, MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { createPromotionsWorkflow } from "@medusajs/medusa/core-flows";
import { promotionForReward } from "../workflows/promotion-for-reward";
import { promotionCode } from "./promotion-code";

/**
 * Issues the welcome codes referees are owed as Medusa promotions (only the referee, once), the
 * same protocol as the Shopify worker: the code is reserved on the referral first, so a retry
 * issues that same code and a referee never gets two. A promotion already carrying the reserved
 * code was made by an earlier run cut short: it is settled, not made again. A failure is kept on
 * the referral and tried again next run.
 */
export async function issueReferralWelcomes(
  container: MedusaContainer,
  engine: Engine,
  programKey: string,
  now: Date,
  limit = 100,
): Promise<{ issued: number; failed: number }> {
  const out = { issued: 0, failed: 0 };
  const found = await engine.program(programKey);
  if (!found.ok) return out;
  const program = found.value;
  const offer = program.config.referrals;
  if (!offer?.enabled) return out;
  const reward: Reward = {
    id: "referral-welcome",
    name: "Referral welcome",
    cost: 1,
    kind: offer.refereeReward.kind,
    value: offer.refereeReward.value,
    enabled: true,
  };
  const promotions = container.resolve<IPromotionModuleService>(Modules.PROMOTION);
  for (const due of await engine.referrals.welcomeDue(program.id, limit)) {
    const reserved = await engine.referrals.reserveWelcomeCode(program.id, due.referralId, promotionCode());
    if (!reserved || reserved.issued) continue;
    try {
      const [existing] = await promotions.listPromotions({ code: reserved.code }, { select: ["id"] });
      let id = existing?.id;
      if (!id) {
        const promotionsData = [promotionForReward(reward, reserved.code, due.refereeId, program.config.currency)];
        const { result } = await createPromotionsWorkflow(container).run({ input: { promotionsData } });
        id = result[0]?.id;
      }
      await engine.referrals.settleWelcomeCode(program.id, due.referralId, { issued: true, platformRef: id ?? null }, now);
      out.issued++;
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      await engine.referrals.settleWelcomeCode(program.id, due.referralId, { issued: false, error }, now);
      out.failed++;
    }
  }
  return out;
}
