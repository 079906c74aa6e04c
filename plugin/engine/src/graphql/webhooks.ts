import { type DeliveryStatus, EVENT_TOPICS } from "../core/index.ts";
import type { DeliveryRecord } from "../store/events/deliveries.ts";
import type { WebhookEndpoint } from "../store/events/sinks.ts";
import type { Admin } from "./admin-context.ts";
import { badInput, unwrap } from "./errors.ts";
import type { Resolvers } from "./execute.ts";

const STATUS_IN: Record<string, DeliveryStatus> = { PENDING: "pending", RETRYING: "retrying", DELIVERED: "delivered", DEAD: "dead" };
const ID = /^[1-9][0-9]{0,17}$/;
/** Most ids one replay takes. */
const MAX_REPLAY = 500;

function endpointView(e: WebhookEndpoint) {
  return { id: e.id, url: e.url, topics: e.topics, description: e.description, enabled: e.enabled, createdAt: e.createdAt };
}

function deliveryView(d: DeliveryRecord) {
  return {
    id: d.id,
    endpointId: d.sinkId,
    eventId: d.eventId,
    topic: d.topic,
    customerId: d.customerId,
    status: d.status.toUpperCase(),
    attempts: d.attempts,
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    nextAttemptAt: d.nextAttemptAt,
    deliveredAt: d.deliveredAt,
    createdAt: d.createdAt,
    payload: d.payload,
  };
}

/** An optional idempotency key: 1 to 100 characters. */
function retryKey(value: unknown): string | null {
  if (value == null) return null;
  if (typeof value !== "string" || value.length < 1 || value.length > 100) throw badInput("idempotencyKey must be 1 to 100 characters");
  return value;
}

function id(value: unknown, what: string): string {
  if (typeof value !== "string" || !ID.test(value)) throw badInput(`${String(value)} is not a ${what} id`);
  return value;
}

/** Events out in the admin: webhook endpoints (audited, the secret shown once), their delivery log and the replay of dead ones. */
export const webhooksAdminResolvers: Resolvers<Admin> = {
  Query: {
    eventTopics: () => [...EVENT_TOPICS],
    async webhookEndpoints(_source, _args, a) {
      return unwrap(await a.engine.events.endpoints.list(a.ctx.program)).map(endpointView);
    },
    async webhookDeliveries(_source, args, a) {
      const first = args.first as number;
      if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput(`first must be 1 to 200, got ${first}`);
      const status = args.status == null ? undefined : STATUS_IN[args.status as string];
      const page = await a.engine.events.deliveries(a.ctx.program, {
        kind: "webhook",
        first,
        sinkId: args.endpointId == null ? undefined : id(args.endpointId, "webhook endpoint"),
        status,
        after: (args.after as string | null | undefined) ?? undefined,
      });
      // The only refusals left here are of the arguments (a cursor not of this list).
      if (!page.ok && page.error.code === "InvalidEvent") throw badInput(page.error.message);
      const { deliveries, nextCursor } = unwrap(page);
      return { deliveries: deliveries.map(deliveryView), nextCursor };
    },
  },
  Mutation: {
    async createWebhookEndpoint(_source, args, a) {
      const made = unwrap(
        await a.engine.events.endpoints.create({
          program: a.ctx.program,
          url: args.url as string,
          topics: args.topics as string[],
          description: (args.description as string | null | undefined) ?? null,
          idempotencyKey: retryKey(args.idempotencyKey),
          actor: a.ctx.actor,
          now: a.ctx.now,
        }),
      );
      return { endpoint: endpointView(made.endpoint), secret: made.secret };
    },
    async updateWebhookEndpoint(_source, args, a) {
      const input = {
        program: a.ctx.program,
        id: id(args.id, "webhook endpoint"),
        actor: a.ctx.actor,
        now: a.ctx.now,
        ...(args.url != null ? { url: args.url as string } : {}),
        ...(args.topics != null ? { topics: args.topics as string[] } : {}),
        ...(args.description !== undefined ? { description: args.description as string | null } : {}),
        ...(args.enabled != null ? { enabled: args.enabled as boolean } : {}),
      };
      return endpointView(unwrap(await a.engine.events.endpoints.update(input)));
    },
    async deleteWebhookEndpoint(_source, args, a) {
      const input = { program: a.ctx.program, id: id(args.id, "webhook endpoint"), actor: a.ctx.actor, now: a.ctx.now };
      return unwrap(await a.engine.events.endpoints.delete(input));
    },
    async rotateWebhookSecret(_source, args, a) {
      const input = {
        program: a.ctx.program,
        id: id(args.id, "webhook endpoint"),
        idempotencyKey: retryKey(args.idempotencyKey),
        actor: a.ctx.actor,
        now: a.ctx.now,
      };
      const made = unwrap(await a.engine.events.endpoints.rotateSecret(input));
      return { endpoint: endpointView(made.endpoint), secret: made.secret };
    },
    async replayWebhookDeliveries(_source, args, a) {
      const ids = (args.ids as unknown[]).map((x) => id(x, "webhook delivery"));
      if (ids.length > MAX_REPLAY) throw badInput(`at most ${MAX_REPLAY} deliveries per replay, got ${ids.length}`);
      return a.engine.events.replay(a.ctx.program, ids);
    },
  },
};
