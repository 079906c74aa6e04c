import { Container } from "@medusajs/ui";
import type { ReactNode } from "react";
import { MembersByTierChart, OrderComparisonChart, PointsByWeekChart } from "../charts/index.ts";
import { useProgram } from "../shared/hooks.ts";
import type { Dashboard } from "../shared/types.ts";

/** A Medusa card around one chart (the chart brings its own title, summary and data table). */
function ChartCard({ children }: { children: ReactNode }) {
  return <Container className="min-w-0 px-6 py-4">{children}</Container>;
}

/** The dashboard's charts, shared with the Shopify admin: members by tier, points per week, members against other customers. */
export function DashboardCharts({ dashboard }: { dashboard: Dashboard }) {
  const timeZone = useProgram().data?.config.timezone ?? "UTC";
  return (
    <>
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        <ChartCard>
          <MembersByTierChart weeks={dashboard.membersByTier} timeZone={timeZone} />
        </ChartCard>
        <ChartCard>
          <PointsByWeekChart weeks={dashboard.pointsByWeek} timeZone={timeZone} />
        </ChartCard>
      </div>
      <ChartCard>
        <OrderComparisonChart members={dashboard.memberOrders} nonMembers={dashboard.nonMemberOrders} currency={dashboard.currency} />
      </ChartCard>
    </>
  );
}
