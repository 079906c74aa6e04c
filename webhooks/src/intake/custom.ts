import type { Engine } from "@kinship/engine";
import type { InboxQueue } from "../queue/types.ts";
import { checkCustomSignature } from "../signing/custom.ts";
import { type IntakeReply, reply } from "./reply.ts";
import { storeAndEnqueue } from "./store-and-enqueue.ts";

export { signCustomEvent, TOLERANCE_SECONDS } from "../signing/custom.ts";

export interface CustomRequest {
  rawBody: string;
  program: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

/**
 * POST /webhooks/events: events from a review app, a POS, ... signed with the program's webhook
 * secret over timestamp + body; a timestamp more than five minutes away is refused (replays).
 */
export function customIntake(options: {
  engine: Engine;
  queue: InboxQueue;
  now?: () => Date;
}): (req: CustomRequest) => Promise<IntakeReply> {
  const now = options.now ?? (() => new Date());
  const store = storeAndEnqueue(options.engine, options.queue);
  return async ({ rawBody, program, timestamp, signature }) => {
    if (!program || !timestamp || !signature)
      return reply(
        401,
        "unauthorized",
        { reason: "missing headers" },
        { error: "X-Kinship-Program, X-Kinship-Timestamp and X-Kinship-Signature are required" },
      );
    const secret = await options.engine.programs.webhookSecret(program);
    const at = now();
    const check = checkCustomSignature({ rawBody, timestamp, signature, secret, now: at });
    if (!check.ok) return reply(401, "unauthorized", { reason: check.reason, program }, { error: check.error });
    let body: { id?: unknown; name?: unknown };
    try {
      body = JSON.parse(rawBody) ?? {};
    } catch {
      return reply(400, "malformed JSON", { program }, { error: "body is not JSON" });
    }
    const id = body.id;
    if (typeof id !== "string" || id.length === 0 || id.length > 200)
      return reply(400, "missing event id", { program }, { error: "the event needs a string `id`, unique per event" });
    const topic = typeof body.name === "string" ? body.name : "custom";
    return store({ source: "custom", programKey: program, deliveryKey: id, topic, payload: rawBody, meta: {} }, at);
  };
}
