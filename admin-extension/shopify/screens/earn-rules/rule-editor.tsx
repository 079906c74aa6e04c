import { BlockStack, Divider, InlineError, Text } from "@shopify/polaris";
import { issuesAt, issuesUnder, setTierMultiplier, updateRule } from "../../../shared/config-edit.ts";
import { parseFactor, parseWholeNumber } from "../../../shared/parse.ts";
import type { EarnRule, Period } from "../../../shared/program-config.ts";
import { triggerKind, triggerLabels } from "../../../shared/rule-triggers.ts";
import type { TabProps } from "../../../shared/tab-props.ts";
import { FormGrid } from "../program-form/form-grid.tsx";
import { ParsedField } from "../program-form/parsed-field.tsx";
import { SelectInput } from "../program-form/select-input.tsx";
import { TextInput } from "../program-form/text-input.tsx";
import { AmountEditor } from "./amount-editor.tsx";
import { ConditionBuilder } from "./condition-builder.tsx";
import { ScheduleEditor } from "./schedule-editor.tsx";
import { TryRulePanel } from "./try-rule-panel.tsx";

const periods: { value: Period | "none"; label: string }[] = [
  { value: "none", label: "No cap" },
  { value: "day", label: "Per day" },
  { value: "week", label: "Per week" },
  { value: "month", label: "Per month" },
  { value: "year", label: "Per year" },
  { value: "lifetime", label: "Per lifetime" },
];

const stackings = [
  { value: "stack", label: "Stacks with other rules" },
  { value: "exclusive", label: "Exclusive: stops lower-priority rules" },
];

function withoutEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const parseInteger = (text: string) => {
  const t = text.trim();
  return /^-?\d+$/.test(t) && Number.isSafeInteger(Number(t))
    ? { ok: true as const, value: Number(t) }
    : { ok: false as const, message: "Enter a whole number, like 10 or -5" };
};

/** Every setting of one earn rule, and a panel that tries it (as edited, unsaved) on an order. */
export function RuleEditor(props: TabProps & { index: number }) {
  const { config, edit, issues, index } = props;
  const rule = config.rules[index] as EarnRule;
  const patch = (p: Partial<EarnRule>) => edit((c) => updateRule(c, index, p));
  const at = (...path: (string | number)[]) => issuesAt(issues, "rules", index, ...path);
  const orderTrigger = rule.trigger === "order.paid";
  const kind = triggerKind(rule.trigger);
  const ruleIssues = at();
  const rewardIssues = at("reward");
  return (
    <BlockStack gap="500">
      {ruleIssues.length > 0 ? (
        <div role="alert">
          <InlineError message={ruleIssues.join(" ")} fieldID={`rule-${index}`} />
        </div>
      ) : null}
      <FormGrid>
        <TextInput label="Name" value={rule.name} errors={at("name")} onChange={(name) => patch({ name })} />
        <TextInput
          label="Rule ID"
          value={rule.id}
          helpText="Lowercase letters, digits, - and _."
          errors={at("id")}
          onChange={(id) => patch({ id })}
        />
        <SelectInput
          label="Trigger"
          value={kind}
          options={Object.entries(triggerLabels).map(([value, label]) => ({ value, label }))}
          errors={kind === "custom" ? [] : at("trigger")}
          onChange={(next) => patch({ trigger: next === "custom" ? "custom:review.created" : next })}
        />
        {kind === "custom" ? (
          <TextInput
            label="Event name"
            value={rule.trigger.slice("custom:".length)}
            helpText="The name your system sends, e.g. review.created."
            errors={at("trigger")}
            onChange={(name) => patch({ trigger: `custom:${name}` })}
          />
        ) : null}
      </FormGrid>

      <BlockStack gap="300">
        <Text as="h4" variant="headingSm">
          Reward
        </Text>
        {rewardIssues.length > 0 ? (
          <div role="alert">
            <InlineError message={rewardIssues.join(" ")} fieldID={`rule-${index}-reward`} />
          </div>
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
      </BlockStack>

      <BlockStack gap="300">
        <Text as="h4" variant="headingSm">
          Tier multipliers
        </Text>
        <Text as="p" tone="subdued">
          Multiply this rule's points for members of a tier (e.g. 1.5). Leave empty for no multiplier.
        </Text>
        <FormGrid columns={3}>
          {config.tiers.map((tier) => (
            <ParsedField
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
        </FormGrid>
      </BlockStack>

      <BlockStack gap="300">
        <Text as="h4" variant="headingSm">
          Cap per member
        </Text>
        <FormGrid columns={3}>
          <SelectInput
            label="Cap period"
            value={rule.cap?.period ?? "none"}
            options={periods}
            errors={at("cap", "period")}
            onChange={(period) => patch({ cap: period === "none" ? undefined : { ...rule.cap, period: period as Period } })}
          />
          {rule.cap ? (
            <>
              <ParsedField
                label="Most points"
                value={rule.cap.points}
                format={String}
                parse={parseWholeNumber}
                optional
                inputMode="numeric"
                errors={at("cap", "points")}
                onChange={(points) => patch({ cap: withoutEmpty({ ...(rule.cap as NonNullable<EarnRule["cap"]>), points }) })}
              />
              <ParsedField
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
        </FormGrid>
      </BlockStack>

      <BlockStack gap="300">
        <Text as="h4" variant="headingSm">
          Priority and stacking
        </Text>
        <FormGrid>
          <ParsedField
            label="Priority"
            value={rule.priority}
            format={String}
            parse={parseInteger}
            optional
            inputMode="numeric"
            placeholder="0"
            helpText="Higher runs first. Empty: 0."
            errors={at("priority")}
            onChange={(priority) => patch({ priority })}
          />
          <SelectInput
            label="Stacking"
            value={rule.stacking ?? "stack"}
            options={stackings}
            errors={at("stacking")}
            onChange={(stacking) => patch({ stacking: stacking as EarnRule["stacking"] })}
          />
        </FormGrid>
      </BlockStack>

      <ScheduleEditor {...props} />

      <ConditionBuilder
        key={`${rule.id}:${rule.trigger}`}
        condition={rule.condition}
        context={{ currency: config.currency, tiers: config.tiers, trigger: rule.trigger }}
        errors={issuesUnder(issues, "rules", index, "condition").map((i) => i.message)}
        onChange={(condition) => patch({ condition })}
      />

      <Divider />
      <TryRulePanel rule={rule} config={config} />
    </BlockStack>
  );
}
