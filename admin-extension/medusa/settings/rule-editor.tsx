import { Text } from "@medusajs/ui";
import { issuesAt, issuesUnder, setTierMultiplier, toggleWeekday, updateRule } from "../../shared/config-edit.ts";
import { parseFactor, parseWholeNumber } from "../../shared/parse.ts";
import type { EarnRule, Period } from "../../shared/program-config.ts";
import { triggerKind, triggerLabels } from "../../shared/rule-triggers.ts";
import { CheckboxField } from "../parts/checkbox-field.tsx";
import { ParsedInput } from "../parts/parsed-input.tsx";
import { SelectField } from "../parts/select-field.tsx";
import { TextField } from "../parts/text-field.tsx";
import { AmountEditor } from "./amount-editor.tsx";
import { ConditionBuilder } from "./condition-builder.tsx";
import type { TabProps } from "./tab-props.ts";

export { triggerKind, triggerLabels };

const weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const periods: { value: Period | "none"; label: string }[] = [
  { value: "none", label: "No cap" },
  { value: "day", label: "Per day" },
  { value: "week", label: "Per week" },
  { value: "month", label: "Per month" },
  { value: "year", label: "Per year" },
  { value: "lifetime", label: "Per lifetime" },
];

/** Every setting of one earn rule: trigger, reward, tier multipliers, schedule, cap and condition. */
export function RuleEditor({ config, edit, issues, index }: TabProps & { index: number }) {
  const rule = config.rules[index] as EarnRule;
  const patch = (p: Partial<EarnRule>) => edit((c) => updateRule(c, index, p));
  const at = (...path: (string | number)[]) => issuesAt(issues, "rules", index, ...path);
  const orderTrigger = rule.trigger === "order.paid";
  const kind = triggerKind(rule.trigger);
  const ruleIssues = at();
  const rewardIssues = at("reward");
  const conditionIssues = issuesUnder(issues, "rules", index, "condition").map((i) => i.message);

  return (
    <div className="flex flex-col gap-y-6">
      {ruleIssues.length > 0 ? (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {ruleIssues.join(" ")}
        </Text>
      ) : null}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextField label="Name" value={rule.name} errors={at("name")} onChange={(name) => patch({ name })} />
        <TextField
          label="Rule ID"
          value={rule.id}
          hint="Lowercase letters, digits, - and _."
          errors={at("id")}
          onChange={(id) => patch({ id })}
        />
        <SelectField
          label="Trigger"
          value={kind}
          options={Object.entries(triggerLabels).map(([value, label]) => ({ value, label }))}
          errors={at("trigger")}
          onChange={(next) => patch({ trigger: next === "custom" ? "custom:review.created" : next })}
        />
        {kind === "custom" ? (
          <TextField
            label="Event name"
            value={rule.trigger.slice("custom:".length)}
            hint="The name your system sends, e.g. review.created."
            onChange={(name) => patch({ trigger: `custom:${name}` })}
          />
        ) : null}
      </div>

      <section className="flex flex-col gap-y-3" aria-label="Reward">
        <Text size="small" weight="plus">
          Reward
        </Text>
        {rewardIssues.length > 0 ? (
          <Text size="small" className="text-ui-fg-error" role="alert">
            {rewardIssues.join(" ")}
          </Text>
        ) : null}
        <AmountEditor
          noun="Points"
          amount={rule.reward.points}
          currency={config.currency}
          orderTrigger={orderTrigger}
          errors={issuesUnder(issues, "rules", index, "reward", "points").map((i) => i.message)}
          onChange={(points) => patch({ reward: withoutEmpty({ ...rule.reward, points }) })}
        />
        <AmountEditor
          noun="Growth"
          amount={rule.reward.growth}
          currency={config.currency}
          orderTrigger={orderTrigger}
          errors={issuesUnder(issues, "rules", index, "reward", "growth").map((i) => i.message)}
          onChange={(growth) => patch({ reward: withoutEmpty({ ...rule.reward, growth }) })}
        />
      </section>

      <section className="flex flex-col gap-y-3" aria-label="Tier multipliers">
        <Text size="small" weight="plus">
          Tier multipliers
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          Multiply this rule's points for members of a tier (e.g. 1.5). Leave empty for no multiplier.
        </Text>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
          {config.tiers.map((tier) => (
            <ParsedInput
              key={tier.key}
              label={`${tier.name} multiplier`}
              value={rule.tierMultipliers?.[tier.key]}
              format={String}
              parse={parseFactor}
              optional
              inputMode="decimal"
              errors={at("tierMultipliers", tier.key)}
              onChange={(factor) => edit((c) => updateRule(c, index, setTierMultiplier(c.rules[index] as EarnRule, tier.key, factor)))}
            />
          ))}
        </div>
      </section>

      <fieldset className="flex flex-col gap-y-3">
        <legend className="txt-compact-small-plus mb-2">Days of the week</legend>
        <Text size="small" className="text-ui-fg-subtle">
          The rule applies only on the checked days (in the program's time zone). None checked: every day.
        </Text>
        <div className="flex flex-wrap gap-4">
          {weekdays.map((day, i) => (
            <CheckboxField
              key={day}
              label={day}
              checked={rule.schedule?.daysOfWeek?.includes(i + 1) ?? false}
              onChange={(on) => edit((c) => updateRule(c, index, toggleWeekday(c.rules[index] as EarnRule, i + 1, on)))}
            />
          ))}
        </div>
        {issuesUnder(issues, "rules", index, "schedule").length > 0 ? (
          <Text size="small" className="text-ui-fg-error" role="alert">
            {issuesUnder(issues, "rules", index, "schedule")
              .map((i) => i.message)
              .join(" ")}
          </Text>
        ) : null}
      </fieldset>

      <section className="grid grid-cols-1 gap-4 md:grid-cols-3" aria-label="Cap">
        <SelectField
          label="Cap per member"
          value={rule.cap?.period ?? "none"}
          options={periods}
          errors={at("cap", "period")}
          onChange={(period) => patch({ cap: period === "none" ? undefined : { ...rule.cap, period: period as Period } })}
        />
        {rule.cap ? (
          <>
            <ParsedInput
              label="Most points"
              value={rule.cap.points}
              format={String}
              parse={parseWholeNumber}
              optional
              inputMode="numeric"
              errors={at("cap", "points")}
              onChange={(points) => patch({ cap: withoutEmpty({ ...(rule.cap as NonNullable<EarnRule["cap"]>), points }) })}
            />
            <ParsedInput
              label="Most growth"
              value={rule.cap.growth}
              format={String}
              parse={parseWholeNumber}
              optional
              inputMode="numeric"
              errors={at("cap", "growth")}
              onChange={(growth) => patch({ cap: withoutEmpty({ ...(rule.cap as NonNullable<EarnRule["cap"]>), growth }) })}
            />
          </>
        ) : null}
      </section>

      <ConditionBuilder
        key={`${rule.id}:${rule.trigger}`}
        condition={rule.condition}
        context={{ currency: config.currency, tiers: config.tiers, trigger: rule.trigger }}
        errors={conditionIssues}
        onChange={(condition) => patch({ condition })}
      />
    </div>
  );
}

function withoutEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
