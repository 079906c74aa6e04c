import { useId } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "./chart-figure.tsx";
import { ChartDataTable } from "./data-table.tsx";
import { count } from "./format.ts";
import { SeriesLegend } from "./legend.tsx";
import { PatternDefs, seriesStyle } from "./patterns.tsx";

export interface DailyPoints {
  /** YYYY-MM-DD in the program's time zone. */
  day: string;
  issued: number;
  redeemed: number;
  expired: number;
}

export interface DailyPointsChartProps {
  days: DailyPoints[];
  locale?: string;
  height?: number;
}

const SERIES = [
  { key: "issued", name: "Issued" },
  { key: "redeemed", name: "Redeemed" },
  { key: "expired", name: "Expired" },
] as const;

/** "2026-06-03" → "Jun 3": the day is already the program's, so it is read as a calendar date (UTC). */
function dayLabel(day: string, locale: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(
    Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1),
  );
}

/** Points issued, redeemed and expired on each day of a month (the finance roll-forward's movements). */
export function DailyPointsChart({ days, locale = "en-US", height = 240 }: DailyPointsChartProps) {
  const chartId = useId();
  const data = days.map((d) => ({ ...d, label: dayLabel(d.day, locale) }));
  const total = (k: (typeof SERIES)[number]["key"]) => days.reduce((sum, d) => sum + d[k], 0);
  const summary = `Over ${days.length} days: ${SERIES.map((s) => `${count(total(s.key), locale)} ${s.name.toLowerCase()}`).join(", ")}.`;
  return (
    <ChartFigure title="Points per day" summary={summary}>
      <div style={{ width: "100%", height }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <PatternDefs chartId={chartId} count={SERIES.length} />
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={8} />
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
        caption="Points per day"
        columns={["Day", ...SERIES.map((s) => s.name)]}
        rows={data.map((d) => ({ key: d.day, cells: [d.label, ...SERIES.map((s) => count(d[s.key], locale))] }))}
      />
    </ChartFigure>
  );
}
