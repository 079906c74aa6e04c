import { BlockStack, Card, InlineGrid, Layout, Page, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { MembersByTierChart, OrderComparisonChart, PointsByWeekChart } from "../../charts/index.ts";
import { useProgram } from "../../shared/hooks.ts";
import { useDashboard } from "../../shared/screen-hooks.ts";
import type { Dashboard } from "../../shared/types.ts";
import { DashboardTiles } from "./dashboard/dashboard-tiles.tsx";
import { MembershipShareCard } from "./dashboard/membership-share-card.tsx";
import { TopRewardsTable } from "./dashboard/top-rewards-table.tsx";
import { ApiErrorBanner } from "./program-form/api-error-banner.tsx";

const WEEK_CHOICES = [4, 12, 26, 52];

/** The program at a glance over the chosen weeks: every figure is the engine's (computed in SQL). */
export function DashboardScreen() {
  const [weeks, setWeeks] = useState(12);
  const dashboard = useDashboard(weeks);
  const program = useProgram();
  const timeZone = program.data?.config.timezone;
  // The hook's keepPreviousData widens `data`'s type; the value is always a Dashboard.
  const data = dashboard.data as Dashboard | undefined;
  return (
    <Page
      title="Dashboard"
      subtitle={data ? `${new Date(data.from).toLocaleDateString()} – ${new Date(data.to).toLocaleDateString()}` : undefined}
      secondaryActions={
        <div style={{ minWidth: "10rem" }}>
          <Select
            label="Period"
            labelInline
            value={String(weeks)}
            options={WEEK_CHOICES.map((n) => ({ value: String(n), label: `Last ${n} weeks` }))}
            onChange={(v) => setWeeks(Number(v))}
          />
        </div>
      }
    >
      {dashboard.isError && !data ? (
        <ApiErrorBanner error={dashboard.error} title="Could not load the dashboard." />
      ) : !data ? (
        <div aria-busy="true">
          <Text as="p" tone="subdued">
            Loading the dashboard…
          </Text>
        </div>
      ) : (
        <div aria-busy={dashboard.isPlaceholderData}>
          <Layout>
            <Layout.Section>
              <DashboardTiles dashboard={data} />
            </Layout.Section>
            <Layout.Section>
              <MembershipShareCard />
            </Layout.Section>
            <Layout.Section>
              <InlineGrid columns={{ xs: 1, lg: 2 }} gap="400">
                <Card>
                  <MembersByTierChart weeks={data.membersByTier} timeZone={timeZone} />
                </Card>
                <Card>
                  <PointsByWeekChart weeks={data.pointsByWeek} timeZone={timeZone} />
                </Card>
              </InlineGrid>
            </Layout.Section>
            <Layout.Section>
              <InlineGrid columns={{ xs: 1, lg: 2 }} gap="400">
                <Card>
                  <OrderComparisonChart members={data.memberOrders} nonMembers={data.nonMemberOrders} currency={data.currency} />
                </Card>
                <Card>
                  <BlockStack gap="300">
                    <Text as="h2" variant="headingMd">
                      Top rewards
                    </Text>
                    <TopRewardsTable rewards={data.topRewards} />
                  </BlockStack>
                </Card>
              </InlineGrid>
            </Layout.Section>
          </Layout>
        </div>
      )}
    </Page>
  );
}
