import type { Admin } from "./admin-context.ts";
import { pageSize } from "./admin-context.ts";
import { badInput } from "./errors.ts";
import type { Resolvers } from "./execute.ts";

/** The Activity screen's dead letters: deliveries of this program that failed every attempt, and their replay. */
export const activityResolvers = {
  Query: {
    async deadLetters(_source, args, a) {
      const rows = await a.engine.inbox.deadLetters(a.ctx.program, pageSize(args.first as number));
      return rows.map((r) => ({
        id: String(r.id),
        source: r.source,
        topic: r.topic,
        deliveryKey: r.deliveryKey,
        attempts: r.attempts,
        error: r.lastError,
        receivedAt: r.receivedAt,
      }));
    },
  },
  Mutation: {
    async replayDeadLetters(_source, args, a) {
      const ids = (args.ids as string[]).map((id) => {
        if (!/^[1-9]\d{0,14}$/.test(id)) throw badInput(`${id} is not a dead letter id`);
        return Number(id);
      });
      // The worker's sweeper applies requeued rows; another program's ids are left alone.
      return (await a.engine.inbox.requeueDead(ids, a.ctx.program)).length;
    },
  },
} satisfies Resolvers<Admin>;
