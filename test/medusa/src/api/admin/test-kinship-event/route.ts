import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import type { MedusaContainer } from "@medusajs/framework/types";

interface KinshipCustomEvent {
  id: string;
  name: string;
  customerId: string;
  occurredAt: string;
  payload?: Record<string, unknown>;
}
type Workflow = (container: MedusaContainer) => { run(args: { input: KinshipCustomEvent }): Promise<{ result: { outcome: string } }> };

/**
 * Test store only: a project's own code applying a custom event (a POS sale, a check-in) through
 * the plugin's workflow, as a Medusa project would from its routes or subscribers. (The plugin's
 * build ships no type declarations, hence the require.)
 */
export async function POST(req: AuthenticatedMedusaRequest<KinshipCustomEvent>, res: MedusaResponse) {
  const { applyKinshipEventWorkflow } = require("@kinship/medusa/workflows") as { applyKinshipEventWorkflow: Workflow };
  const { result } = await applyKinshipEventWorkflow(req.scope).run({ input: req.body });
  res.status(200).json(result);
}
