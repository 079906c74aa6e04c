import { Heading, Text } from "@medusajs/ui";
import { type BonusKind, campaignsOf, expiringNoticeError, setBonus, setExpiringNotice } from "../../shared/campaigns-edit.ts";
import { issuesAt } from "../../shared/config-edit.ts";
import { parseWholeNumber } from "../../shared/parse.ts";
import { ParsedInput } from "../parts/parsed-input.tsx";
import { SwitchField } from "../parts/switch-field.tsx";
import { useReportInvalid } from "../parts/validity.tsx";
import type { TabProps } from "./tab-props.ts";

const bonuses: { kind: BonusKind; title: string; hint: string }[] = [
  { kind: "birthday", title: "Birthday bonus", hint: "Once a year on the member's birthday in the program's time zone." },
  { kind: "anniversary", title: "Sign-up anniversary", hint: "Once a year on the day the member joined." },
];

/** Birthday and anniversary bonuses and the expiring-soon notice (config `campaigns`; its lists are kept as they are). */
export function CampaignsTab({ config, edit, issues }: TabProps) {
  const campaigns = campaignsOf(config);
  const notice = campaigns.expiringNotice?.days;
  const noticeError = expiringNoticeError(notice);
  useReportInvalid(noticeError !== null);
  return (
    <div className="flex flex-col gap-y-6">
      {bonuses.map(({ kind, title, hint }) => {
        const bonus = campaigns[kind];
        return (
          <section key={kind} className="flex flex-col gap-y-3" aria-label={title}>
            <Heading level="h3">{title}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {hint}
            </Text>
            <SwitchField
              label={`Give a ${title.toLowerCase()}`}
              checked={bonus !== undefined}
              onChange={(on) => edit((c) => setBonus(c, kind, on ? { points: 100, growth: 0 } : undefined))}
            />
            {bonus ? (
              <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                <ParsedInput
                  label={`${title}: points`}
                  value={bonus.points}
                  format={String}
                  parse={parseWholeNumber}
                  inputMode="numeric"
                  errors={issuesAt(issues, "campaigns", kind, "points")}
                  onChange={(points) => points !== undefined && edit((c) => setBonus(c, kind, { ...bonus, points }))}
                />
                <ParsedInput
                  label={`${title}: growth`}
                  value={bonus.growth ?? 0}
                  format={String}
                  parse={parseWholeNumber}
                  inputMode="numeric"
                  errors={issuesAt(issues, "campaigns", kind, "growth")}
                  onChange={(growth) => growth !== undefined && edit((c) => setBonus(c, kind, { ...bonus, growth }))}
                />
              </div>
            ) : null}
          </section>
        );
      })}
      <section className="flex flex-col gap-y-3" aria-label="Expiring points">
        <Heading level="h3">Expiring points</Heading>
        <SwitchField
          label="Tell members before their points expire"
          checked={notice !== undefined}
          onChange={(on) => edit((c) => setExpiringNotice(c, on ? 14 : undefined))}
        />
        {notice !== undefined ? (
          <ParsedInput
            label="Days before"
            value={notice}
            format={String}
            parse={parseWholeNumber}
            inputMode="numeric"
            hint="A points.expiring event goes out this many days before a lot expires (1 to 90)."
            errors={noticeError ? [noticeError] : issuesAt(issues, "campaigns", "expiringNotice", "days")}
            onChange={(days) => days !== undefined && edit((c) => setExpiringNotice(c, days))}
          />
        ) : null}
      </section>
      <Text size="small" className="text-ui-fg-subtle">
        Also in this program: {campaigns.nthOrder?.length ?? 0} nth-order rewards, {campaigns.stampCards?.length ?? 0} stamp cards,{" "}
        {campaigns.badges?.length ?? 0} badges (edited with the CLI or the API; kept as they are here).
      </Text>
    </div>
  );
}
