import { z } from "zod";
import { DiscountKind, nonNegInt, Period } from "./fields.ts";

/**
 * Referrals: every member has a code and a link. A referee's first order with a code gets the
 * referee a single-use welcome code; the referrer earns `referrerReward` once that order is past
 * the return window (`pendingDays`) and not refunded. Fraud signals flag a referral for the owner.
 */
export const Referrals = z.strictObject({
  enabled: z.boolean().default(false),
  refereeReward: z
    .strictObject({ kind: DiscountKind, value: nonNegInt, minimumOrder: nonNegInt.default(0) })
    .default({ kind: "amountOff", value: 1000, minimumOrder: 0 })
    .describe("the referee's single-use welcome code: minor units for amountOff, percent for percentOff"),
  referrerReward: z.strictObject({ points: nonNegInt, growth: nonNegInt.default(0) }).default({ points: 500, growth: 0 }),
  cap: z
    .strictObject({ count: z.number().int().min(1).max(1000), period: Period })
    .default({ count: 10, period: "month" })
    .describe("referrals per referrer per period; past it a referral is flagged (cap_reached)"),
  sessionDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .default(30)
    .describe("how far back the referrer's sessions are compared (same_ip, same_device)"),
});
export type Referrals = z.infer<typeof Referrals>;

/** The fraud signals a referral can carry, each caught on its own. */
export const FRAUD_SIGNALS = [
  "self_referral",
  "same_email",
  "same_phone",
  "same_address",
  "same_ip",
  "same_device",
  "cap_reached",
] as const;
export type FraudSignal = (typeof FRAUD_SIGNALS)[number];
