/**
 * The dashboard's charts, drawn with recharts for both admins (Polaris and Medusa wrap them in their
 * own cards). Each series has a colour and a pattern, each chart a one-line summary and its numbers
 * as a table, so nothing depends on colour alone. Data comes from the engine's `dashboard` query.
 */

export { type DailyPoints, DailyPointsChart, type DailyPointsChartProps } from "./daily-points-chart.tsx";
export { MembersByTierChart, type MembersByTierChartProps } from "./members-by-tier-chart.tsx";
export { OrderComparisonChart, type OrderComparisonChartProps } from "./order-comparison-chart.tsx";
export { PointsByWeekChart, type PointsByWeekChartProps } from "./points-by-week-chart.tsx";
export { TierMigrationChart, type TierMigrationChartProps, type TierMove } from "./tier-migration-chart.tsx";
