import type { DeliveryOutcome, Engine } from "@kinship/engine";
import type { AdminCaller } from "../sync/sync-shop.ts";
import { triggerCall } from "./triggers.ts";

/** The one Admin API operation of Flow triggers (scope: the customer reference needs read_customers). */
export const FLOW_TRIGGER_RECEIVE = /* GraphQL */ `
  mutation KinshipFlowTrigger($handle: String, $payload: JSON) {
    flowTriggerReceive(handle: $handle, payload: $payload) {
      userErrors { field message }
    }
  }
`;

export interface FlowTriggerReceiveAnswer {
  flowTriggerReceive: { userErrors: { field: string[] | null; message: string }[] } | null;
}

/** What Shopify charges for a mutation, in points of the shop's bucket. */
const MUTATION_COST = 10;

export interface FlowSendOptions {
  engine: Engine;
  /** The shop's program (its key is the shop's domain). */
  program: string;
  /** The shop's Admin API client, paced as background work. */
  api: AdminCaller;
  now: () => Date;
  /** Deliveries claimed per round (default 25: few are left waiting out their lease when a run's time runs out). */
  limit?: number;
  /**
   * How long a claim is held (default 60 s). A delivery claimed but not sent (Shopify throttled
   * the shop, or the run's time ran out) is left claimed: it comes back when the lease ends, with
   * no attempt used.
   */
  leaseMs?: number;
  /** How long one run may go on (default 60 s): calls not started by then are left for the next run. */
  budgetMs?: number;
}

export interface FlowSendResult {
  /** Triggers Shopify took. */
  sent: number;
  /** Deliveries that failed an attempt (retried with backoff by the engine, dead after the last). */
  failed: number;
  /** Whether a round stopped because Shopify throttled the shop or did not answer. */
  stopped: boolean;
}

/**
 * Sends the program's Flow deliveries to Shopify: each round claims due deliveries (the engine
 * hands out at most one per member at a time, a member's earliest, so a member's triggers reach
 * Flow in the order they happened), calls `flowTriggerReceive` for each, one after the other
 * outside any transaction, then settles what happened. A throttled call stops the round without
 * using an attempt; a 5xx or an unreachable Shopify fails that delivery (retried with backoff) and
 * stops the round too; a refusal (userErrors, an event Flow cannot take) fails that delivery only.
 */
export async function sendFlowTriggers(options: FlowSendOptions): Promise<FlowSendResult> {
  const { engine, program, api, now } = options;
  const limit = options.limit ?? 25;
  const deadline = Date.now() + (options.budgetMs ?? 60_000);
  const result: FlowSendResult = { sent: 0, failed: 0, stopped: false };

  while (Date.now() < deadline && !result.stopped) {
    const claimed = await engine.events.claim(program, "flow", now(), { limit, leaseMs: options.leaseMs ?? 60_000 });
    if (claimed.length === 0) break;
    const outcomes: DeliveryOutcome[] = [];
    for (const delivery of claimed) {
      if (result.stopped || Date.now() >= deadline) break;
      const fail = (error: string, status: number | null = null) =>
        outcomes.push({ id: delivery.id, claim: delivery.claim, delivered: false, error, status });
      const call = triggerCall({ topic: delivery.topic, customerId: delivery.customerId ?? "", payload: delivery.payload });
      if (!call.ok) {
        fail(call.error);
        continue;
      }
      const answer = await api.request<FlowTriggerReceiveAnswer>(
        FLOW_TRIGGER_RECEIVE,
        { handle: call.handle, payload: call.payload },
        { cost: MUTATION_COST },
      );
      if (!answer.ok) {
        if (answer.throttled) {
          result.stopped = true;
          break;
        }
        fail(answer.message, httpStatusOf(answer.message));
        if (answer.retryable) result.stopped = true;
        continue;
      }
      const userErrors = answer.data.flowTriggerReceive?.userErrors ?? [];
      if (userErrors.length > 0) fail(`Flow refused the trigger ${call.handle}: ${userErrors.map((e) => e.message).join("; ")}`, 200);
      else outcomes.push({ id: delivery.id, claim: delivery.claim, delivered: true, status: 200 });
    }
    await engine.events.settle(program, now(), outcomes);
    result.sent += outcomes.filter((o) => o.delivered).length;
    result.failed += outcomes.filter((o) => !o.delivered).length;
    if (claimed.length < limit) break;
  }
  return result;
}

/** The HTTP status an Admin API failure names ("Shopify answered HTTP 503: …"), for the delivery log. */
function httpStatusOf(message: string): number | null {
  const m = /\bHTTP (\d{3})\b/.exec(message);
  return m ? Number(m[1]) : null;
}
