import { BlockStack, Card, Checkbox, Text } from "@shopify/polaris";
import { type BonusKind, campaignsOf, expiringNoticeError, setBonus, setExpiringNotice } from "../../shared/campaigns-edit.ts";
import { issuesAt } from "../../shared/config-edit.ts";
import { parseWholeNumber } from "../../shared/parse.ts";
import type { TabProps } from "../../shared/tab-props.ts";
import { useReportInvalid } from "../../shared/validity.ts";
import { FormGrid } from "./program-form/form-grid.tsx";
import { ParsedField } from "./program-form/parsed-field.tsx";
import { ProgramScreen } from "./program-form/program-screen.tsx";

const bonuses: { kind: BonusKind; title: string; help: string }[] = [
  {
    kind: "birthday",
    title: "Birthday bonus",
    help: "Once a year on the member's birthday in the program's time zone (29 February: 28 February in other years).",
  },
  { kind: "anniversary", title: "Sign-up anniversary", help: "Once a year on the day the member joined." },
];

/** Campaigns that bring members back: birthday and anniversary bonuses and the expiring-soon notice. */
export function CampaignsScreen() {
  return (
    <ProgramScreen title="Campaigns" section="campaigns">
      {(props) => <CampaignsForm {...props} />}
    </ProgramScreen>
  );
}

function CampaignsForm({ config, edit, issues }: TabProps) {
  const campaigns = campaignsOf(config);
  const notice = campaigns.expiringNotice?.days;
  const noticeError = expiringNoticeError(notice);
  useReportInvalid(noticeError !== null);
  const lists = [
    ["nth-order rewards", campaigns.nthOrder?.length ?? 0],
    ["stamp cards", campaigns.stampCards?.length ?? 0],
    ["badges", campaigns.badges?.length ?? 0],
  ] as const;
  return (
    <BlockStack gap="400">
      {bonuses.map(({ kind, title, help }) => {
        const bonus = campaigns[kind];
        return (
          <Card key={kind}>
            <section aria-label={title}>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {title}
                </Text>
                <Checkbox
                  label={`Give a ${title.toLowerCase()}`}
                  helpText={help}
                  checked={bonus !== undefined}
                  onChange={(on) => edit((c) => setBonus(c, kind, on ? { points: 100, growth: 0 } : undefined))}
                />
                {bonus ? (
                  <FormGrid>
                    <ParsedField
                      label="Points"
                      value={bonus.points}
                      format={String}
                      parse={parseWholeNumber}
                      inputMode="numeric"
                      errors={issuesAt(issues, "campaigns", kind, "points")}
                      onChange={(points) => points !== undefined && edit((c) => setBonus(c, kind, { ...bonus, points }))}
                    />
                    <ParsedField
                      label="Growth"
                      value={bonus.growth ?? 0}
                      format={String}
                      parse={parseWholeNumber}
                      inputMode="numeric"
                      errors={issuesAt(issues, "campaigns", kind, "growth")}
                      onChange={(growth) => growth !== undefined && edit((c) => setBonus(c, kind, { ...bonus, growth }))}
                    />
                  </FormGrid>
                ) : null}
              </BlockStack>
            </section>
          </Card>
        );
      })}
      <Card>
        <section aria-label="Expiring points">
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              Expiring points
            </Text>
            <Checkbox
              label="Tell members before their points expire"
              helpText="A points.expiring event goes out (to your webhooks and Flow) this many days before a lot expires."
              checked={notice !== undefined}
              onChange={(on) => edit((c) => setExpiringNotice(c, on ? 14 : undefined))}
            />
            {notice !== undefined ? (
              <ParsedField
                label="Days before"
                value={notice}
                format={String}
                parse={parseWholeNumber}
                inputMode="numeric"
                errors={noticeError ? [noticeError] : issuesAt(issues, "campaigns", "expiringNotice", "days")}
                onChange={(days) => days !== undefined && edit((c) => setExpiringNotice(c, days))}
              />
            ) : null}
          </BlockStack>
        </section>
      </Card>
      <Text as="p" tone="subdued">
        Also in this program: {lists.map(([what, n]) => `${n} ${what}`).join(", ")} (edited with the CLI or the API; kept as they are here).
      </Text>
    </BlockStack>
  );
}
