import { z } from "zod";
import { customEventName, key, nonNegInt } from "./fields.ts";

const Bonus = z.strictObject({ points: nonNegInt, growth: nonNegInt.default(0) });

/**
 * Campaigns that bring members back. Birthdays and anniversaries are given by the engine's clock
 * (maintenance) on the day in the program's time zone, once per year; nth-order and stamp cards on
 * paid orders; badges when their condition is first met; expiring-soon notices `days` before a lot
 * expires. (A welcome bonus is a `customer.created` earn rule.)
 */
export const Campaigns = z.strictObject({
  birthday: Bonus.optional().describe("once a year on the member's birthday (29 February: 28 February in other years)"),
  anniversary: Bonus.optional().describe("once a year on the day the member joined"),
  nthOrder: z
    .array(z.strictObject({ id: key, name: z.string().min(1).max(200), every: z.number().int().min(2).max(1000), ...Bonus.shape }))
    .max(20)
    .default([])
    .describe("every `every`-th paid order (not refunded away) earns the bonus"),
  stampCards: z
    .array(
      z.strictObject({
        id: key,
        name: z.string().min(1).max(200),
        stamps: z.number().int().min(2).max(100).describe("stamps to fill a card: the next one is free"),
        minSubtotal: nonNegInt.default(0).describe("an order earns a stamp from this subtotal (minor units)"),
        productIds: z.array(z.string().min(1).max(200)).max(50).default([]).describe("empty: any order"),
        reward: z.union([z.strictObject({ points: nonNegInt }), z.strictObject({ rewardId: key })]),
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
  expiringNotice: z.strictObject({ days: z.number().int().min(1).max(90) }).optional(),
});
export type Campaigns = z.infer<typeof Campaigns>;
