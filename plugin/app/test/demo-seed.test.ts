import { DEMO_CUSTOMERS, DEMO_PROGRAM } from "@kinship/engine/demo";
import { countVariants } from "@kinship/engine/store";
import { describe, expect, it } from "vitest";
import { dbOf, openEngineOwningDb } from "../../../test/support/engine-db.ts";
import { isolatedDatabase } from "../../../test/support/isolated.ts";
import { DEMO_CATALOG } from "../src/demo/catalog.ts";
import { DEMO_BADGES, DEMO_BENEFITS, DEMO_PARTNERS, DEMO_PLAN, DEMO_REWARDS, DEMO_STAMP_CARDS, seedDemo } from "../src/demo/seed.ts";

describe("the demo seed", () => {
  it("gives the demo program its catalog, member prices, rewards, partner perks, plan, referrals, stamp card and badges once; a rerun changes nothing", async () => {
    const database = await isolatedDatabase("app_demo_seed");
    const engine = await openEngineOwningDb({ databaseUrl: database.url });
    try {
      await seedDemo(engine, new Date());
      const first = await engine.program(DEMO_PROGRAM);
      if (!first.ok) throw new Error(first.error.message);
      expect(first.value.config.benefits.map((b) => b.id)).toEqual(DEMO_BENEFITS.map((b) => b.id));
      expect(first.value.config.rewards.map((r) => r.id)).toEqual(DEMO_REWARDS.map((r) => r.id));
      expect(first.value.config.partners.map((p) => p.key)).toEqual(DEMO_PARTNERS.map((p) => p.key));
      expect(first.value.config.plans.map((p) => p.key)).toEqual([DEMO_PLAN.key]);
      expect(first.value.config.referrals?.enabled).toBe(true);
      expect(first.value.config.campaigns.stampCards.map((c) => c.id)).toEqual(DEMO_STAMP_CARDS.map((c) => c.id));
      expect(first.value.config.campaigns.badges.map((b) => b.key)).toEqual(DEMO_BADGES.map((b) => b.key));
      const points = async () => {
        const m = await engine.member(DEMO_PROGRAM, DEMO_CUSTOMERS.grace, new Date());
        if (!m.ok) throw new Error(m.error.message);
        return m.value;
      };
      const before = JSON.stringify(await points());
      const pools = async () => {
        const r = await engine.partners.settlement({ program: DEMO_PROGRAM, from: new Date(0), to: new Date() });
        if (!r.ok) throw new Error(r.error.message);
        return r.value.map((p) => [p.partner, p.codesImported, p.codesLeft]);
      };
      expect(await pools()).toEqual([
        ["corner-cafe", 20, 20],
        ["lux-cinema", 0, 0],
      ]);
      expect(await countVariants(dbOf(engine), first.value.id)).toBe(DEMO_CATALOG.length);
      expect(DEMO_CATALOG).toHaveLength(50);
      expect(new Set(DEMO_CATALOG.map((p) => p.variantId)).size).toBe(50);

      await seedDemo(engine, new Date());
      const again = await engine.program(DEMO_PROGRAM);
      expect(again.ok && again.value.configVersion).toBe(first.value.configVersion);
      // The member's plan and coat orders are found applied: nothing earned twice.
      expect(JSON.stringify(await points())).toBe(before);
      expect(await pools()).toEqual([
        ["corner-cafe", 20, 20],
        ["lux-cinema", 0, 0],
      ]);
      expect(await countVariants(dbOf(engine), first.value.id)).toBe(DEMO_CATALOG.length);
    } finally {
      await engine.close();
      await database.drop();
    }
  });
});
