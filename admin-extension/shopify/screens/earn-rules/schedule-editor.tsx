import { BlockStack, Checkbox, InlineError, InlineStack, Text } from "@shopify/polaris";
import { useId } from "react";
import { issuesAt, issuesUnder, toggleWeekday, updateRule } from "../../../shared/config-edit.ts";
import type { EarnRule } from "../../../shared/program-config.ts";
import { formatScheduleDate, parseDaysOfMonth, parseScheduleDate, schedulePatch } from "../../../shared/schedule.ts";
import type { TabProps } from "../../../shared/tab-props.ts";
import { FormGrid } from "../program-form/form-grid.tsx";
import { ParsedField } from "../program-form/parsed-field.tsx";
import { TextInput } from "../program-form/text-input.tsx";

const weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** When a rule applies: a date range, days of the week and of the month, in a time zone. */
export function ScheduleEditor({ config, edit, issues, index }: TabProps & { index: number }) {
  const headingId = useId();
  const rule = config.rules[index] as EarnRule;
  const zone = rule.schedule?.timezone || config.timezone;
  const at = (...path: (string | number)[]) => issuesAt(issues, "rules", index, "schedule", ...path);
  const patch = (p: Parameters<typeof schedulePatch>[1]) => edit((c) => updateRule(c, index, schedulePatch(c.rules[index] as EarnRule, p)));
  const whole = at();
  const daysOfWeekIssues = issuesUnder(issues, "rules", index, "schedule", "daysOfWeek").map((i) => i.message);
  return (
    <section aria-labelledby={headingId}>
      <BlockStack gap="300">
        <Text as="h4" variant="headingSm" id={headingId}>
          Schedule
        </Text>
        <Text as="p" tone="subdued">
          Leave empty to apply the rule at any time. Dates start at midnight in the schedule's time zone ({zone ?? "UTC"}).
        </Text>
        {whole.length > 0 ? (
          <div role="alert">
            <InlineError message={whole.join(" ")} fieldID={headingId} />
          </div>
        ) : null}
        <FormGrid columns={3}>
          <ParsedField
            key={`from:${zone}`}
            label="From"
            type="date"
            value={rule.schedule?.from}
            format={(iso) => formatScheduleDate(iso, zone)}
            parse={(t) => parseScheduleDate(t, zone)}
            optional
            errors={at("from")}
            onChange={(from) => patch({ from })}
          />
          <ParsedField
            key={`to:${zone}`}
            label="Until (not included)"
            type="date"
            value={rule.schedule?.to}
            format={(iso) => formatScheduleDate(iso, zone)}
            parse={(t) => parseScheduleDate(t, zone)}
            optional
            errors={at("to")}
            onChange={(to) => patch({ to })}
          />
          <TextInput
            label="Time zone"
            value={rule.schedule?.timezone ?? ""}
            placeholder={config.timezone ?? "UTC"}
            helpText="An IANA zone like Europe/Paris; empty: the program's."
            errors={at("timezone")}
            onChange={(timezone) => patch({ timezone: timezone.trim() === "" ? undefined : timezone })}
          />
        </FormGrid>
        <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
          <legend>
            <Text as="span" fontWeight="medium">
              Days of the week
            </Text>
          </legend>
          <InlineStack gap="400">
            {weekdays.map((day, i) => (
              <Checkbox
                key={day}
                label={day}
                checked={rule.schedule?.daysOfWeek?.includes(i + 1) ?? false}
                onChange={(on) => edit((c) => updateRule(c, index, toggleWeekday(c.rules[index] as EarnRule, i + 1, on)))}
              />
            ))}
          </InlineStack>
          <Text as="p" tone="subdued">
            None checked: every day.
          </Text>
          {daysOfWeekIssues.length > 0 ? <InlineError message={daysOfWeekIssues.join(" ")} fieldID={`${headingId}-dow`} /> : null}
        </fieldset>
        <ParsedField
          label="Days of the month"
          value={rule.schedule?.daysOfMonth}
          format={(days) => days.join(", ")}
          parse={parseDaysOfMonth}
          optional
          placeholder="1, 15"
          helpText="Empty: every day of the month."
          errors={issuesUnder(issues, "rules", index, "schedule", "daysOfMonth").map((i) => i.message)}
          onChange={(days) => patch({ daysOfMonth: days })}
        />
      </BlockStack>
    </section>
  );
}
