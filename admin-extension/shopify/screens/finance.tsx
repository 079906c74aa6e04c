import { BlockStack, Button, Card, InlineGrid, InlineStack, Layout, Page, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { DailyPointsChart } from "../../charts/index.ts";
import {
  dailyMovements,
  downloadText,
  type FinanceReport,
  rollForwardCsv,
  rollForwardFileName,
  useFinanceReport,
} from "../../shared/finance.ts";
import { useProgram } from "../../shared/hooks.ts";
import { currentMonth, formatMonth } from "../../shared/months.ts";
import { useSettlementMonth } from "../../shared/partner-settlement.ts";
import { BenefitCostsTable } from "./finance/benefit-costs-table.tsx";
import { LiabilityCard } from "./finance/liability-card.tsx";
import { RollForwardTable } from "./finance/roll-forward-table.tsx";
import { ApiErrorBanner } from "./program-form/api-error-banner.tsx";

/** Points as money for the month: the roll-forward by day, liability with breakage, what benefits cost; CSV for the accountant. */
/** `initialMonth` ("2026-06"): the month shown first; the current one in the program's time zone by default. */
export function FinanceScreen({ initialMonth }: { initialMonth?: string } = {}) {
  const program = useProgram();
  const timeZone = program.data?.config.timezone;
  const [picked, setPicked] = useState<string | null>(initialMonth ?? null);
  if (!program.data && !program.error) return <Page title="Finance" />;
  return <FinanceReportView month={picked ?? currentMonth(new Date(), timeZone)} onMonthChange={setPicked} timeZone={timeZone ?? "UTC"} />;
}

function FinanceReportView({ month, onMonthChange, timeZone }: { month: string; onMonthChange: (m: string) => void; timeZone: string }) {
  const report = useFinanceReport(month);
  const { text, parsed, change } = useSettlementMonth(month, onMonthChange);
  const data = report.data as FinanceReport | undefined;
  return (
    <Page
      title="Finance"
      subtitle={data ? `${formatMonth(data.month)} · ${data.timezone}` : undefined}
      primaryAction={
        <Button
          disabled={!data}
          onClick={() => data && downloadText(rollForwardFileName(data.month), rollForwardCsv(data))}
          accessibilityLabel="Download CSV of the roll-forward"
        >
          Download CSV
        </Button>
      }
    >
      <Layout>
        <Layout.Section>
          <Card>
            <div style={{ maxWidth: "16rem" }}>
              <TextField
                label="Month"
                type="month"
                value={text}
                placeholder="2026-06"
                autoComplete="off"
                onChange={change}
                helpText={`Days run midnight to midnight in the program's time zone (${timeZone}).`}
                error={parsed.ok ? undefined : parsed.message}
              />
            </div>
          </Card>
        </Layout.Section>
        {report.isError && !data ? (
          <Layout.Section>
            <ApiErrorBanner error={report.error} title="Could not load the finance report." />
          </Layout.Section>
        ) : !data ? (
          <Layout.Section>
            <div aria-busy="true">
              <Text as="p" tone="subdued">
                Loading the finance report…
              </Text>
            </div>
          </Layout.Section>
        ) : (
          <Layout.Section>
            <div aria-busy={report.isPlaceholderData}>
              <BlockStack gap="400">
                <InlineGrid columns={{ xs: 1, lg: 2 }} gap="400">
                  <LiabilityCard report={data} />
                  <Card>
                    <DailyPointsChart days={dailyMovements(data)} />
                  </Card>
                </InlineGrid>
                <Card>
                  <BlockStack gap="300">
                    <InlineStack align="space-between" blockAlign="center" gap="200">
                      <Text as="h2" variant="headingMd">
                        Roll-forward
                      </Text>
                      <span data-reconciled={data.reconciled}>
                        <Text as="span" tone={data.reconciled ? "success" : "critical"}>
                          {data.reconciled ? "Reconciled to the ledger" : "Does not reconcile to the ledger"}
                        </Text>
                      </span>
                    </InlineStack>
                    <RollForwardTable report={data} />
                  </BlockStack>
                </Card>
                <Card>
                  <BlockStack gap="300">
                    <Text as="h2" variant="headingMd">
                      Benefit costs
                    </Text>
                    <BenefitCostsTable costs={data.benefitCosts} />
                  </BlockStack>
                </Card>
              </BlockStack>
            </div>
          </Layout.Section>
        )}
      </Layout>
    </Page>
  );
}
