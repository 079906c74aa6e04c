import { BlockStack, Card, Checkbox, Text } from "@shopify/polaris";
import { issuesAt } from "../../../shared/config-edit.ts";
import { parsePercent, parseWholeNumber } from "../../../shared/parse.ts";
import type { Period, RewardKind } from "../../../shared/program-config.ts";
import { referralErrors, referralSettings, updateReferrals } from "../../../shared/referrals.ts";
import type { TabProps } from "../../../shared/tab-props.ts";
import { useReportInvalid } from "../../../shared/validity.ts";
import { FormGrid } from "../program-form/form-grid.tsx";
import { MoneyField } from "../program-form/money-field.tsx";
import { ParsedField } from "../program-form/parsed-field.tsx";
import { SelectInput } from "../program-form/select-input.tsx";

const kinds: { value: RewardKind; label: string }[] = [
  { value: "amountOff", label: "Amount off" },
  { value: "percentOff", label: "Percent off" },
  { value: "freeShipping", label: "Free shipping" },
];

const periods: { value: Period; label: string }[] = [
  { value: "day", label: "Per day" },
  { value: "week", label: "Per week" },
  { value: "month", label: "Per month" },
  { value: "year", label: "Per year" },
  { value: "lifetime", label: "Ever" },
];

/** The referral program's settings (config `referrals`): what each side gets, the cap, the session window. */
export function ReferralSettingsCard({ config, edit, issues }: Omit<TabProps, "saved">) {
  const s = referralSettings(config);
  const own = referralErrors(s);
  useReportInvalid(Object.keys(own).length > 0);
  const at = (...path: string[]) => issuesAt(issues, "referrals", ...path);
  const set = (patch: Parameters<typeof updateReferrals>[1]) => edit((c) => updateReferrals(c, patch));
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Referral program
        </Text>
        <Checkbox
          label="Referrals on"
          helpText="Every member gets a code and a link; a referee's first order with it gets them a welcome code."
          checked={s.enabled}
          onChange={(enabled) => set({ enabled })}
        />
        <FormGrid>
          <SelectInput
            label="Referee gets"
            value={s.refereeReward.kind}
            options={kinds}
            onChange={(kind) => set({ refereeReward: { kind: kind as RewardKind } })}
          />
          {s.refereeReward.kind === "amountOff" ? (
            <MoneyField
              label="Welcome amount off"
              value={s.refereeReward.value}
              currency={config.currency}
              errors={own.refereeValue ? [own.refereeValue] : at("refereeReward", "value")}
              onChange={(value) => set({ refereeReward: { value } })}
            />
          ) : s.refereeReward.kind === "percentOff" ? (
            <ParsedField
              label="Welcome percent off"
              value={s.refereeReward.value}
              format={String}
              parse={(t) => parsePercent(t, true)}
              inputMode="numeric"
              suffix="%"
              errors={own.refereeValue ? [own.refereeValue] : at("refereeReward", "value")}
              onChange={(value) => value !== undefined && set({ refereeReward: { value } })}
            />
          ) : (
            <div />
          )}
          <MoneyField
            label="Welcome code's minimum order"
            value={s.refereeReward.minimumOrder}
            currency={config.currency}
            helpText="0 for none."
            errors={at("refereeReward", "minimumOrder")}
            onChange={(minimumOrder) => set({ refereeReward: { minimumOrder } })}
          />
          <ParsedField
            label="Referrer earns (points)"
            value={s.referrerReward.points}
            format={String}
            parse={parseWholeNumber}
            inputMode="numeric"
            helpText="Once the referee's first order is past the return window, and not if it is refunded."
            errors={at("referrerReward", "points")}
            onChange={(points) => points !== undefined && set({ referrerReward: { points } })}
          />
          <ParsedField
            label="Referrer earns (growth)"
            value={s.referrerReward.growth}
            format={String}
            parse={parseWholeNumber}
            inputMode="numeric"
            errors={at("referrerReward", "growth")}
            onChange={(growth) => growth !== undefined && set({ referrerReward: { growth } })}
          />
          <ParsedField
            label="Referrals per referrer"
            value={s.cap.count}
            format={String}
            parse={parseWholeNumber}
            inputMode="numeric"
            helpText="Past this cap a referral is flagged for review (cap reached)."
            errors={own.capCount ? [own.capCount] : at("cap", "count")}
            onChange={(count) => count !== undefined && set({ cap: { count } })}
          />
          <SelectInput
            label="Cap period"
            value={s.cap.period}
            options={periods}
            onChange={(period) => set({ cap: { period: period as Period } })}
          />
          <ParsedField
            label="Session days"
            value={s.sessionDays}
            format={String}
            parse={parseWholeNumber}
            inputMode="numeric"
            helpText="How far back the referrer's sessions are compared for the same IP or device (1 to 365)."
            errors={own.sessionDays ? [own.sessionDays] : at("sessionDays")}
            onChange={(sessionDays) => sessionDays !== undefined && set({ sessionDays })}
          />
        </FormGrid>
        {at().length > 0 ? (
          <Text as="p" tone="critical">
            {at().join(" ")}
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}
