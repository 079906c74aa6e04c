import type { Reward } from "@kinship/engine";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { kinshipOf } from "../../lib/kinship";
import { stepError } from "./errors";

export interface ReserveRewardInput {
  customerId: string;
  rewardId: string;
  /** The attempt's key: the redemption row and its spend carry it, so a retried step never spends twice. */
  key: string;
}

/**
 * Spends the reward's cost (soonest-expiring lots first) and writes the `reserved` redemption in
 * one transaction. Compensation gives every point back to exactly the lots it came from.
 */
export const reserveRewardStep = createStep(
  "kinship-reserve-reward",
  async (input: ReserveRewardInput, { container }) => {
    const kinship = kinshipOf(container);
    const engine = await kinship.engine();
    const reserved = await engine.redemptions.reserve({ program: kinship.program, ...input, now: new Date() });
    if (!reserved.ok) throw stepError(reserved.error);
    const out: { reward: Reward; currency: string } = { reward: reserved.value.reward, currency: reserved.value.currency };
    return new StepResponse(out, input.key);
  },
  async (key, { container }) => {
    if (!key) return;
    const kinship = kinshipOf(container);
    const cancelled = await (await kinship.engine()).redemptions.cancel({
      program: kinship.program,
      key,
      error: "the promotion could not be created or recorded",
      now: new Date(),
    });
    // Already cancelled by an earlier run of this compensation: nothing left to give back.
    if (!cancelled.ok && cancelled.error.code !== "RedemptionClosed") throw stepError(cancelled.error);
  },
);
