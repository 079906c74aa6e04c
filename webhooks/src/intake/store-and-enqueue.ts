import { type Delivery, type Engine, receive } from "@kinship/engine";
import type { InboxQueue } from "../queue/types.ts";
import { type IntakeReply, reply } from "./reply.ts";

/**
 * The only write on the request path: the delivery goes into the inbox (unique per delivery),
 * then its id onto the queue. If the queue is down the delivery is still accepted: the worker's
 * sweeper finds every queued inbox row.
 */
export async function storeAndEnqueue(engine: Engine, queue: InboxQueue, delivery: Delivery, now: Date): Promise<IntakeReply> {
  const stored = await receive(engine.connection.db, delivery, now);
  const log = { inboxId: stored.id, topic: delivery.topic, program: delivery.programKey, delivery: delivery.deliveryKey };
  if (stored.duplicate && stored.status !== "queued") return reply(200, "duplicate", log, { inboxId: stored.id });
  try {
    await queue.enqueue(stored.id, { fresh: !stored.duplicate });
  } catch (e) {
    return reply(200, "stored; queue unavailable, the sweeper will pick it up", { ...log, queueError: String(e) }, { inboxId: stored.id });
  }
  return reply(200, stored.duplicate ? "duplicate" : "queued", log, { inboxId: stored.id });
}
