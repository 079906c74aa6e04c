import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { OrderStats } from "../shared/types.ts";
import { ChartFigure } from "./chart-figure.tsx";
import { ChartDataTable } from "./data-table.tsx";
import { count, money, percent } from "./format.ts";
import { PatternDefs, seriesStyle } from "./patterns.tsx";

export interface OrderComparisonChartProps {
  members: OrderStats;
  nonMembers: OrderStats;
  /** The program currency (ISO 4217): average order values are its minor units. */
  currency: string;
  locale?: string;
  height?: number;
}

/** Members against everyone else: average order value and repeat rate, each bar labelled with its figure. */
export function OrderComparisonChart({ members, nonMembers, currency, locale = "en-US", height = 180 }: OrderComparisonChartProps) {
  const chartId = useId();
  const groups = [
    { name: "Members", stats: members },
    { name: "Non-members", stats: nonMembers },
  ];
  const summary = `Average order ${money(members.averageOrderValue, currency, locale)} for members, ${money(
    nonMembers.averageOrderValue,
    currency,
    locale,
  )} for non-members; repeat rate ${percent(members.repeatRate, locale)} against ${percent(nonMembers.repeatRate, locale)}.`;
  const panel = (title: string, value: (s: OrderStats) => number, label: (n: number) => string) => (
    <div style={{ flex: "1 1 240px", minWidth: 0 }}>
      <div style={{ fontSize: "0.875em", fontWeight: 600 }}>{title}</div>
      <div style={{ width: "100%", height }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 300, height }}>
          <BarChart
            data={groups.map((g) => ({ name: g.name, value: value(g.stats) }))}
            layout="vertical"
            margin={{ top: 4, right: 72, bottom: 4, left: 8 }}
          >
            <PatternDefs chartId={chartId} count={2} />
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" hide />
            <YAxis type="category" dataKey="name" width={96} tick={{ fontSize: 12 }} />
            <Bar dataKey="value" isAnimationActive={false}>
              {groups.map((g, i) => {
                const s = seriesStyle(chartId, i);
                return <Cell key={g.name} fill={s.fill} stroke={s.color} />;
              })}
              <LabelList dataKey="value" position="right" fill="#303030" formatter={(v) => label(Number(v))} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
  return (
    <ChartFigure title="Members and non-members" summary={summary}>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 16 }}>
        {panel(
          "Average order value",
          (s) => s.averageOrderValue,
          (n) => money(n, currency, locale),
        )}
        {panel(
          "Repeat rate",
          (s) => s.repeatRate,
          (n) => percent(n, locale),
        )}
      </div>
      <ChartDataTable
        caption="Orders of members and non-members"
        columns={["", "Orders", "Customers", "Average order", "Repeat rate"]}
        rows={groups.map((g) => ({
          key: g.name,
          cells: [
            g.name,
            count(g.stats.orders, locale),
            count(g.stats.customers, locale),
            money(g.stats.averageOrderValue, currency, locale),
            percent(g.stats.repeatRate, locale),
          ],
        }))}
      />
    </ChartFigure>
  );
}
