import { executeAdmin } from "@kinship/engine";
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { graphqlRequestOf } from "../../../../lib/graphql-body";
import { kinshipOf } from "../../../../lib/kinship";
import { one } from "../../../../lib/load/query";
import { syncMemberPrices } from "../../../../lib/sync/member-prices";

/**
 * The admin GraphQL surface for this store's program, behind Medusa's admin auth. Adjustments and
 * config changes are recorded under the admin's email. A saved config re-syncs the member price lists.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const request = graphqlRequestOf(req.body, res);
  if (!request) return;
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER);
  const kinship = kinshipOf(req.scope);
  const engine = await kinship.engine();
  const { actor_id, actor_type } = req.auth_context;
  const user = actor_type === "user" ? await one(req.scope, "user", ["id", "email"], actor_id) : null;
  const actor = typeof user?.email === "string" ? user.email : `medusa:${actor_type}:${actor_id}`;
  const result = await executeAdmin(
    engine,
    { program: kinship.program, actor, now: new Date(), onError: (e) => logger.error(`kinship admin API: ${(e as Error).stack ?? e}`) },
    request,
  );
  if (result.data?.updateProgram && !result.errors?.length) await syncMemberPrices(req.scope);
  res.status(200).json(result);
}
