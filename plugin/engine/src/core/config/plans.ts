import { z } from "zod";
import { key, nonNegInt, platformId } from "./fields.ts";

/**
 * Paid membership (Costco, Prime): a plan bought as a product. Its paid order grants the plan for
 * one period from the order (a renewal order extends it from the current end); a refund or
 * cancellation ends it (`onRefund`) and takes back nothing else; it lapses `graceDays` after the
 * period ends unless renewed. A paying member holds at least `tier` and has `benefits` whatever
 * their tier; the better of the paid and the earned tier wins.
 */
export const Plan = z
  .strictObject({
    key,
    name: z.string().min(1).max(200),
    price: nonNegInt.describe("the fee per period, minor units of the program currency"),
    period: z.enum(["month", "year"]),
    tier: key.optional().describe("the tier a paying member holds at least"),
    benefits: z.array(key).max(50).default([]).describe("member-price benefit ids granted whatever the tier"),
    freeShipping: z.boolean().default(false).describe("shipping discounts on a paying member's orders count as value realised"),
    graceDays: z.number().int().min(0).max(365).default(7),
    onRefund: z.enum(["immediately", "periodEnd"]).default("immediately"),
    reminderDays: z.number().int().min(0).max(60).default(7).describe("membership.renewal_due this many days before the period ends"),
    products: z
      .strictObject({
        productIds: z.array(platformId).max(50).default([]),
        variantIds: z.array(platformId).max(50).default([]),
        sellingPlanIds: z.array(platformId).max(50).default([]).describe("Shopify selling plans (subscriptions)"),
      })
      .refine(
        (p) => p.productIds.length + p.variantIds.length + p.sellingPlanIds.length > 0,
        "a plan needs a product, variant or selling plan",
      ),
    enabled: z.boolean().default(true),
  })
  .describe("a paid membership plan");
export type Plan = z.infer<typeof Plan>;
