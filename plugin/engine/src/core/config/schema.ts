import { z } from "zod";
import { Campaigns } from "./campaigns.ts";
import { Currencies, currencyIssues } from "./currencies.ts";
import { factor, isoInstant, key, nonNegInt, Period } from "./fields.ts";
import { Plan } from "./plans.ts";
import { Referrals } from "./referrals.ts";
import { SEGMENTS, SegmentSync } from "./segments.ts";

export { Period } from "./fields.ts";
export { Plan } from "./plans.ts";

export const Amount = z.union([
  z.strictObject({ perUnit: factor }).describe("points per whole currency unit of the eligible amount"),
  z.strictObject({ fixed: nonNegInt }),
  z.strictObject({ multiplier: factor }).describe("(factor − 1) × the order's per-unit points"),
]);
export type Amount = z.infer<typeof Amount>;

/** Growth may also be taken away: a negative `fixed` on a custom trigger (a chargeback, an abusive review). */
export const GrowthAmount = z.union([
  Amount.options[0],
  z.strictObject({ fixed: z.number().int().safe().describe("negative: a growth deduction (custom triggers only)") }),
  Amount.options[2],
]);

export const Schedule = z
  .strictObject({
    from: isoInstant.optional(),
    to: isoInstant.optional(),
    daysOfWeek: z.array(z.number().int().min(1).max(7)).min(1).optional().describe("1 = Monday"),
    daysOfMonth: z.array(z.number().int().min(1).max(31)).min(1).optional(),
    timezone: z.string().optional(),
  })
  .refine((s) => !s.from || !s.to || s.from < s.to, "schedule.from must be before schedule.to");
export type Schedule = z.infer<typeof Schedule>;

export const Trigger = z.union([
  z.enum(["order.paid", "customer.created"]),
  z.string().regex(/^custom:[a-z0-9][a-z0-9._-]{0,99}$/, "custom triggers look like custom:review.created"),
]);

export const EarnRule = z
  .strictObject({
    id: key,
    name: z.string().min(1).max(200),
    trigger: Trigger,
    condition: z.record(z.string(), z.unknown()).optional().describe("JsonLogic over { event, member }"),
    lines: z
      .strictObject({
        productIds: z.array(z.string()).optional(),
        variantIds: z.array(z.string()).optional(),
        collectionIds: z.array(z.string()).optional(),
      })
      .optional()
      .describe("order rules only: count just the matching lines"),
    reward: z
      .strictObject({ points: Amount.optional(), growth: GrowthAmount.optional() })
      .refine((r) => r.points || r.growth, "a reward needs points or growth"),
    tierMultipliers: z.record(key, factor).default({}),
    cap: z.strictObject({ points: nonNegInt.optional(), growth: nonNegInt.optional(), period: Period }).optional(),
    schedule: Schedule.optional(),
    priority: z.number().int().default(0),
    stacking: z.enum(["stack", "exclusive"]).default("stack"),
    enabled: z.boolean().default(true),
  })
  .refine(
    (r) => r.trigger === "order.paid" || (!isPerUnit(r.reward.points) && !isPerUnit(r.reward.growth)),
    "perUnit and multiplier rewards need an order trigger",
  )
  .refine((r) => !isDeduction(r.reward.growth) || r.trigger.startsWith("custom:"), {
    message: "a growth deduction (negative fixed growth) needs a custom trigger",
    path: ["reward", "growth"],
  });
export type EarnRule = z.infer<typeof EarnRule>;

function isDeduction(a: z.infer<typeof GrowthAmount> | undefined): boolean {
  return a !== undefined && "fixed" in a && a.fixed < 0;
}

function isPerUnit(a: z.infer<typeof GrowthAmount> | undefined): boolean {
  return a !== undefined && !("fixed" in a);
}

export const Tier = z.strictObject({
  key,
  name: z.string().min(1).max(100),
  threshold: nonNegInt.describe("growth needed over the qualification window"),
  badge: z.strictObject({ label: z.string().max(40), color: z.string().max(32), icon: z.string().max(64).optional() }).optional(),
});
export type Tier = z.infer<typeof Tier>;

/** A member price: tiers from `minTier` up pay less for the products in scope. */
export const Benefit = z.strictObject({
  id: key,
  name: z.string().min(1).max(200),
  kind: z.literal("memberPrice"),
  minTier: key.describe("this tier and every tier above it"),
  scope: z.union([
    z.strictObject({ all: z.literal(true) }),
    z.strictObject({ productIds: z.array(z.string().min(1)).min(1) }),
    z.strictObject({ variantIds: z.array(z.string().min(1)).min(1) }),
    z.strictObject({ collectionIds: z.array(z.string().min(1)).min(1) }),
  ]),
  discount: z.union([
    z.strictObject({ percentOff: z.number().positive().max(100) }),
    z.strictObject({ amountOff: z.number().int().positive() }),
    z.strictObject({ fixedPrice: z.number().int().nonnegative() }),
  ]),
  /** What the benefit costs the merchant per use, for break-even reports (minor units). */
  costEstimate: z.number().int().nonnegative().optional(),
});
export type Benefit = z.infer<typeof Benefit>;

/** Something points buy: a discount code issued on the platform. */
export const Reward = z.strictObject({
  id: key,
  name: z.string().min(1).max(200),
  cost: z.number().int().positive().describe("points"),
  kind: z.enum(["amountOff", "percentOff", "freeShipping"]),
  value: z.number().int().nonnegative().describe("minor units for amountOff, percent for percentOff, 0 for freeShipping"),
  minTier: key.optional(),
  enabled: z.boolean().default(true),
});
export type Reward = z.infer<typeof Reward>;

/**
 * A co-branded partner: members from `minTier` up claim one of the partner's perk codes (a pool
 * the merchant imports), at most `claimLimit.count` per member per period; `settlementPrice` is
 * what the merchant pays the partner per claimed code, for the settlement report.
 */
export const Partner = z.strictObject({
  key,
  name: z.string().min(1).max(200),
  perk: z.string().min(1).max(500).describe("what the member gets, as shoppers read it"),
  minTier: key.optional(),
  claimLimit: z.strictObject({ count: z.number().int().min(1).max(1000), period: Period }).default({ count: 1, period: "lifetime" }),
  settlementPrice: nonNegInt.default(0).describe("minor units per claimed code"),
  enabled: z.boolean().default(true),
});
export type Partner = z.infer<typeof Partner>;

export const ExpiryPolicy = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("none") }),
  z.strictObject({ kind: z.literal("afterEarn"), days: z.number().int().positive(), roundToMonthEnd: z.boolean().default(false) }),
  z.strictObject({ kind: z.literal("inactivity"), days: z.number().int().positive() }),
]);
export type ExpiryPolicy = z.infer<typeof ExpiryPolicy>;

export const QualificationWindow = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("lifetime") }),
  z.strictObject({ kind: z.literal("rolling"), months: z.number().int().min(1).max(120) }),
  z.strictObject({ kind: z.literal("calendarYear") }),
]);
export type QualificationWindow = z.infer<typeof QualificationWindow>;

export const ProgramConfig = z
  .strictObject({
    name: z.string().min(1).max(200).default("Kinship rewards"),
    currency: z.string().regex(/^[A-Z]{3}$/, "ISO 4217 code such as USD"),
    timezone: z.string().default("UTC"),
    pointValue: z
      .strictObject({ points: z.number().int().positive(), money: z.number().int().positive() })
      .default({ points: 100, money: 100 })
      .describe("`points` points are worth `money` minor units (100 points = 1.00)"),
    rounding: z.enum(["floor", "round", "ceil"]).default("floor"),
    pendingDays: z.number().int().min(0).max(365).default(0).describe("return window before points can be spent"),
    expiry: ExpiryPolicy.default({ kind: "none" }),
    allowNegativeBalance: z
      .boolean()
      .default(false)
      .describe("a reversal larger than the balance becomes a debt instead of being written off"),
    growth: z.strictObject({ window: QualificationWindow.default({ kind: "lifetime" }) }).default({ window: { kind: "lifetime" } }),
    tiers: z.array(Tier).min(1),
    tierPolicy: z.strictObject({ graceDays: z.number().int().min(0).max(3650).default(30) }).default({ graceDays: 30 }),
    rules: z.array(EarnRule).max(200),
    benefits: z.array(Benefit).max(200).default([]),
    rewards: z.array(Reward).max(100).default([]),
    partners: z.array(Partner).max(50).default([]),
    plans: z.array(Plan).max(20).default([]),
    referrals: Referrals.optional().describe("absent: no referral program"),
    campaigns: Campaigns.default({ nthOrder: [], stampCards: [], badges: [] }),
    currencies: Currencies.default({}).describe("other currencies orders earn in, with their rates"),
    segmentSync: SegmentSync.default({
      enabled: false,
      segments: [...SEGMENTS],
      tiers: false,
      tagPrefix: "kinship-",
      metafields: true,
    }).describe("segments pushed back to Shopify tags/metafields and Medusa customer groups"),
  })
  .superRefine((c, ctx) => {
    if (!isTimeZone(c.timezone)) ctx.addIssue({ code: "custom", path: ["timezone"], message: `unknown time zone ${c.timezone}` });
    try {
      new Intl.NumberFormat("en", { style: "currency", currency: c.currency });
    } catch {
      ctx.addIssue({ code: "custom", path: ["currency"], message: `unknown currency ${c.currency}` });
    }
    const thresholds = c.tiers.map((t) => t.threshold);
    if (thresholds[0] !== 0) ctx.addIssue({ code: "custom", path: ["tiers", 0, "threshold"], message: "the first tier starts at 0" });
    thresholds.forEach((t, i) => {
      if (i > 0 && t <= (thresholds[i - 1] ?? 0))
        ctx.addIssue({ code: "custom", path: ["tiers", i, "threshold"], message: "tier thresholds must increase" });
    });
    for (const k of duplicates(c.tiers.map((t) => t.key)))
      ctx.addIssue({ code: "custom", path: ["tiers"], message: `duplicate tier key ${k}` });
    for (const k of duplicates(c.rules.map((r) => r.id)))
      ctx.addIssue({ code: "custom", path: ["rules"], message: `duplicate rule id ${k}` });
    const tierKeys = new Set(c.tiers.map((t) => t.key));
    c.rules.forEach((r, i) => {
      for (const k of Object.keys(r.tierMultipliers))
        if (!tierKeys.has(k)) ctx.addIssue({ code: "custom", path: ["rules", i, "tierMultipliers", k], message: `unknown tier ${k}` });
      if (r.schedule?.timezone && !isTimeZone(r.schedule.timezone))
        ctx.addIssue({ code: "custom", path: ["rules", i, "schedule", "timezone"], message: "unknown time zone" });
    });
    c.benefits.forEach((b, i) => {
      if (!tierKeys.has(b.minTier))
        ctx.addIssue({ code: "custom", path: ["benefits", i, "minTier"], message: `unknown tier ${b.minTier}` });
    });
    c.rewards.forEach((r, i) => {
      if (r.minTier && !tierKeys.has(r.minTier))
        ctx.addIssue({ code: "custom", path: ["rewards", i, "minTier"], message: `unknown tier ${r.minTier}` });
      if (r.kind === "percentOff" && (r.value < 1 || r.value > 100))
        ctx.addIssue({ code: "custom", path: ["rewards", i, "value"], message: "a percentage is 1 to 100" });
    });
    for (const k of duplicates(c.benefits.map((b) => b.id)))
      ctx.addIssue({ code: "custom", path: ["benefits"], message: `duplicate benefit id ${k}` });
    for (const k of duplicates(c.rewards.map((r) => r.id)))
      ctx.addIssue({ code: "custom", path: ["rewards"], message: `duplicate reward id ${k}` });
    c.partners.forEach((p, i) => {
      if (p.minTier && !tierKeys.has(p.minTier))
        ctx.addIssue({ code: "custom", path: ["partners", i, "minTier"], message: `unknown tier ${p.minTier}` });
    });
    for (const k of duplicates(c.partners.map((p) => p.key)))
      ctx.addIssue({ code: "custom", path: ["partners"], message: `duplicate partner key ${k}` });
    checkPlans(c, tierKeys, ctx);
    const rewardIds = new Set(c.rewards.map((r) => r.id));
    c.campaigns.stampCards.forEach((s, i) => {
      if ("rewardId" in s.reward && !rewardIds.has(s.reward.rewardId))
        ctx.addIssue({
          code: "custom",
          path: ["campaigns", "stampCards", i, "reward", "rewardId"],
          message: `unknown reward ${s.reward.rewardId}`,
        });
    });
    for (const k of duplicates(c.campaigns.nthOrder.map((n) => n.id)))
      ctx.addIssue({ code: "custom", path: ["campaigns", "nthOrder"], message: `duplicate nth-order id ${k}` });
    for (const k of duplicates(c.campaigns.stampCards.map((s) => s.id)))
      ctx.addIssue({ code: "custom", path: ["campaigns", "stampCards"], message: `duplicate stamp card id ${k}` });
    for (const k of duplicates(c.campaigns.badges.map((b) => b.key)))
      ctx.addIssue({ code: "custom", path: ["campaigns", "badges"], message: `duplicate badge key ${k}` });
    if (c.expiry.kind === "afterEarn" && c.expiry.days <= c.pendingDays)
      ctx.addIssue({ code: "custom", path: ["expiry", "days"], message: "points must not expire before they become available" });
    for (const [code, message] of currencyIssues(c.currency, c.currencies))
      ctx.addIssue({ code: "custom", path: ["currencies", code], message });
  });
export type ProgramConfig = z.infer<typeof ProgramConfig>;
export type ProgramConfigInput = z.input<typeof ProgramConfig>;

/** Plans name tiers and benefits that exist, have unique keys, and no product, variant or selling plan is in two plans. */
function checkPlans(c: { plans: Plan[]; benefits: Benefit[] }, tierKeys: Set<string>, ctx: z.RefinementCtx): void {
  const benefitIds = new Set(c.benefits.map((b) => b.id));
  const owner = new Map<string, string>();
  c.plans.forEach((p, i) => {
    if (p.tier !== undefined && !tierKeys.has(p.tier))
      ctx.addIssue({ code: "custom", path: ["plans", i, "tier"], message: `unknown tier ${p.tier}` });
    p.benefits.forEach((b, j) => {
      if (!benefitIds.has(b)) ctx.addIssue({ code: "custom", path: ["plans", i, "benefits", j], message: `unknown benefit ${b}` });
    });
    const ids = [
      ...p.products.productIds.map((id) => ["productIds", `product ${id}`] as const),
      ...p.products.variantIds.map((id) => ["variantIds", `variant ${id}`] as const),
      ...p.products.sellingPlanIds.map((id) => ["sellingPlanIds", `selling plan ${id}`] as const),
    ];
    for (const [field, name] of ids) {
      const other = owner.get(name);
      if (other !== undefined && other !== p.key)
        ctx.addIssue({ code: "custom", path: ["plans", i, "products", field], message: `${name} is already in plan ${other}` });
      else owner.set(name, p.key);
    }
  });
  for (const k of duplicates(c.plans.map((p) => p.key)))
    ctx.addIssue({ code: "custom", path: ["plans"], message: `duplicate plan key ${k}` });
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}
