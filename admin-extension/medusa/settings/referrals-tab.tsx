import { Text } from "@medusajs/ui";
import { issuesAt } from "../../shared/config-edit.ts";
import { parsePercent, parseWholeNumber } from "../../shared/parse.ts";
import type { Period, RewardKind } from "../../shared/program-config.ts";
import { referralErrors, referralSettings, updateReferrals } from "../../shared/referrals.ts";
import { MoneyInput } from "../parts/money-input.tsx";
import { ParsedInput } from "../parts/parsed-input.tsx";
import { SelectField } from "../parts/select-field.tsx";
import { SwitchField } from "../parts/switch-field.tsx";
import { useReportInvalid } from "../parts/validity.tsx";
import type { TabProps } from "./tab-props.ts";

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

/** The referral program's settings (config `referrals`); the review queue is Loyalty → Referrals. */
export function ReferralsTab({ config, edit, issues }: TabProps) {
  const s = referralSettings(config);
  const own = referralErrors(s);
  useReportInvalid(Object.keys(own).length > 0);
  const at = (...path: string[]) => issuesAt(issues, "referrals", ...path);
  const set = (patch: Parameters<typeof updateReferrals>[1]) => edit((c) => updateReferrals(c, patch));
  return (
    <div className="flex flex-col gap-y-4">
      <Text size="small" className="text-ui-fg-subtle">
        Every member gets a referral code and link. A referee's first order with it gets them a single-use welcome code; the referrer earns
        once that order is past the return window, and nothing if it is refunded. Flagged referrals wait for your review under Loyalty →
        Referrals.
      </Text>
      <SwitchField label="Referrals on" checked={s.enabled} onChange={(enabled) => set({ enabled })} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <SelectField
          label="Referee gets"
          value={s.refereeReward.kind}
          options={kinds}
          onChange={(kind) => set({ refereeReward: { kind: kind as RewardKind } })}
        />
        {s.refereeReward.kind === "amountOff" ? (
          <MoneyInput
            label="Welcome amount off"
            value={s.refereeReward.value}
            currency={config.currency}
            errors={own.refereeValue ? [own.refereeValue] : at("refereeReward", "value")}
            onChange={(value) => set({ refereeReward: { value } })}
          />
        ) : s.refereeReward.kind === "percentOff" ? (
          <ParsedInput
            label="Welcome percent off"
            value={s.refereeReward.value}
            format={String}
            parse={(t) => parsePercent(t, true)}
            inputMode="numeric"
            errors={own.refereeValue ? [own.refereeValue] : at("refereeReward", "value")}
            onChange={(value) => value !== undefined && set({ refereeReward: { value } })}
          />
        ) : (
          <div />
        )}
        <MoneyInput
          label="Welcome code's minimum order"
          value={s.refereeReward.minimumOrder}
          currency={config.currency}
          hint="0 for none."
          errors={at("refereeReward", "minimumOrder")}
          onChange={(minimumOrder) => set({ refereeReward: { minimumOrder } })}
        />
        <ParsedInput
          label="Referrer earns (points)"
          value={s.referrerReward.points}
          format={String}
          parse={parseWholeNumber}
          inputMode="numeric"
          errors={at("referrerReward", "points")}
          onChange={(points) => points !== undefined && set({ referrerReward: { points } })}
        />
        <ParsedInput
          label="Referrer earns (growth)"
          value={s.referrerReward.growth}
          format={String}
          parse={parseWholeNumber}
          inputMode="numeric"
          errors={at("referrerReward", "growth")}
          onChange={(growth) => growth !== undefined && set({ referrerReward: { growth } })}
        />
        <ParsedInput
          label="Referrals per referrer"
          value={s.cap.count}
          format={String}
          parse={parseWholeNumber}
          inputMode="numeric"
          hint="Past this cap a referral is flagged for review."
          errors={own.capCount ? [own.capCount] : at("cap", "count")}
          onChange={(count) => count !== undefined && set({ cap: { count } })}
        />
        <SelectField
          label="Cap period"
          value={s.cap.period}
          options={periods}
          onChange={(period) => set({ cap: { period: period as Period } })}
        />
        <ParsedInput
          label="Session days"
          value={s.sessionDays}
          format={String}
          parse={parseWholeNumber}
          inputMode="numeric"
          hint="How far back the referrer's sessions are compared for the same IP or device (1 to 365)."
          errors={own.sessionDays ? [own.sessionDays] : at("sessionDays")}
          onChange={(sessionDays) => sessionDays !== undefined && set({ sessionDays })}
        />
      </div>
      {at().length > 0 ? (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {at().join(" ")}
        </Text>
      ) : null}
    </div>
  );
}
