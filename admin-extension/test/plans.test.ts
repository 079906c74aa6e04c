import { validateConfig } from "@kinship/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { benefits, programConfig } from "../../test/support/program-fixture.ts";
import { updateTier } from "../shared/config-edit.ts";
import {
  addPlan,
  movePlan,
  payingMembers,
  planErrors,
  planFee,
  plansHaveErrors,
  removePlan,
  updatePlan,
  updatePlanProducts,
  valueShareText,
} from "../shared/plans.ts";
import type { Plan, ProgramConfig } from "../shared/program-config.ts";

function base(): ProgramConfig {
  const parsed = validateConfig(programConfig({ benefits: [benefits.membersFivePercent] }));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value as unknown as ProgramConfig;
}

const gold: Partial<Plan> = { name: "Gold club", key: "gold-club", price: 9900, period: "year", tier: "gold" };

describe("editing paid membership plans", () => {
  it("a new plan needs a product before the engine takes it; with one it saves as typed", () => {
    const added = addPlan(base());
    expect(added.plans?.[0]).toMatchObject({ key: "new-plan", price: 0, period: "month", graceDays: 7, enabled: true });
    expect(planErrors(added, 0).products).toBe("Name the product, variant or selling plan that sells this plan");
    expect(validateConfig(added).ok).toBe(false);

    const filled = updatePlanProducts(updatePlan(added, 0, gold), 0, "productIds", ["gid://shopify/Product/1"]);
    expect(planErrors(filled, 0)).toEqual({});
    const parsed = validateConfig(filled);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.value.plans[0]).toMatchObject({ key: "gold-club", price: 9900, tier: "gold" });
  });

  it("each field says what is wrong: key, name, tier, benefits, grace and reminder days, a duplicate key", () => {
    let config = updatePlanProducts(updatePlan(addPlan(addPlan(base())), 0, gold), 0, "variantIds", ["v1"]);
    config = updatePlanProducts(updatePlan(config, 1, { key: "gold-club" }), 1, "sellingPlanIds", ["sp1"]);
    expect(planErrors(config, 1).key).toBe("Another plan already has the key gold-club");
    config = updatePlan(config, 0, { key: "Gold Club", name: " ", tier: "platinum", benefits: ["nope"], graceDays: 400, reminderDays: 61 });
    expect(planErrors(config, 0)).toEqual({
      key: "Use lowercase letters, digits, - and _ (up to 64), starting with a letter or digit",
      name: "Give the plan a name",
      tier: "There is no tier platinum",
      benefits: "No member price with the id nope",
      graceDays: "Enter 0 to 365 days",
      reminderDays: "Enter 0 to 60 days",
    });
    expect(plansHaveErrors(config)).toBe(true);
    expect(planErrors(updatePlan(config, 0, { benefits: ["members-5"] }), 0).benefits).toBeUndefined();
  });

  it("removing the tier field (benefits only) and disabling a plan keep it valid; renaming the tier follows into the plan", () => {
    let config = updatePlanProducts(updatePlan(addPlan(base()), 0, gold), 0, "productIds", ["p1"]);
    config = updatePlan(config, 0, { tier: undefined, enabled: false });
    expect("tier" in (config.plans?.[0] ?? {})).toBe(false);
    expect(validateConfig(config).ok).toBe(true);
    const renamed = updateTier(updatePlan(config, 0, { tier: "gold" }), 2, { key: "vip" });
    expect(renamed.plans?.[0]?.tier).toBe("vip");
  });

  it("moves and removes plans without touching the input", () => {
    const config = Object.freeze(addPlan(addPlan(base(), "Monthly"), "Yearly"));
    expect(movePlan(config, 1, 0).plans?.map((p) => p.key)).toEqual(["yearly", "monthly"]);
    expect(removePlan(config, 0).plans?.map((p) => p.key)).toEqual(["yearly"]);
    expect(config.plans?.map((p) => p.key)).toEqual(["monthly", "yearly"]);
  });

  it("a plan with no field error is always accepted by the engine (property)", () => {
    const id = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,10}$/);
    fc.assert(
      fc.property(
        fc.record({
          key: fc.oneof(id, fc.string({ maxLength: 8 })),
          name: fc.string({ maxLength: 12 }),
          price: fc.nat({ max: 1_000_000 }),
          period: fc.constantFrom("month" as const, "year" as const),
          tier: fc.option(fc.constantFrom("member", "silver", "gold", "platinum"), { nil: undefined }),
          graceDays: fc.integer({ min: -2, max: 400 }),
          reminderDays: fc.integer({ min: -2, max: 70 }),
          onRefund: fc.constantFrom("immediately" as const, "periodEnd" as const),
          freeShipping: fc.boolean(),
          productIds: fc.array(id, { maxLength: 2 }),
          variantIds: fc.array(id, { maxLength: 2 }),
        }),
        ({ productIds, variantIds, ...fields }) => {
          const config = updatePlan(addPlan(base()), 0, { ...fields, products: { productIds, variantIds, sellingPlanIds: [] } });
          if (Object.keys(planErrors(config, 0)).length === 0) expect(validateConfig(config).ok).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("plan figures", () => {
  it("fee, paying members and the share whose value exceeds the fee", () => {
    expect(planFee({ price: 9900, period: "YEAR" }, "USD")).toBe("$99.00 a year");
    expect(planFee({ price: 500, period: "month" }, "JPY")).toBe("¥500 a month");
    expect(payingMembers({ active: 3, grace: 1, ending: 2 })).toBe(6);
    expect(valueShareText(4, 6)).toBe("4 of 6 paying members (67%)");
    expect(valueShareText(0, 1)).toBe("0 of 1 paying member (0%)");
    expect(valueShareText(0, 0)).toBe("No paying members yet");
  });
});
