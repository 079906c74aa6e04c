import { createHmac, timingSafeEqual } from "node:crypto";
import type { Engine } from "@kinship/engine";
import { z } from "zod";
import { shopifyCustomerNumber } from "./triggers.ts";

/** The action's handle in plugin/app/extensions/flow-action-adjust-points/shopify.extension.toml. */
export const ADJUST_POINTS_HANDLE = "adjust-loyalty-points";
/** Where Flow POSTs each run (the toml's runtime_url). */
export const ADJUST_POINTS_PATH = "/flow/actions/adjust-points";
/** Who the ledger says made a Flow adjustment. */
export const FLOW_ACTOR = "shopify-flow";

/**
 * What Flow answers are made of. Flow takes only 200 as success; 429 and 5xx (and no answer within
 * its timeout) are retried with the same action_run_id; any other 4xx marks the run failed, with
 * no retry: a refusal that a retry cannot change (unknown customer, not enough points) is a 4xx.
 */
export type FlowAnswer = { status: number; body: { ok: boolean; message?: string; code?: string } };

/** Base64 HMAC-SHA256 of the raw body with the app's secret, in X-Shopify-Hmac-Sha256, compared in constant time. */
export function validFlowSignature(secret: string, rawBody: string, header: string | undefined): boolean {
  if (!header || rawBody.length === 0) return false;
  const local = Buffer.from(createHmac("sha256", secret).update(rawBody, "utf8").digest("base64"));
  const given = Buffer.from(header);
  return given.length === local.length && timingSafeEqual(given, local);
}

/** Flow sends number_integer properties as JSON numbers; an integer string is taken too. */
const integer = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^-?\d+$/)
      .transform(Number),
  ])
  .pipe(z.number().int().safe());

const FlowActionRequest = z.object({
  shopify_domain: z.string().min(1),
  action_run_id: z.string().min(1).max(200),
  handle: z.string().optional(),
  properties: z.object({
    customer_id: z.union([z.string(), z.number().int()]).transform(String),
    points: integer.refine((n) => n !== 0, "points must not be 0"),
    reason: z.string().trim().min(1, "a reason is required").max(500),
  }),
});

const refuse = (status: number, code: string, message: string): FlowAnswer => ({ status, body: { ok: false, code, message } });

/**
 * One run of the "Adjust loyalty points" action: signature first (401, nothing read or applied),
 * then the request, the shop's program and the member; the adjustment is keyed by the run's id,
 * so Flow's retries of one run apply it once.
 */
export async function adjustPointsAction(
  deps: { engine: Engine; apiSecret: string; now: () => Date },
  request: { rawBody: string; hmac: string | undefined },
): Promise<FlowAnswer> {
  if (!validFlowSignature(deps.apiSecret, request.rawBody, request.hmac)) return refuse(401, "Unauthorized", "invalid signature");
  let json: unknown;
  try {
    json = JSON.parse(request.rawBody);
  } catch {
    return refuse(400, "InvalidRequest", "the body is not JSON");
  }
  const parsed = FlowActionRequest.safeParse(json);
  if (!parsed.success)
    return refuse(400, "InvalidRequest", parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  const { shopify_domain: domain, action_run_id: runId, handle, properties } = parsed.data;
  if (handle !== undefined && handle !== ADJUST_POINTS_HANDLE) return refuse(400, "UnknownAction", `no Flow action ${handle}`);

  const shop = await deps.engine.shops.find(domain);
  if (!shop) return refuse(404, "UnknownProgram", `${domain} has no Kinship program`);
  const customerNumber = shopifyCustomerNumber(properties.customer_id);
  if (customerNumber === null) return refuse(422, "UnknownMember", `${properties.customer_id} is not a Shopify customer id`);
  const customerId = String(customerNumber);

  const now = deps.now();
  const member = await deps.engine.member(shop.programKey, customerId, now);
  if (!member.ok) {
    if (member.error.code === "UnknownMember" || member.error.code === "UnknownProgram")
      return refuse(422, member.error.code, `customer ${customerId} is not a member of ${domain}'s loyalty program`);
    throw new Error(member.error.message);
  }
  const applied = await deps.engine.apply(
    shop.programKey,
    { type: "adjust", key: `flow:${runId}`, customerId, points: properties.points, reason: properties.reason, actor: FLOW_ACTOR },
    now,
  );
  if (applied.ok) return { status: 200, body: { ok: true } };
  // A retry of a run already applied: Flow lost our first answer.
  if (applied.error.code === "AlreadyApplied") return { status: 200, body: { ok: true } };
  if (applied.error.code === "InsufficientPoints" || applied.error.code === "InvalidEvent")
    return refuse(422, applied.error.code, applied.error.message);
  throw new Error(applied.error.message);
}
