import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { emitKinshipEvents } from "../../../../lib/events-out";
import { kinshipOf } from "../../../../lib/kinship";
import { syncTierGroups } from "../../../../lib/sync/tier-groups";

/**
 * Custom events from the store's other systems (a review app, a POS, check-ins), signed as the
 * Kinship server's POST /webhooks/events: headers X-Kinship-Timestamp and X-Kinship-Signature
 * (`sha256=<hex HMAC-SHA256(program secret, "<timestamp>.<raw body>")>`), X-Kinship-Program
 * optional (this store's program when given). Applied once per event `id`.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const raw = (req as MedusaRequest & { rawBody?: Buffer | string }).rawBody;
  const rawBody = Buffer.isBuffer(raw) ? raw.toString("utf8") : typeof raw === "string" ? raw : "";
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const now = new Date();
  const reply = await kinshipOf(req.scope).takeSignedCustom(
    {
      rawBody,
      program: header("x-kinship-program"),
      timestamp: header("x-kinship-timestamp"),
      signature: header("x-kinship-signature"),
    },
    now,
  );
  if (reply.body.outcome === "applied") {
    await syncTierGroups(req.scope, now);
    await emitKinshipEvents(req.scope, now);
  }
  res.status(reply.status).json(reply.body);
}
