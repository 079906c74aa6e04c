import { connectShop, type Engine, upsertVariants } from "@kinship/engine";
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

/**
 * The demo program: its shop, the customers' story, the catalog (50 variants) and the member
 * prices and rewards that make the demo page show something. Idempotent: a rerun finds the events
 * applied, rewrites the same variants, and adds a benefit or reward only when its id is missing
 * (a demo config someone edited keeps their edits).
 */
export async function seedDemo(engine: Engine, now: Date): Promise<void> {
  const db = engine.connection.db;
  const shop = await connectShop(db, DEMO_PROGRAM, null, now);
  if (!shop.ok) throw new Error(`demo shop: ${shop.error.message}`);
  for (const event of demoEvents(now)) await engine.apply(DEMO_PROGRAM, event, now);

  const program = await engine.program(DEMO_PROGRAM);
  if (!program.ok) throw new Error(`demo program: ${program.error.message}`);
  const { config } = program.value;
  const benefits = DEMO_BENEFITS.filter((b) => !config.benefits.some((c) => c.id === b.id));
  const rewards = DEMO_REWARDS.filter((r) => !config.rewards.some((c) => c.id === r.id));
  if (benefits.length + rewards.length > 0) {
    const next = { ...config, benefits: [...config.benefits, ...benefits], rewards: [...config.rewards, ...rewards] };
    const updated = await engine.updateConfig(DEMO_PROGRAM, next, "demo", now);
    if (!updated.ok) throw new Error(`demo config: ${updated.error.message}`);
  }
  const catalog = await upsertVariants(db, DEMO_PROGRAM, demoVariants(), now);
  if (!catalog.ok) throw new Error(`demo catalog: ${catalog.error.message}`);
}
