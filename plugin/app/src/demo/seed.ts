import type { Engine } from "@kinship/engine";
import { DEMO_CUSTOMERS, DEMO_PROGRAM, demoEvents } from "@kinship/engine/demo";
import { demoVariants } from "./catalog.ts";

/** Member prices: every member saves 5%, Gold members 15% on outerwear. */
export const DEMO_BENEFITS = [
  {
    id: "members-5",
    name: "Members save 5%",
    kind: "memberPrice",
    minTier: "member",
    scope: { all: true },
    discount: { percentOff: 5 },
  },
  {
    id: "gold-outerwear-15",
    name: "Gold: 15% off outerwear",
    kind: "memberPrice",
    minTier: "gold",
    scope: { collectionIds: ["outerwear"] },
    discount: { percentOff: 15 },
  },
] as const;

export const DEMO_REWARDS = [
  { id: "five-off", name: "$5 off your order", cost: 500, kind: "amountOff", value: 500 },
  { id: "free-shipping", name: "Free shipping", cost: 300, kind: "freeShipping", value: 0 },
  { id: "gold-ten-percent", name: "10% off your order", cost: 1000, kind: "percentOff", value: 10, minTier: "gold" },
] as const;

/** Co-branded perks: Gold members get a coffee a month (20 codes); the cinema's pool is empty. */
export const DEMO_PARTNERS = [
  {
    key: "corner-cafe",
    name: "Corner Café",
    perk: "A free coffee every month",
    minTier: "gold",
    claimLimit: { count: 1, period: "month" },
    settlementPrice: 150,
  },
  { key: "lux-cinema", name: "Lux Cinema", perk: "Two tickets for the price of one", minTier: "silver", settlementPrice: 700 },
] as const;

export const DEMO_PERK_CODES: Record<string, string[]> = {
  "corner-cafe": Array.from({ length: 20 }, (_, i) => `CAFE-${String(i + 1).padStart(4, "0")}`),
};

/** A yearly paid membership sold as a product of its own (not in the catalog grid). */
export const DEMO_PLAN = {
  key: "plus",
  name: "Kinship Plus",
  price: 9900,
  period: "year",
  tier: "gold",
  freeShipping: true,
  products: { productIds: ["8300000000900"] },
} as const;

/** Referrals with the defaults: friends get $10.00 off, the referrer 500 points once the order is past the return window. */
export const DEMO_REFERRALS = { enabled: true } as const;

export const DEMO_STAMP_CARDS = [{ id: "coffee-card", name: "Coffee card", stamps: 5, reward: { points: 200 } }] as const;

export const DEMO_BADGES = [
  { key: "first-order", name: "First order", description: "Placed a first order", icon: "🛍️", color: "#1d4ed8", when: { orders: 1 } },
  { key: "big-spender", name: "Big spender", description: "Spent $1,000", icon: "💎", color: "#6d28d9", when: { spent: 100000 } },
] as const;

/**
 * The demo member (Grace) buys Kinship Plus, then a coat at the member price with free shipping:
 * applied after the plan, stamp card and badges are in the config, so the plan order is recognised
 * as the plan's and the coat order counts for the membership's value, the stamp card and badges.
 * Keyed like every event: a rerun finds them applied.
 */
export function demoMembershipEvents(now: Date): unknown[] {
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const grace = DEMO_CUSTOMERS.grace;
  return [
    {
      type: "order.paid",
      orderId: "1010",
      customerId: grace,
      occurredAt: ago(30),
      currency: "USD",
      lines: [{ lineId: "1010-1", productId: DEMO_PLAN.products.productIds[0], quantity: 1, unitPrice: DEMO_PLAN.price }],
      orderDiscount: 0,
      shipping: 0,
      tax: 0,
    },
    // Classic Wool Coat, $189.00 less Gold's 15% ($28.35); the plan's free shipping saves $5.95.
    {
      type: "order.paid",
      orderId: "1011",
      customerId: grace,
      occurredAt: ago(20),
      currency: "USD",
      lines: [{ lineId: "1011-1", productId: "8300000000000", quantity: 1, unitPrice: 18900, discount: 2835, memberSaving: 2835 }],
      orderDiscount: 0,
      shipping: 0,
      shippingDiscount: 595,
      tax: 0,
    },
  ];
}

/**
 * The demo program: its shop, the customers' story, the catalog (50 variants) and the member
 * prices, rewards, partner perks, a paid plan (which the member bought), referrals, a stamp card and
 * badges that make the demo page show something, and the members' segments. Idempotent: a rerun finds
 * the events applied, rewrites the same variants, adds a benefit, reward or partner only when its id
 * is missing (a demo config someone edited keeps their edits), and finds the perk codes imported.
 */
export async function seedDemo(engine: Engine, now: Date): Promise<void> {
  const shop = await engine.shops.connect(DEMO_PROGRAM, null, now);
  if (!shop.ok) throw new Error(`demo shop: ${shop.error.message}`);
  for (const event of demoEvents(now)) await engine.apply(DEMO_PROGRAM, event, now);

  const program = await engine.program(DEMO_PROGRAM);
  if (!program.ok) throw new Error(`demo program: ${program.error.message}`);
  const { config } = program.value;
  const benefits = DEMO_BENEFITS.filter((b) => !config.benefits.some((c) => c.id === b.id));
  const rewards = DEMO_REWARDS.filter((r) => !config.rewards.some((c) => c.id === r.id));
  const partners = DEMO_PARTNERS.filter((p) => !config.partners.some((c) => c.key === p.key));
  const plans = config.plans.some((p) => p.key === DEMO_PLAN.key) ? [] : [DEMO_PLAN];
  const stampCards = DEMO_STAMP_CARDS.filter((s) => !config.campaigns.stampCards.some((c) => c.id === s.id));
  const badges = DEMO_BADGES.filter((b) => !config.campaigns.badges.some((c) => c.key === b.key));
  const referrals = config.referrals ? [] : [DEMO_REFERRALS];
  if (benefits.length + rewards.length + partners.length + plans.length + stampCards.length + badges.length + referrals.length > 0) {
    const next = {
      ...config,
      benefits: [...config.benefits, ...benefits],
      rewards: [...config.rewards, ...rewards],
      partners: [...config.partners, ...partners],
      plans: [...config.plans, ...plans],
      referrals: config.referrals ?? DEMO_REFERRALS,
      campaigns: {
        ...config.campaigns,
        stampCards: [...config.campaigns.stampCards, ...stampCards],
        badges: [...config.campaigns.badges, ...badges],
      },
    };
    const updated = await engine.updateConfig(DEMO_PROGRAM, next, "demo", now);
    if (!updated.ok) throw new Error(`demo config: ${updated.error.message}`);
  }
  for (const event of demoMembershipEvents(now)) await engine.apply(DEMO_PROGRAM, event, now);
  const catalog = await engine.catalog.upsert(DEMO_PROGRAM, demoVariants(), now);
  if (!catalog.ok) throw new Error(`demo catalog: ${catalog.error.message}`);
  const stock = await engine.partners.settlement({ program: DEMO_PROGRAM, from: now, to: new Date(now.getTime() + 1) });
  if (!stock.ok) throw new Error(`demo partners: ${stock.error.message}`);
  for (const [partner, codes] of Object.entries(DEMO_PERK_CODES)) {
    // Imported once (imports are audited); a partner someone removed from the demo config gets none.
    const pool = stock.value.find((s) => s.partner === partner);
    if (!pool || pool.codesImported > 0) continue;
    const imported = await engine.partners.importCodes({ program: DEMO_PROGRAM, partner, codes, actor: "demo", now });
    if (!imported.ok && imported.error.code !== "UnknownPartner") throw new Error(`demo perk codes: ${imported.error.message}`);
  }
  // Segments now rather than at the clock's next day, so Insight shows the demo's members at once.
  const scored = await engine.insight.refresh(DEMO_PROGRAM, now);
  if (!scored.ok) throw new Error(`demo insight: ${scored.error.message}`);
}
