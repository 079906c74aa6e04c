import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import type { MedusaContainer } from "@medusajs/framework/types";

/**
 * Test store only: runs the plugin's `kinship-maintain` job now, as its schedule would. (The
 * plugin's build ships no type declarations, hence the require.)
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const job = require("@kinship/medusa/jobs/kinship-maintain") as { default: (container: MedusaContainer) => Promise<void> };
  await job.default(req.scope);
  res.status(200).json({ ok: true });
}
