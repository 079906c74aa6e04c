import type { DeliveryMapper } from "../../core/index.ts";
import { bind } from "../db/bind.ts";
import type { Db } from "../db/connect.ts";
import { type DeliveryJob, type DeliveryOptions, processDeliveries } from "./deliveries.ts";
import { deadLetters, deliveryStatus, inboxCounts, inboxRow, queuedIds, receive, receiveMany, requeueDead } from "./inbox.ts";

export function inboxPort(db: Db) {
  return {
    receive: bind(db, receive),
    receiveMany: bind(db, receiveMany),
    row: bind(db, inboxRow),
    queuedIds: bind(db, queuedIds),
    deadLetters: bind(db, deadLetters),
    requeueDead: bind(db, requeueDead),
    counts: bind(db, inboxCounts),
    status: bind(db, deliveryStatus),
  };
}

export function deliveriesPort(db: Db) {
  return {
    /** Carries out stored deliveries (see processDeliveries): one result per job, in order. */
    process: (jobs: DeliveryJob[], map: DeliveryMapper, now: Date, options?: DeliveryOptions) =>
      processDeliveries(db, jobs, map, now, options),
  };
}

export type InboxPort = ReturnType<typeof inboxPort>;
export type DeliveriesPort = ReturnType<typeof deliveriesPort>;
