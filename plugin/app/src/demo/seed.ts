import type { Engine } from "@kinship/engine";
import { DEMO_PROGRAM, demoEvents } from "@kinship/engine/demo";
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

/**
 * The demo program: its shop, the customers' story, the catalog (50 variants) and the member
 * prices, rewards and partner perks that make the demo page show something. Idempotent: a rerun finds
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
  if (benefits.length + rewards.length + partners.length > 0) {
    const next = {
      ...config,
      benefits: [...config.benefits, ...benefits],
      rewards: [...config.rewards, ...rewards],
      partners: [...config.partners, ...partners],
    };
    const updated = await engine.updateConfig(DEMO_PROGRAM, next, "demo", now);
    if (!updated.ok) throw new Error(`demo config: ${updated.error.message}`);
  }
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
}
