import { Text } from "@medusajs/ui";
import { issuesAt, minorToDecimal } from "../../shared/config-edit.ts";
import {
  basicsOf,
  basicsProblems,
  type ExpiryPolicy,
  expiryOfKind,
  parseWholeInRange,
  type QualificationWindow,
  updateBasics,
  windowOfKind,
} from "../../shared/program-basics.ts";
import { CheckboxField } from "../parts/checkbox-field.tsx";
import { MoneyInput } from "../parts/money-input.tsx";
import { ParsedInput } from "../parts/parsed-input.tsx";
import { SelectField } from "../parts/select-field.tsx";
import { TextField } from "../parts/text-field.tsx";
import { useReportInvalid } from "../parts/validity.tsx";
import type { TabProps } from "./tab-props.ts";

const formatWhole = (n: number) => String(n);
const positive = parseWholeInRange(1, 1_000_000_000);
const pendingDays = parseWholeInRange(0, 365);
const graceDays = parseWholeInRange(0, 3650);
const expiryDays = parseWholeInRange(1, 3650);
const windowMonths = parseWholeInRange(1, 120);

const expiryOptions = [
  { value: "none", label: "Points never expire" },
  { value: "afterEarn", label: "A fixed time after they are earned" },
  { value: "inactivity", label: "After a time without activity" },
];

const windowOptions = [
  { value: "lifetime", label: "Lifetime: all growth ever earned" },
  { value: "rolling", label: "Rolling: the last months" },
  { value: "calendarYear", label: "Calendar year: resets every January" },
];

/** The program's basics: its name, time zone, what a point is worth, when points mature and expire, and how tiers qualify. */
export function ProgramTab({ config, edit, issues }: TabProps) {
  const basics = basicsOf(config);
  const problems = basicsProblems(basics);
  useReportInvalid(problems.name !== undefined || problems.timezone !== undefined);
  const set = (change: Parameters<typeof updateBasics>[1]) => edit((c) => updateBasics(c, change));
  const { expiry, window } = basics;
  const worth = minorToDecimal(basics.pointValue.money, config.currency);

  return (
    <div className="flex flex-col gap-y-6">
      <Text size="small" className="text-ui-fg-subtle">
        These apply to the whole program. Changes take effect for new activity once saved.
      </Text>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextField
          label="Program name"
          value={basics.name}
          hint="Members see it in the storefront."
          errors={problems.name ? [problems.name] : issuesAt(issues, "name")}
          onChange={(name) => set({ name })}
        />
        <TextField
          label="Time zone"
          value={basics.timezone}
          placeholder="Europe/Paris"
          hint="Days, weeks and calendar years are counted in it (an IANA name)."
          errors={problems.timezone ? [problems.timezone] : issuesAt(issues, "timezone")}
          onChange={(timezone) => set({ timezone })}
        />
      </div>
      <fieldset className="flex flex-col gap-y-2">
        <legend className="txt-compact-small-plus mb-2">Point value</legend>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <ParsedInput
            label="Points"
            value={basics.pointValue.points}
            format={formatWhole}
            parse={positive}
            inputMode="numeric"
            errors={issuesAt(issues, "pointValue", "points")}
            onChange={(points) => points !== undefined && set({ pointValue: { ...basics.pointValue, points } })}
          />
          <MoneyInput
            label="Are worth"
            value={basics.pointValue.money}
            currency={config.currency}
            errors={issuesAt(issues, "pointValue", "money")}
            onChange={(money) => set({ pointValue: { ...basics.pointValue, money } })}
          />
        </div>
        <Text size="small" className="text-ui-fg-subtle" aria-live="polite">
          {basics.pointValue.points} points are worth {worth} {config.currency}.
        </Text>
      </fieldset>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <ParsedInput
          label="Pending days"
          value={basics.pendingDays}
          format={formatWhole}
          parse={pendingDays}
          inputMode="numeric"
          hint="Earned points wait this long (your return window) before they can be spent. 0 to 365."
          errors={issuesAt(issues, "pendingDays")}
          onChange={(days) => days !== undefined && set({ pendingDays: days })}
        />
        <ParsedInput
          label="Grace days"
          value={basics.graceDays}
          format={formatWhole}
          parse={graceDays}
          inputMode="numeric"
          hint="A member who falls below their tier keeps it this long. 0 to 3650."
          errors={issuesAt(issues, "tierPolicy", "graceDays")}
          onChange={(days) => days !== undefined && set({ graceDays: days })}
        />
      </div>
      <fieldset className="flex flex-col gap-y-4">
        <legend className="txt-compact-small-plus mb-2">Expiry</legend>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <SelectField
            label="Points expire"
            value={expiry.kind}
            options={expiryOptions}
            errors={issuesAt(issues, "expiry", "kind")}
            onChange={(kind) => set({ expiry: expiryOfKind(expiry, kind as ExpiryPolicy["kind"]) })}
          />
          {expiry.kind === "none" ? null : (
            <ParsedInput
              label={expiry.kind === "afterEarn" ? "Days after earning" : "Days without activity"}
              value={expiry.days}
              format={formatWhole}
              parse={expiryDays}
              inputMode="numeric"
              hint={expiry.kind === "afterEarn" ? "Longer than the pending days." : "Any earning or spending restarts the count."}
              errors={issuesAt(issues, "expiry", "days")}
              onChange={(days) => days !== undefined && set({ expiry: { ...expiry, days } })}
            />
          )}
        </div>
        {expiry.kind === "afterEarn" ? (
          <CheckboxField
            label="Round to the end of the month"
            checked={expiry.roundToMonthEnd === true}
            onChange={(roundToMonthEnd) => set({ expiry: { ...expiry, roundToMonthEnd } })}
          />
        ) : null}
      </fieldset>
      <fieldset className="flex flex-col gap-y-4">
        <legend className="txt-compact-small-plus mb-2">Tier qualification</legend>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <SelectField
            label="Qualification window"
            value={window.kind}
            options={windowOptions}
            hint="The growth that counts towards a tier."
            errors={issuesAt(issues, "growth", "window", "kind")}
            onChange={(kind) => set({ window: windowOfKind(window, kind as QualificationWindow["kind"]) })}
          />
          {window.kind === "rolling" ? (
            <ParsedInput
              label="Months"
              value={window.months}
              format={formatWhole}
              parse={windowMonths}
              inputMode="numeric"
              hint="1 to 120."
              errors={issuesAt(issues, "growth", "window", "months")}
              onChange={(months) => months !== undefined && set({ window: { kind: "rolling", months } })}
            />
          ) : null}
        </div>
      </fieldset>
    </div>
  );
}
