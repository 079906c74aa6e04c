import { BlockStack, Button, Card, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { useState } from "react";
import { OrderComparisonChart, TierMigrationChart } from "../../charts/index.ts";
import { useProgram } from "../../shared/hooks.ts";
import { firstSegmentWithMembers, type Insight, moveLabel, type Segment, useInsight, useRefreshInsight } from "../../shared/insight.ts";
import { formatDateTime } from "../app/format.ts";
import { toast } from "../app/toast.ts";
import { SegmentByTierTable } from "./insight/segment-by-tier-table.tsx";
import { SegmentMembers } from "./insight/segment-members.tsx";
import { SegmentsCard } from "./insight/segments-card.tsx";
import { TopShareCard } from "./insight/top-share-card.tsx";
import { ApiErrorBanner } from "./program-form/api-error-banner.tsx";

/** Who the members are: RFM segments with their sales, the 20/80 share, members against other buyers, tier moves. */
export function InsightScreen() {
  const insight = useInsight();
  const refresh = useRefreshInsight();
  const program = useProgram();
  const tiers = program.data?.config.tiers ?? [];
  const currency = program.data?.config.currency ?? "USD";
  const [picked, setSegment] = useState<Segment | null>(null);
  const data = insight.data as Insight | undefined;
  const segment = picked ?? firstSegmentWithMembers(data?.segments);
  return (
    <Page
      title="Insight"
      subtitle={data ? (data.computedAt ? `Segments computed ${formatDateTime(data.computedAt)}` : "Segments not computed yet") : undefined}
      primaryAction={
        <Button
          loading={refresh.isPending}
          onClick={() =>
            refresh.mutate(undefined, {
              onSuccess: () => toast("Segments recomputed"),
              onError: () => toast("Could not recompute the segments", { isError: true }),
            })
          }
        >
          Refresh segments
        </Button>
      }
    >
      {insight.isError && !data ? (
        <ApiErrorBanner error={insight.error} title="Could not load the insight." />
      ) : !data ? (
        <div aria-busy="true">
          <Text as="p" tone="subdued">
            Loading the insight…
          </Text>
        </div>
      ) : (
        <div aria-busy={insight.isPlaceholderData || refresh.isPending}>
          <Layout>
            <Layout.Section>
              <InlineGrid columns={{ xs: 1, lg: 2 }} gap="400">
                <SegmentsCard insight={data} currency={currency} selected={segment} onSelect={setSegment} />
                <Card>
                  <OrderComparisonChart members={data.memberOrders} nonMembers={data.nonMemberOrders} currency={currency} />
                </Card>
              </InlineGrid>
            </Layout.Section>
            <Layout.Section>
              <InlineGrid columns={{ xs: 1, lg: 2 }} gap="400">
                <TopShareCard topShare={data.topShare} currency={currency} />
                <Card>
                  <TierMigrationChart
                    moves={data.tierMigration.map((m) => ({ month: m.month, move: moveLabel(m, tiers), members: m.members }))}
                  />
                </Card>
              </InlineGrid>
            </Layout.Section>
            <Layout.Section>
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    Segments by tier
                  </Text>
                  <SegmentByTierTable byTier={data.byTier} tiers={tiers} />
                </BlockStack>
              </Card>
            </Layout.Section>
            <Layout.Section>
              <SegmentMembers segment={segment} onSegmentChange={setSegment} tiers={tiers} currency={currency} />
            </Layout.Section>
          </Layout>
        </div>
      )}
    </Page>
  );
}
