import type { Delivery, Engine, Received } from "@kinship/engine";
import { coalesce } from "../coalesce.ts";
import type { InboxQueue } from "../queue/types.ts";
import { type IntakeReply, reply } from "./reply.ts";

/** Deliveries stored in one statement at most, and such statements under way at once. */
export const INBOX_BATCH = { maxBatch: 16, maxInFlight: 4 };

export type StoreAndEnqueue = (delivery: Delivery, now: Date) => Promise<IntakeReply>;

/**
 * The only write on the request path: the delivery goes into the inbox (unique per delivery),
 * then its id onto the queue. Deliveries arriving together share one insert (and commit); a
 * delivery is answered only once its own row is committed. If the queue is down the delivery is
 * still accepted: the worker's sweeper finds every queued inbox row.
 */
export function storeAndEnqueue(engine: Engine, queue: InboxQueue): StoreAndEnqueue {
  const store = coalesce((items: { delivery: Delivery; now: Date }[]) => engine.inbox.receiveMany(items), INBOX_BATCH);
  return async (delivery, now) => {
    const stored: Received = await store({ delivery, now });
    const log = { inboxId: stored.id, topic: delivery.topic, program: delivery.programKey, delivery: delivery.deliveryKey };
    if (stored.duplicate && stored.status !== "queued") return reply(200, "duplicate", log, { inboxId: stored.id });
    try {
      await queue.enqueue(stored.id, { fresh: !stored.duplicate });
    } catch (e) {
      return reply(
        200,
        "stored; queue unavailable, the sweeper will pick it up",
        { ...log, queueError: String(e) },
        { inboxId: stored.id },
      );
    }
    return reply(200, stored.duplicate ? "duplicate" : "queued", log, { inboxId: stored.id });
  };
}
