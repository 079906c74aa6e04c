import { Button, Container, Heading, Text, toast } from "@medusajs/ui";
import { useId, useState } from "react";
import { OrderComparisonChart, TierMigrationChart } from "../charts/index.ts";
import { formatDateTime, formatNumber } from "../shared/format.ts";
import { useProgram } from "../shared/hooks.ts";
import {
  firstSegmentWithMembers,
  type Insight,
  moveLabel,
  SEGMENTS,
  type Segment,
  segmentByTier,
  segmentLabel,
  segmentRows,
  useInsight,
  useRefreshInsight,
} from "../shared/insight.ts";
import { formatLongMoney, formatShare } from "../shared/long.ts";
import { DashboardCard } from "./dashboard-page.tsx";
import { ApiErrorAlert } from "./parts/api-error.tsx";
import { FiguresTable } from "./reports/figures-table.tsx";
import { SegmentMembersList } from "./reports/segment-members.tsx";

/** Loyalty → Insight: RFM segments with their sales, the 20/80 share, members against other buyers, tier moves, a segment's members. */
export function InsightPage() {
  const headingId = useId();
  const insight = useInsight();
  const refresh = useRefreshInsight();
  const program = useProgram();
  const tiers = program.data?.config.tiers ?? [];
  const currency = program.data?.config.currency ?? "USD";
  const [picked, setSegment] = useState<Segment | null>(null);
  const data = insight.data as Insight | undefined;
  const segment = picked ?? firstSegmentWithMembers(data?.segments);
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0" role="region" aria-labelledby={headingId}>
        <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <Heading level="h1" id={headingId}>
              Insight
            </Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {data
                ? data.computedAt
                  ? `Segments computed ${formatDateTime(data.computedAt)}; orders over the last 12 months.`
                  : "Segments not computed yet; orders over the last 12 months."
                : "Who your members are, and what they buy."}
            </Text>
          </div>
          <Button
            type="button"
            variant="secondary"
            isLoading={refresh.isPending}
            onClick={() =>
              refresh.mutate(undefined, {
                onSuccess: () => toast.success("Segments recomputed"),
                onError: () => toast.error("Could not recompute the segments"),
              })
            }
          >
            Refresh segments
          </Button>
        </div>
        {insight.isError && !data ? (
          <div className="px-6 py-4">
            <ApiErrorAlert error={insight.error} title="Could not load the insight." />
          </div>
        ) : !data ? (
          <Text size="small" className="px-6 py-4 text-ui-fg-subtle" aria-busy="true">
            Loading the insight…
          </Text>
        ) : (
          <div className="flex flex-col gap-y-1 px-6 py-4" data-top-share="">
            <Text size="small" weight="plus">
              Top 20% of members: {formatShare(data.topShare.share)} of members' sales
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              {formatNumber(data.topShare.topMembers)} of {formatNumber(data.topShare.membersWithSales)} members with sales bought{" "}
              {formatLongMoney(data.topShare.topSales, currency)} of {formatLongMoney(data.topShare.totalSales, currency)}.
            </Text>
          </div>
        )}
      </Container>
      {data ? (
        <>
          <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
            <DashboardCard title="Segments">
              <FiguresTable
                label="Members and sales per segment"
                rows={segmentRows(data.segments)}
                rowKey={(r) => r.segment}
                columns={[
                  {
                    header: "Segment",
                    cell: (r) => (
                      <Button
                        type="button"
                        size="small"
                        variant="transparent"
                        aria-pressed={r.segment === segment}
                        aria-label={`List ${r.label}`}
                        onClick={() => setSegment(r.segment)}
                      >
                        {r.label}
                      </Button>
                    ),
                  },
                  { header: "Members", cell: (r) => formatNumber(r.members), numeric: true },
                  { header: "Lifetime sales", cell: (r) => formatLongMoney(r.sales, currency), numeric: true },
                ]}
              />
            </DashboardCard>
            <Container className="min-w-0 px-6 py-4">
              <OrderComparisonChart members={data.memberOrders} nonMembers={data.nonMemberOrders} currency={currency} />
            </Container>
          </div>
          <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
            <Container className="min-w-0 px-6 py-4">
              <TierMigrationChart
                moves={data.tierMigration.map((m) => ({ month: m.month, move: moveLabel(m, tiers), members: m.members }))}
              />
            </Container>
            <DashboardCard title="Segments by tier">
              <FiguresTable
                label="Members per tier and segment"
                rows={segmentByTier(data.byTier, tiers)}
                rowKey={(r) => r.tier}
                columns={[
                  { header: "Tier", cell: (r) => r.name },
                  ...SEGMENTS.map((s) => ({
                    header: s.label,
                    cell: (r: ReturnType<typeof segmentByTier>[number]) => formatNumber(r.counts[s.segment]),
                    numeric: true,
                  })),
                ]}
              />
            </DashboardCard>
          </div>
          <DashboardCard title={`Members in ${segmentLabel(segment)}`}>
            <SegmentMembersList segment={segment} tiers={tiers} currency={currency} />
          </DashboardCard>
        </>
      ) : null}
    </div>
  );
}
