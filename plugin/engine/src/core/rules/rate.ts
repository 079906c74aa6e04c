import type { EarnRule, ProgramConfig } from "../config/schema.ts";
import type { CapUsage, LotBasis } from "../ledger/types.ts";
import { currencyExponent } from "../money.ts";
import { type AmountInput, amountFor, applyTierMultiplier, capLimited } from "./amount.ts";
import { conditionHolds, logicData } from "./condition.ts";
import { periodKey } from "./period.ts";
import { scheduleCovers } from "./schedule.ts";

export interface RatingContext {
  trigger: string;
  occurredAt: Date;
  tierKey: string;
  /** JsonLogic sees { event, member }. */
  data: { event: unknown; member: unknown };
  /** Eligible amount and basis for a rule; orders only (other triggers have none). */
  basisFor: (rule: EarnRule) => LotBasis;
  capUsage: Record<string, CapUsage>;
}

export interface RatedAward {
  rule: EarnRule;
  points: number;
  growth: number;
  basis: LotBasis;
  capKey: string | null;
}

/** Which rules fire for an event, and what each awards (deterministic: priority desc, then id). */
export function rate(config: ProgramConfig, ctx: RatingContext): RatedAward[] {
  const data = logicData(ctx.data);
  const matching = config.rules
    .filter((r) => r.enabled && r.trigger === ctx.trigger)
    .filter((r) => scheduleCovers(r.schedule, ctx.occurredAt, config.timezone))
    .filter((r) => conditionHolds(r.condition, data))
    .sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));

  const applied: EarnRule[] = [];
  for (const rule of matching) {
    applied.push(rule);
    if (rule.stacking === "exclusive") break;
  }

  const unit = 10 ** currencyExponent(config.currency);
  const input = (rule: EarnRule, basePerUnit: number): AmountInput => ({
    eligible: ctx.basisFor(rule).amount,
    unit,
    basePerUnit,
    rounding: config.rounding,
  });
  const perUnitBase = applied
    .filter((r) => r.reward.points && "perUnit" in r.reward.points)
    .reduce((sum, r) => sum + amountFor(r.reward.points, input(r, 0)), 0);
  const perUnitGrowthBase = applied
    .filter((r) => r.reward.growth && "perUnit" in r.reward.growth)
    .reduce((sum, r) => sum + amountFor(r.reward.growth, input(r, 0)), 0);

  const usage = { ...ctx.capUsage };
  const awards: RatedAward[] = [];
  for (const rule of applied) {
    let points = applyTierMultiplier(amountFor(rule.reward.points, input(rule, perUnitBase)), rule, ctx.tierKey, config.rounding);
    let growth = amountFor(rule.reward.growth, input(rule, perUnitGrowthBase));
    let capKey: string | null = null;
    if (rule.cap) {
      capKey = `${rule.id}|${periodKey(rule.cap.period, ctx.occurredAt, config.timezone)}`;
      const used = usage[capKey] ?? { points: 0, growth: 0 };
      points = capLimited(points, rule.cap.points, used.points);
      growth = capLimited(growth, rule.cap.growth, used.growth);
      usage[capKey] = { points: used.points + points, growth: used.growth + growth };
    }
    if (points > 0 || growth > 0) awards.push({ rule, points, growth, basis: ctx.basisFor(rule), capKey });
  }
  return awards;
}
