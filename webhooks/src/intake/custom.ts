import { createHmac, timingSafeEqual } from "node:crypto";
import type { Engine } from "@kinship/engine";
import type { InboxQueue } from "../queue/types.ts";
import { type IntakeReply, reply } from "./reply.ts";
import { storeAndEnqueue } from "./store-and-enqueue.ts";

export const TOLERANCE_SECONDS = 300;

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` — what a sender puts in X-Kinship-Signature. */
export function signCustomEvent(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

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
    if (!secret)
      return reply(401, "unauthorized", { reason: "unknown program", program }, { error: "unknown program or no webhook secret" });
    const ts = Number(timestamp);
    const at = now();
    if (!Number.isInteger(ts) || Math.abs(at.getTime() / 1000 - ts) > TOLERANCE_SECONDS)
      return reply(401, "unauthorized", { reason: "stale timestamp", program }, { error: "timestamp missing or more than 5 minutes away" });
    if (!sameSignature(signCustomEvent(secret, ts, rawBody), signature))
      return reply(401, "unauthorized", { reason: "bad signature", program }, { error: "signature does not match" });
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
