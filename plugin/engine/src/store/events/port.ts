import type { EngineError, Result, SinkKind } from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import type { TokenCipher } from "../programs/token-cipher.ts";
import {
  type ClaimDeliveriesOptions,
  claimDeliveries,
  type DeliveriesQuery,
  type DeliveryOutcome,
  type DeliveryPage,
  type EventDelivery,
  listDeliveries,
  pruneDeliveries,
  replayDeliveries,
  type SettleOptions,
  settleDeliveries,
} from "./deliveries.ts";
import { createEndpoint, deleteEndpoint, ensureSink, listEndpoints, rotateEndpointSecret, updateEndpoint } from "./sinks.ts";

/**
 * Events out: every event topic of the outbox, copied in the ledger's own transaction to each
 * enabled sink subscribed to it (webhook endpoints, Shopify Flow, Medusa's event bus), each sink
 * with its own deliveries, retries and dead letters.
 */
export function eventsPort(db: Db, cipher: TokenCipher | null) {
  return {
    /** The program's webhook endpoints (owner-managed, audited); the secret is answered only by create and rotateSecret. */
    endpoints: {
      list: (program: string) => listEndpoints(db, program),
      create: (input: Parameters<typeof createEndpoint>[2]) => createEndpoint(db, cipher, input),
      update: (input: Parameters<typeof updateEndpoint>[1]) => updateEndpoint(db, input),
      delete: (input: Parameters<typeof deleteEndpoint>[1]) => deleteEndpoint(db, input),
      rotateSecret: (input: Parameters<typeof rotateEndpointSecret>[2]) => rotateEndpointSecret(db, cipher, input),
    },
    /** The program's one sink of a platform kind, enabled with these topics (all event topics by default). Idempotent. */
    ensureSink: (program: string, kind: "flow" | "medusa", topics?: readonly string[], now?: Date): Promise<void> =>
      ensureSink(db, program, kind, topics, now),
    /**
     * Leases due deliveries to sinks of a kind (never a member's later event while an earlier one to
     * the same sink is undelivered and not dead); call out, then `settle` them.
     */
    claim: (program: string, kind: SinkKind, now: Date, options?: ClaimDeliveriesOptions): Promise<EventDelivery[]> =>
      claimDeliveries(db, cipher, program, kind, now, options),
    /** Records outcomes: delivered, or failed (retried with exponential backoff and jitter, dead after the last attempt). */
    settle: (program: string, now: Date, outcomes: readonly DeliveryOutcome[], options?: SettleOptions): Promise<void> =>
      settleDeliveries(db, program, now, outcomes, options),
    /** The delivery log, newest first (status dead: the dead-letter list). */
    deliveries: (program: string, query?: DeliveriesQuery): Promise<Result<DeliveryPage, EngineError>> =>
      listDeliveries(db, program, query),
    /** Drops deliveries delivered over 30 days ago (at most `limit`); the engine's clock calls it. */
    prune: (program: string, now: Date, limit?: number): Promise<number> => pruneDeliveries(db, program, now, limit),
    /** Dead deliveries back in line; answers how many. */
    replay: (program: string, ids: readonly string[]): Promise<number> => replayDeliveries(db, program, ids),
  };
}

export type EventsPort = ReturnType<typeof eventsPort>;
