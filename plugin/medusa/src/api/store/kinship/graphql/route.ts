import { randomUUID } from "node:crypto";
import {
  type EngineError,
  executeStorefront,
  type RedeemedCode,
  type RedeemResult,
  type Result,
  type StorefrontContext,
} from "@kinship/engine";
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { graphqlRequestOf } from "../../../../lib/graphql-body";
import { kinshipOf } from "../../../../lib/kinship";
import { promotionCode } from "../../../../lib/promotion-code";
import { redeemRewardWorkflow } from "../../../../workflows/redeem-reward";
import { engineErrorOf } from "../../../../workflows/steps/errors";

/**
 * The storefront GraphQL surface. The shopper is who Medusa's customer auth says (session or
 * bearer token); without it they are a guest (member-price teasers, no redemption). Identity is
 * never read from the query.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const request = graphqlRequestOf(req.body, res);
  if (!request) return;
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER);
  const kinship = kinshipOf(req.scope);
  const engine = await kinship.engine();
  const customerId = req.auth_context?.actor_type === "customer" && req.auth_context.actor_id ? req.auth_context.actor_id : null;
  const ctx: StorefrontContext = {
    program: kinship.program,
    customerId,
    now: new Date(),
    onError: (e) => logger.error(`kinship storefront API: ${(e as Error).stack ?? e}`),
    // referralLink: <storefrontUrl>?ref=<the member's code> (the engine keeps the codes).
    storefrontUrl: kinship.options.storefrontUrl ?? null,
  };
  if (customerId)
    ctx.redeem = async (rewardId, idempotencyKey): Promise<RedeemResult> => {
      const key = idempotencyKey ?? randomUUID();
      const attempt = async (): Promise<Result<RedeemedCode, EngineError>> => {
        const { result, errors } = await redeemRewardWorkflow(req.scope).run({
          input: { customerId, rewardId, key, code: promotionCode() },
          throwOnError: false,
        });
        const failure = errors[0];
        if (failure) return { ok: false, error: engineErrorOf(failure.error) };
        return { ok: true, value: { ...result, key } };
      };
      // With the shopper's key, a repeat (a retry, a double click) gets the first run's code and spends nothing.
      const r = idempotencyKey
        ? await engine.redemptions.once({ program: kinship.program, customerId, rewardId, key }, attempt)
        : await attempt();
      if (!r.ok) return { ok: false, error: { code: r.error.code, message: r.error.message } };
      return { ok: true, value: { rewardId: r.value.rewardId, code: r.value.code, points: r.value.points } };
    };
  res.status(200).json(await executeStorefront(engine, ctx, request));
}
