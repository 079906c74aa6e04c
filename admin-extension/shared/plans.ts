import { uniqueKey } from "./config-edit.ts";
import { formatMoney } from "./money.ts";
import type { Plan, ProgramConfig } from "./program-config.ts";
import type { PlanStats } from "./types.ts";

/**
 * Paid membership plans in the program config: immutable edits, and the checks the engine makes
 * (plugin/engine/src/core/config/plans.ts) run in the browser first, so each field says what is
 * wrong before anything is sent. The engine still validates the whole config on save.
 */

export const PLAN_KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The engine's defaults for what a plan leaves out. */
export const PLAN_DEFAULTS = { graceDays: 7, onRefund: "immediately", reminderDays: 7 } as const;

export type PlanProductList = "productIds" | "variantIds" | "sellingPlanIds";

export function plansOf(config: ProgramConfig): Plan[] {
  return config.plans ?? [];
}

/** Appends an enabled monthly plan at no price and with no product: its fields say what it still needs. */
export function addPlan(config: ProgramConfig, name = "New plan"): ProgramConfig {
  const plans = plansOf(config);
  const plan: Plan = {
    key: uniqueKey(
      name,
      plans.map((p) => p.key),
    ),
    name,
    price: 0,
    period: "month",
    benefits: [],
    freeShipping: false,
    ...PLAN_DEFAULTS,
    products: { productIds: [], variantIds: [], sellingPlanIds: [] },
    enabled: true,
  };
  return { ...config, plans: [...plans, plan] };
}

/** Changes a plan; a patch value of `undefined` removes that field (no tier). */
export function updatePlan(config: ProgramConfig, index: number, patch: Partial<Plan>): ProgramConfig {
  const plans = plansOf(config);
  const before = plans[index];
  if (!before) throw new RangeError(`no plan at ${index}`);
  const merged = Object.fromEntries(Object.entries({ ...before, ...patch }).filter(([, v]) => v !== undefined)) as Plan;
  return { ...config, plans: plans.map((p, i) => (i === index ? merged : p)) };
}

export function updatePlanProducts(config: ProgramConfig, index: number, list: PlanProductList, ids: string[]): ProgramConfig {
  const plan = plansOf(config)[index];
  if (!plan) throw new RangeError(`no plan at ${index}`);
  return updatePlan(config, index, { products: { ...plan.products, [list]: ids } });
}

export function removePlan(config: ProgramConfig, index: number): ProgramConfig {
  return { ...config, plans: plansOf(config).filter((_, i) => i !== index) };
}

export function movePlan(config: ProgramConfig, from: number, to: number): ProgramConfig {
  const plans = [...plansOf(config)];
  const target = Math.max(0, Math.min(plans.length - 1, to));
  const [plan] = plans.splice(from, 1);
  if (plan) plans.splice(target, 0, plan);
  return { ...config, plans };
}

/** A plan's field errors (by field name: key, name, price, tier, benefits, graceDays, reminderDays, products). */
export type PlanErrors = Partial<
  Record<"key" | "name" | "price" | "tier" | "benefits" | "graceDays" | "reminderDays" | "products", string>
>;

const wholeIn = (n: unknown, min: number, max: number) => typeof n === "number" && Number.isInteger(n) && n >= min && n <= max;

/** What is wrong with the plan at `index` of `config`, field by field; an empty object when nothing is. */
export function planErrors(config: ProgramConfig, index: number): PlanErrors {
  const plans = plansOf(config);
  const plan = plans[index];
  if (!plan) return {};
  const errors: PlanErrors = {};
  if (!PLAN_KEY.test(plan.key)) errors.key = "Use lowercase letters, digits, - and _ (up to 64), starting with a letter or digit";
  else if (plans.some((p, i) => i !== index && p.key === plan.key)) errors.key = `Another plan already has the key ${plan.key}`;
  if (plan.name.trim() === "") errors.name = "Give the plan a name";
  else if (plan.name.length > 200) errors.name = "Use at most 200 characters";
  if (!wholeIn(plan.price, 0, Number.MAX_SAFE_INTEGER)) errors.price = "Enter the fee per period";
  if (plan.tier !== undefined && !config.tiers.some((t) => t.key === plan.tier)) errors.tier = `There is no tier ${plan.tier}`;
  const benefitIds = new Set((config.benefits ?? []).map((b) => b.id));
  const unknown = (plan.benefits ?? []).filter((b) => !benefitIds.has(b));
  if (unknown.length > 0) errors.benefits = `No member price with the id ${unknown.join(", ")}`;
  if (!wholeIn(plan.graceDays ?? PLAN_DEFAULTS.graceDays, 0, 365)) errors.graceDays = "Enter 0 to 365 days";
  if (!wholeIn(plan.reminderDays ?? PLAN_DEFAULTS.reminderDays, 0, 60)) errors.reminderDays = "Enter 0 to 60 days";
  const { productIds = [], variantIds = [], sellingPlanIds = [] } = plan.products;
  if (productIds.length + variantIds.length + sellingPlanIds.length === 0)
    errors.products = "Name the product, variant or selling plan that sells this plan";
  else if ([productIds, variantIds, sellingPlanIds].some((l) => l.length > 50)) errors.products = "At most 50 ids in each list";
  return errors;
}

/** Whether any plan of the config has a field error (the screens refuse to save then). */
export function plansHaveErrors(config: ProgramConfig): boolean {
  return plansOf(config).some((_, i) => Object.keys(planErrors(config, i)).length > 0);
}

/** "99.00 USD a year" as shoppers and owners read a plan's fee. */
export function planFee(plan: { price: number; period: string }, currency: string): string {
  return `${formatMoney(plan.price, currency)} a ${plan.period.toLowerCase() === "year" ? "year" : "month"}`;
}

/** Members who pay now (active, in grace or ending at period end). */
export function payingMembers(stats: Pick<PlanStats, "active" | "grace" | "ending">): number {
  return stats.active + stats.grace + stats.ending;
}

/** "2 of 3 paying members (67%)", "No paying members yet". */
export function valueShareText(exceeding: number, paying: number): string {
  if (paying === 0) return "No paying members yet";
  return `${exceeding} of ${paying} paying ${paying === 1 ? "member" : "members"} (${Math.round((exceeding / paying) * 100)}%)`;
}
