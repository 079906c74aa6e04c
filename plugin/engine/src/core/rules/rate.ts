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

/** How one applied rule's award was reached, step by step (what a rule trial shows). */
export interface RatedDetail extends RatedAward {
  /** Points per-unit rules of the same event give together, before multipliers (what a multiplier reward multiplies). */
  basePerUnit: number;
  /** The reward's points before the tier multiplier and the cap. */
  rawPoints: number;
  /** After the tier multiplier, before the cap. */
  multipliedPoints: number;
  rawGrowth: number;
}

/** Whether each of a rule's gates lets an event through (all must). */
export interface RuleGates {
  enabled: boolean;
  trigger: boolean;
  schedule: boolean;
  condition: boolean;
}

/**
 * Every gate of a rule for an event, each evaluated (a trial shows them all); `data` is the
 * JsonLogic view (logicData of the context's data). The earn path asks `opens`, which stops at the
 * first closed gate.
 */
export function gatesOf(rule: EarnRule, config: ProgramConfig, ctx: RatingContext, data: unknown): RuleGates {
  return {
    enabled: rule.enabled,
    trigger: rule.trigger === ctx.trigger,
    schedule: scheduleCovers(rule.schedule, ctx.occurredAt, config.timezone),
    condition: conditionHolds(rule.condition, data),
  };
}

function opens(rule: EarnRule, config: ProgramConfig, ctx: RatingContext, data: unknown): boolean {
  return (
    rule.enabled &&
    rule.trigger === ctx.trigger &&
    scheduleCovers(rule.schedule, ctx.occurredAt, config.timezone) &&
    conditionHolds(rule.condition, data)
  );
}

/** Which rules fire for an event, and what each awards (deterministic: priority desc, then id). */
export function rate(config: ProgramConfig, ctx: RatingContext): RatedAward[] {
  return rateDetailed(config, ctx).filter((a) => a.points > 0 || a.growth !== 0);
}

/** rate() with every applied rule's working, zero awards included. */
export function rateDetailed(config: ProgramConfig, ctx: RatingContext): RatedDetail[] {
  const data = logicData(ctx.data);
  const matching = config.rules
    .filter((r) => opens(r, config, ctx, data))
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
  const awards: RatedDetail[] = [];
  for (const rule of applied) {
    const rawPoints = amountFor(rule.reward.points, input(rule, perUnitBase));
    const multipliedPoints = applyTierMultiplier(rawPoints, rule, ctx.tierKey, config.rounding);
    const rawGrowth = amountFor(rule.reward.growth, input(rule, perUnitGrowthBase));
    let points = multipliedPoints;
    let growth = rawGrowth;
    let capKey: string | null = null;
    if (rule.cap) {
      capKey = `${rule.id}|${periodKey(rule.cap.period, ctx.occurredAt, config.timezone)}`;
      const used = usage[capKey] ?? { points: 0, growth: 0 };
      points = capLimited(points, rule.cap.points, used.points);
      // A cap limits what is earned; a deduction is never capped.
      if (growth > 0) growth = capLimited(growth, rule.cap.growth, used.growth);
      usage[capKey] = { points: used.points + points, growth: used.growth + Math.max(0, growth) };
    }
    awards.push({
      rule,
      points,
      growth,
      basis: ctx.basisFor(rule),
      capKey,
      basePerUnit: perUnitBase,
      rawPoints,
      multipliedPoints,
      rawGrowth,
    });
  }
  return awards;
}
