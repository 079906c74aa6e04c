import { useId } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { PointsWeek } from "../shared/types.ts";
import { ChartFigure } from "./chart-figure.tsx";
import { ChartDataTable } from "./data-table.tsx";
import { count, weekLabel } from "./format.ts";
import { SeriesLegend } from "./legend.tsx";
import { PatternDefs, seriesStyle } from "./patterns.tsx";

export interface PointsByWeekChartProps {
  weeks: PointsWeek[];
  timeZone?: string;
  locale?: string;
  height?: number;
}

const SERIES = [
  { key: "issued", name: "Issued" },
  { key: "redeemed", name: "Redeemed" },
  { key: "expired", name: "Expired" },
  { key: "reversed", name: "Reversed" },
] as const;

/** Points issued, redeemed, expired and reversed per week, side by side. */
export function PointsByWeekChart({ weeks, timeZone, locale = "en-US", height = 260 }: PointsByWeekChartProps) {
  const chartId = useId();
  const data = weeks.map((w) => ({ ...w, label: weekLabel(w.week, locale, timeZone) }));
  const total = (k: (typeof SERIES)[number]["key"]) => weeks.reduce((sum, w) => sum + w[k], 0);
  const summary = `Over ${weeks.length} weeks: ${SERIES.map((s) => `${count(total(s.key), locale)} ${s.name.toLowerCase()}`).join(", ")}.`;
  return (
    <ChartFigure title="Points per week" summary={summary}>
      <div style={{ width: "100%", height }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <PatternDefs chartId={chartId} count={SERIES.length} />
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis tick={{ fontSize: 12 }} allowDecimals={false} width={56} />
            <Tooltip formatter={(v) => count(Number(v), locale)} />
            {SERIES.map((s, i) => {
              const style = seriesStyle(chartId, i);
              return <Bar key={s.key} dataKey={s.key} name={s.name} fill={style.fill} stroke={style.color} isAnimationActive={false} />;
            })}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <SeriesLegend chartId={chartId} names={SERIES.map((s) => s.name)} />
      <ChartDataTable
        caption="Points per week"
        columns={["Week", ...SERIES.map((s) => s.name)]}
        rows={data.map((w) => ({ key: w.week, cells: [w.label, ...SERIES.map((s) => count(w[s.key], locale))] }))}
      />
    </ChartFigure>
  );
}
