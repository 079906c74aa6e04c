import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/index.ts";
import { planProgram } from "../membership/support.ts";

const base = planProgram();
const plan = (base.plans ?? [])[0] as NonNullable<typeof base.plans>[number];

function issues(plans: unknown[]): string[] {
  const r = validateConfig({ ...base, plans });
  return r.ok ? [] : r.error.issues;
}

describe("plans in the program config", () => {
  it("accepts a plan whose tier and benefits exist", () => {
    expect(issues([plan])).toEqual([]);
  });

  it("refuses an unknown tier or benefit, a duplicate key, and a product, variant or selling plan in two plans", () => {
    expect(issues([{ ...plan, tier: "platinum", benefits: ["nope"] }])).toEqual([
      "plans.0.tier: unknown tier platinum",
      "plans.0.benefits.0: unknown benefit nope",
    ]);
    expect(issues([plan, { ...plan }])).toContain("plans: duplicate plan key plus");
    const other = { ...plan, key: "club", products: { productIds: ["plus-plan"], variantIds: ["v1"], sellingPlanIds: ["sp1"] } };
    const third = { ...plan, key: "trio", products: { productIds: [], variantIds: ["v1"], sellingPlanIds: ["sp1"] } };
    expect(issues([plan, other, third])).toEqual([
      "plans.1.products.productIds: product plus-plan is already in plan plus",
      "plans.2.products.variantIds: variant v1 is already in plan club",
      "plans.2.products.sellingPlanIds: selling plan sp1 is already in plan club",
    ]);
  });
});
