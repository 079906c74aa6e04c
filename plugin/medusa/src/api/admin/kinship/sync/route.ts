import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { syncMemberPrices } from "../../../../lib/sync/member-prices";
import { syncTierGroups } from "../../../../lib/sync/tier-groups";

/** Reconciles now (otherwise the scheduled job does): member price lists, then tier groups. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const prices = await syncMemberPrices(req.scope);
  const groups = await syncTierGroups(req.scope, new Date());
  res.status(200).json({ prices, groups });
}
