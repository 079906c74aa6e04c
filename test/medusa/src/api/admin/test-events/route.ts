import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { Modules } from "@medusajs/framework/utils";

/**
 * Test store only: emits an event through Medusa's own event bus, as a redelivery would, so the
 * end-to-end tests can check that Kinship's subscribers change nothing the second time.
 */
export async function POST(req: AuthenticatedMedusaRequest<{ name: string; data: Record<string, unknown> }>, res: MedusaResponse) {
  const eventBus = req.scope.resolve(Modules.EVENT_BUS);
  await eventBus.emit({ name: req.body.name, data: req.body.data });
  res.status(202).json({ emitted: req.body.name });
}
