import type { Engine } from "@kinship/engine";
import type { FastifyInstance } from "fastify";
import { ADJUST_POINTS_PATH, adjustPointsAction } from "./adjust-points.ts";

/** Shopify Flow's action endpoints (the server keeps bodies raw: the signature covers the exact bytes). */
export function registerFlowActions(app: FastifyInstance, deps: { engine: Engine; apiSecret: string; now: () => Date }): void {
  app.post(ADJUST_POINTS_PATH, async (req, res) => {
    const header = req.headers["x-shopify-hmac-sha256"];
    const answer = await adjustPointsAction(deps, {
      rawBody: String(req.body ?? ""),
      hmac: Array.isArray(header) ? header[0] : header,
    });
    res.log.info({ status: answer.status, code: answer.body.code }, "flow action");
    return res.code(answer.status).send(answer.body);
  });
}
