import type { EarnRule, ProgramConfig, Schedule } from "../config/schema.ts";
import { validateConfig } from "../config/validate.ts";
import { orderRating } from "../handlers/order-paid.ts";
import { currencyExponent } from "../money.ts";
import { type EngineError, err, ok, type Result } from "../result.ts";
import { conditionValue, logicData } from "../rules/condition.ts";
import { gatesOf, type RatedDetail, rateDetailed } from "../rules/rate.ts";
import { inZone } from "../time.ts";
import { type TrialInputError, trialEvent } from "./trial-order.ts";

export interface RuleTrialStep {
  check: "trigger" | "currency" | "schedule" | "condition" | "reward" | "tierMultiplier" | "cap";
  passed: boolean;
  detail: string;
}

export interface RuleTrial {
  applies: boolean;
  points: number;
  growth: number;
  steps: RuleTrialStep[];
}

export type TrialError = Extract<EngineError, { code: "InvalidConfig" }> | TrialInputError | { code: "UnknownTier"; message: string };

const DAYS = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/**
 * What ONE earn rule would give for a hypothetical order and a member of `tierKey` (default: the
 * lowest tier), computed by the earn path's own rating (a program with just this rule, no cap
 * usage yet). Pure: `now` stands in for an order without `at`. The member the condition sees has
 * the tier's threshold as growth, no tags and no birthday.
 */
export function tryRule(
  config: ProgramConfig,
  rawRule: unknown,
  rawOrder: unknown,
  tierKey: string | null,
  now: Date,
): Result<RuleTrial, TrialError> {
  const checked = validateConfig({ ...config, rules: [rawRule] });
  if (!checked.ok) {
    const issues = checked.error.issues.map((i) =>
      i
        .replace(/^rules\.0\.?/, "rule.")
        .replace(/^rule\.:/, "rule:")
        .replace(/^rules:/, "rule:"),
    );
    return err({ code: "InvalidConfig", message: `invalid rule: ${issues.join("; ")}`, issues });
  }
  const trial = checked.value;
  const rule = trial.rules[0] as EarnRule;
  const tier = tierKey === null ? trial.tiers[0] : trial.tiers.find((t) => t.key === tierKey);
  if (!tier) return { ok: false, error: { code: "UnknownTier", message: `tier ${tierKey} is not one of the program's tiers` } };
  const event = trialEvent(rawOrder, now);
  if (!event.ok) return event;
  const e = event.value;

  const member = { customerId: e.customerId, tier: tier.key, growth: tier.threshold, tags: [], birthday: null };
  const ctx = orderRating(e, tier.key, member, {});
  const data = logicData(ctx.data);
  const gates = gatesOf(rule, trial, ctx, data);
  const inCurrency = e.currency === trial.currency;
  const detail = rateDetailed(trial, ctx)[0];
  const applies = inCurrency && detail !== undefined && (detail.points > 0 || detail.growth > 0);
  const unit = currencyExponent(trial.currency);

  const steps: RuleTrialStep[] = [
    {
      check: "trigger",
      passed: gates.enabled && gates.trigger,
      detail: !gates.enabled
        ? "the rule is disabled: it gives nothing until enabled"
        : gates.trigger
          ? "the rule earns on order.paid"
          : `the rule earns on ${rule.trigger}, not on a paid order`,
    },
    {
      check: "currency",
      passed: inCurrency,
      detail: inCurrency
        ? `the order is in ${e.currency}, the program's currency`
        : `the order is in ${e.currency}, not the program's ${trial.currency}: it earns nothing`,
    },
    { check: "schedule", passed: gates.schedule, detail: scheduleDetail(rule.schedule, e.occurredAt, trial.timezone, gates.schedule) },
    {
      check: "condition",
      passed: gates.condition,
      detail:
        rule.condition && Object.keys(rule.condition).length > 0
          ? `${JSON.stringify(rule.condition)} gives ${JSON.stringify(conditionValue(rule.condition, data)) ?? "undefined"} over { event, member }`
          : "no condition",
    },
    rewardStep(rule, detail, unit),
    multiplierStep(rule, tier.key, tier.name, detail),
    capStep(rule, detail),
  ];
  return ok({ applies, points: applies ? (detail?.points ?? 0) : 0, growth: applies ? (detail?.growth ?? 0) : 0, steps });
}

function money(minor: number, exponent: number): string {
  if (exponent === 0) return String(minor);
  const unit = 10 ** exponent;
  return `${Math.floor(minor / unit)}.${String(minor % unit).padStart(exponent, "0")}`;
}

function scheduleDetail(s: Schedule | undefined, at: Date, programZone: string, covered: boolean): string {
  if (!s) return "no schedule: always on";
  const zone = s.timezone ?? programZone;
  const local = inZone(at, zone);
  const parts = [
    s.from || s.to ? `from ${s.from ?? "the start"} until ${s.to ?? "no end"}` : null,
    s.daysOfWeek ? `on ${s.daysOfWeek.map((d) => DAYS[d]).join(", ")}` : null,
    s.daysOfMonth ? `on days ${s.daysOfMonth.join(", ")} of the month` : null,
  ].filter((p) => p !== null);
  const when = `${local.toFormat("yyyy-MM-dd HH:mm")} ${DAYS[local.weekday]} (${zone})`;
  return `${parts.join(", ")}, in ${zone}; the order at ${when} is ${covered ? "inside" : "outside"} it`;
}

function rewardStep(rule: EarnRule, d: RatedDetail | undefined, exponent: number): RuleTrialStep {
  if (!d) return { check: "reward", passed: false, detail: "no reward: the rule does not apply to this order" };
  const eligible = `${money(d.basis.amount, exponent)} eligible${d.basis.lineIds ? ` (lines ${d.basis.lineIds.join(", ") || "none"})` : ""}`;
  const describe = (a: EarnRule["reward"]["points"], raw: number, what: string) => {
    if (!a) return null;
    if ("fixed" in a) return `${a.fixed} ${what}, fixed`;
    if ("perUnit" in a) return `${a.perUnit} ${what} per 1${exponent ? `.${"0".repeat(exponent)}` : ""} of ${eligible} = ${raw}`;
    return `×${a.multiplier} of the order's ${d.basePerUnit} per-unit points (${a.multiplier} − 1 times them) = ${raw} ${what}`;
  };
  const parts = [describe(rule.reward.points, d.rawPoints, "points"), describe(rule.reward.growth, d.rawGrowth, "growth")].filter(
    (p) => p !== null,
  );
  return { check: "reward", passed: d.rawPoints > 0 || d.rawGrowth > 0, detail: parts.join("; ") };
}

function multiplierStep(rule: EarnRule, tierKey: string, tierName: string, d: RatedDetail | undefined): RuleTrialStep {
  const factor = rule.tierMultipliers[tierKey];
  if (factor === undefined) return { check: "tierMultiplier", passed: true, detail: `no multiplier for ${tierName}` };
  const shown = d ? `: ${d.rawPoints} → ${d.multipliedPoints} points` : "";
  return { check: "tierMultiplier", passed: true, detail: `${tierName} ×${factor}${shown}` };
}

function capStep(rule: EarnRule, d: RatedDetail | undefined): RuleTrialStep {
  const cap = rule.cap;
  if (!cap) return { check: "cap", passed: true, detail: "no cap" };
  const limits = [cap.points !== undefined ? `${cap.points} points` : null, cap.growth !== undefined ? `${cap.growth} growth` : null]
    .filter((p) => p !== null)
    .join(" and ");
  const base = `at most ${limits || "no limit"} per member per ${cap.period}; a trial has no earlier usage`;
  if (!d) return { check: "cap", passed: true, detail: base };
  const cut = d.points < d.multipliedPoints || d.growth < d.rawGrowth;
  return {
    check: "cap",
    passed: d.points > 0 || d.growth > 0 || (d.multipliedPoints === 0 && d.rawGrowth === 0),
    detail: cut ? `${base}: it limits ${d.multipliedPoints} points to ${d.points}, ${d.rawGrowth} growth to ${d.growth}` : base,
  };
}
