import { Container, Heading, Table, Text } from "@medusajs/ui";
import { type ReactNode, useId } from "react";
import { useDashboard } from "../shared/screen-hooks.ts";
import type { Dashboard } from "../shared/types.ts";
import { DashboardCharts } from "./dashboard-charts.tsx";
import { ApiErrorAlert } from "./parts/api-error.tsx";
import { formatDate, formatNumber } from "./parts/format.ts";
import { AdminLink } from "./parts/link.tsx";
import { MembershipShare } from "./parts/membership-share.tsx";
import { Stat } from "./parts/stat.tsx";
import { loyaltyPaths } from "./paths.ts";

const WEEKS = 12;

/** The program at a glance over the last twelve weeks; every number is the engine's (computed in SQL). */
export function LoyaltyDashboard() {
  const headingId = useId();
  const dashboard = useDashboard(WEEKS);
  const data = dashboard.data;
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0" role="region" aria-labelledby={headingId}>
        <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <Heading level="h1" id={headingId}>
              Loyalty
            </Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {data ? `The last ${WEEKS} weeks: ${formatDate(data.from)} to ${formatDate(data.to)}` : `The last ${WEEKS} weeks`}
            </Text>
          </div>
          <nav aria-label="Loyalty" className="flex flex-wrap items-center gap-x-4">
            <AdminLink to={loyaltyPaths.members}>Members</AdminLink>
            <AdminLink to={loyaltyPaths.finance}>Finance</AdminLink>
            <AdminLink to={loyaltyPaths.insight}>Insight</AdminLink>
            <AdminLink to={loyaltyPaths.activity}>Activity</AdminLink>
            <AdminLink to={loyaltyPaths.settings}>Settings</AdminLink>
          </nav>
        </div>
        {dashboard.isPending ? (
          <Text size="small" className="px-6 py-4 text-ui-fg-subtle" aria-busy="true">
            Loading the dashboard…
          </Text>
        ) : dashboard.isError ? (
          <div className="px-6 py-4">
            <ApiErrorAlert error={dashboard.error} title="Could not load the dashboard." />
          </div>
        ) : data ? (
          <dl className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4" aria-label="Program totals">
            <Stat term="Members">{formatNumber(data.members)}</Stat>
            <Stat term="Active members">{formatNumber(data.activeMembers)}</Stat>
            <Stat term="Outstanding points">{formatNumber(data.outstandingPoints)}</Stat>
            <Stat term="Pending points">{formatNumber(data.pendingPoints)}</Stat>
          </dl>
        ) : null}
        {data ? <MembershipShare /> : null}
      </Container>
      {data ? (
        <>
          <DashboardCharts dashboard={data} />
          <TopRewards dashboard={data} />
        </>
      ) : null}
    </div>
  );
}

/** A card with a heading, for one part of the dashboard. */
export function DashboardCard({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Container className="flex min-w-0 flex-col gap-y-3 px-6 py-4" role="region" aria-labelledby={headingId}>
      <Heading level="h2" id={headingId}>
        {title}
      </Heading>
      {children}
    </Container>
  );
}

function TopRewards({ dashboard }: { dashboard: Dashboard }) {
  return (
    <DashboardCard title="Top rewards">
      {dashboard.topRewards.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle" data-empty-state="">
          No rewards redeemed in these weeks.
        </Text>
      ) : (
        <Table aria-label="Top rewards by redemptions">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Reward</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="text-right">
                Redemptions
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="text-right">
                Points spent
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {dashboard.topRewards.map((r) => (
              <Table.Row key={r.rewardId}>
                <Table.Cell>
                  <span className="line-clamp-2 [overflow-wrap:anywhere]" title={r.name}>
                    {r.name}
                  </span>
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums">{formatNumber(r.redemptions)}</Table.Cell>
                <Table.Cell className="text-right tabular-nums">{formatNumber(r.points)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </DashboardCard>
  );
}
