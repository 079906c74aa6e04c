import type { Amount, EarnRule } from "../config/schema.ts";
import { divide, type Rounding, toHundredths } from "../money.ts";

export interface AmountInput {
  /** Eligible merchandise, minor units. */
  eligible: number;
  /** 10^exponent of the currency: minor units in one whole unit. */
  unit: number;
  /** Σ per-unit points of the order before multipliers, for multiplier rewards. */
  basePerUnit: number;
  rounding: Rounding;
}

/** Raw award of one reward part, before tier multipliers and caps. */
export function amountFor(amount: Amount | undefined, input: AmountInput): number {
  if (!amount) return 0;
  if ("fixed" in amount) return amount.fixed;
  if ("perUnit" in amount) return divide(input.eligible * toHundredths(amount.perUnit), input.unit * 100, input.rounding);
  return divide(input.basePerUnit * (toHundredths(amount.multiplier) - 100), 100, input.rounding);
}

export function applyTierMultiplier(points: number, rule: EarnRule, tierKey: string, rounding: Rounding): number {
  const factor = rule.tierMultipliers[tierKey];
  if (factor === undefined || points === 0) return points;
  return divide(points * toHundredths(factor), 100, rounding);
}

export function capLimited(award: number, cap: number | undefined, used: number): number {
  if (cap === undefined) return award;
  return Math.max(0, Math.min(award, cap - used));
}
