import { z } from "zod";
import { customEventName, key, nonNegInt } from "./fields.ts";

const Bonus = z.strictObject({ points: nonNegInt, growth: nonNegInt.default(0) });

/**
 * Campaigns that bring members back. Birthdays and anniversaries are given by the engine's clock
 * (maintenance) on the day in the program's time zone, once per year; nth-order and stamp cards on
 * paid orders; badges when their condition is first met; expiring-soon notices `days` before a lot
 * expires. (A welcome bonus is a `customer.created` earn rule.) A growth deduction (a chargeback,
 * an abusive review) is an earn rule on a custom trigger with a negative `reward.growth.fixed`.
 */
export const Campaigns = z.strictObject({
  birthday: Bonus.optional().describe(
    "once a year on the member's birthday in the program's time zone (29 February: 28 February in other years); a day the clock missed is given up to 30 days late, never twice; not for a birthday that was over before the member joined",
  ),
  anniversary: Bonus.optional().describe(
    "once a year on the day the member joined, from the first anniversary (same clock rules as the birthday)",
  ),
  nthOrder: z
    .array(z.strictObject({ id: key, name: z.string().min(1).max(200), every: z.number().int().min(2).max(1000), ...Bonus.shape }))
    .max(20)
    .default([])
    .describe(
      "every `every`-th paid order (not refunded away) earns the bonus: orders count as they are credited; a cancelled or fully refunded order stops counting, but a milestone's bonus, once given, stays and is never given again",
    ),
  stampCards: z
    .array(
      z.strictObject({
        id: key,
        name: z.string().min(1).max(200),
        stamps: z
          .number()
          .int()
          .min(2)
          .max(100)
          .describe("stamps to fill a card; the order that fills it gives the reward (10: the 11th coffee is on the house)"),
        minSubtotal: nonNegInt.default(0).describe("an order earns a stamp from this subtotal (minor units)"),
        productIds: z.array(z.string().min(1).max(200)).max(50).default([]).describe("empty: any order"),
        reward: z
          .union([z.strictObject({ points: nonNegInt }), z.strictObject({ rewardId: key })])
          .describe("points, or a reward of the program: its cost in points is granted (the member redeems it as any reward)"),
      }),
    )
    .max(20)
    .default([]),
  badges: z
    .array(
      z.strictObject({
        key,
        name: z.string().min(1).max(100),
        description: z.string().max(300).optional(),
        icon: z.string().max(64).optional(),
        color: z.string().max(32).optional(),
        when: z.union([
          z.strictObject({ orders: z.number().int().min(1).max(100_000) }),
          z.strictObject({ spent: nonNegInt.describe("lifetime merchandise, minor units") }),
          z.strictObject({ event: customEventName, count: z.number().int().min(1).max(100_000).default(1) }),
        ]),
      }),
    )
    .max(50)
    .default([]),
  expiringNotice: z
    .strictObject({ days: z.number().int().min(1).max(90) })
    .optional()
    .describe("a `points.expiring` outbox event per lot (customerId, points, expiresAt, lotKey), once, `days` before it expires"),
});
export type Campaigns = z.infer<typeof Campaigns>;
