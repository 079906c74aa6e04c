import { Button, Heading, Input, StatusBadge, Text } from "@medusajs/ui";
import { DateTime } from "luxon";
import { type FormEvent, useId, useState } from "react";
import type { EarnRule, ProgramConfig } from "../../shared/program-config.ts";
import { useTryRule } from "../../shared/screen-hooks.ts";
import { buildTrialOrder } from "../../shared/trial-order.ts";
import { ApiErrorAlert } from "../parts/api-error.tsx";
import { Field } from "../parts/field.tsx";
import { formatNumber } from "../parts/format.ts";
import { SelectField } from "../parts/select-field.tsx";

const checkNames: Record<string, string> = {
  trigger: "Trigger",
  currency: "Currency",
  condition: "Condition",
  schedule: "Schedule",
  cap: "Cap",
  reward: "Reward",
  tierMultiplier: "Tier multiplier",
};

/**
 * Tries the rule as edited (saved or not) on an order the owner describes: the engine answers the
 * points and growth it would give and every check it made, passed or failed, with why.
 */
export function RuleTryOut({ rule, config }: { rule: EarnRule; config: ProgramConfig }) {
  const headingId = useId();
  const trial = useTryRule();
  const zone = config.timezone ?? "UTC";
  const [subtotal, setSubtotal] = useState("");
  const [currency, setCurrency] = useState(config.currency);
  const [tier, setTier] = useState(config.tiers[0]?.key ?? "");
  const [day, setDay] = useState(() => DateTime.now().setZone(zone).toISODate() ?? "");
  const [checked, setChecked] = useState(false);

  // Noon of the chosen day in the program's time zone: the same day wherever the owner sits.
  const built = buildTrialOrder({ subtotal, currency, at: day ? `${day}T12:00` : "", lines: [] }, zone);
  const problems = checked && !built.ok ? built.errors : {};
  const errors = {
    subtotal: problems.subtotal ? [problems.subtotal] : [],
    currency: problems.currency ? [problems.currency] : [],
    day: problems.at ? ["Choose the order's date"] : [],
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    event.stopPropagation();
    setChecked(true);
    if (!built.ok) return;
    trial.mutate({ rule, order: built.order, tier: tier || null });
  }

  const result = trial.data;
  return (
    <form
      className="flex flex-col gap-y-3 rounded-lg border border-ui-border-base p-4"
      aria-labelledby={headingId}
      onSubmit={submit}
      noValidate
    >
      <div className="flex flex-col gap-y-1">
        <Heading level="h3" id={headingId}>
          Try this rule
        </Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Describe an order to see what this rule, as edited, would give. Nothing is saved.
        </Text>
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-4">
        <Field label="Order subtotal" errors={errors.subtotal}>
          {(control) => (
            <Input
              {...control}
              name="trial-subtotal"
              inputMode="decimal"
              placeholder="120.00"
              value={subtotal}
              onChange={(e) => setSubtotal(e.target.value)}
            />
          )}
        </Field>
        <Field label="Order currency" errors={errors.currency}>
          {(control) => (
            <Input
              {...control}
              name="trial-currency"
              autoComplete="off"
              value={currency}
              onChange={(e) => setCurrency(e.target.value.toUpperCase())}
            />
          )}
        </Field>
        <SelectField
          label="Member's tier"
          value={tier}
          options={config.tiers.map((t) => ({ value: t.key, label: t.name || t.key }))}
          onChange={setTier}
        />
        <Field label="Order date" errors={errors.day}>
          {(control) => <Input {...control} type="date" name="trial-date" value={day} onChange={(e) => setDay(e.target.value)} />}
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" size="small" variant="secondary" isLoading={trial.isPending}>
          Try rule
        </Button>
      </div>
      {trial.isError ? <ApiErrorAlert error={trial.error} title="The rule could not be tried." /> : null}
      {result ? (
        <div className="flex flex-col gap-y-2" aria-live="polite" data-rule-trial="">
          <Text size="small" weight="plus">
            {result.applies
              ? `This order would earn ${formatNumber(result.points)} points and ${formatNumber(result.growth)} growth.`
              : "This rule would give nothing for this order."}
          </Text>
          <ul className="flex flex-col gap-y-1" aria-label="Checks the engine made">
            {result.steps.map((step, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one answer's steps, replaced whole
              <li key={i} className="flex items-start gap-x-2">
                <StatusBadge color={step.passed ? "green" : "red"} className="shrink-0">
                  {step.passed ? "Passed" : "Failed"}
                </StatusBadge>
                <Text size="small" className="[overflow-wrap:anywhere]">
                  <span className="font-medium">{checkNames[step.check] ?? step.check}</span>: {step.detail}
                </Text>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
