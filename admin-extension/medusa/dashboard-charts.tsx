import type { Dashboard } from "../shared/types.ts";

/** The dashboard's charts (members by tier, points by week): drawn with @kinship/admin/charts once it lands on this branch. */
export function DashboardCharts(_props: { dashboard: Dashboard }) {
  return null;
}
