import { useId } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "./chart-figure.tsx";
import { ChartDataTable } from "./data-table.tsx";
import { count } from "./format.ts";
import { SeriesLegend } from "./legend.tsx";
import { PatternDefs, seriesStyle } from "./patterns.tsx";

export interface TierMove {
  /** YYYY-MM in the program's time zone. */
  month: string;
  /** "Silver → Gold". */
  move: string;
  members: number;
}

export interface TierMigrationChartProps {
  moves: TierMove[];
  locale?: string;
  height?: number;
}

function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(Date.UTC(y ?? 0, (m ?? 1) - 1, 1));
}

/** Members who moved between tiers each month, stacked by move (from → to). */
export function TierMigrationChart({ moves, locale = "en-US", height = 240 }: TierMigrationChartProps) {
  const chartId = useId();
  const kinds = [...new Set(moves.map((m) => m.move))];
  const months = [...new Set(moves.map((m) => m.month))].sort();
  const data = months.map((month) => {
    const row: Record<string, string | number> = { month, label: monthLabel(month, locale) };
    for (const k of kinds) row[k] = moves.filter((m) => m.month === month && m.move === k).reduce((s, m) => s + m.members, 0);
    return row;
  });
  const byKind = kinds.map((k) => ({ k, n: moves.filter((m) => m.move === k).reduce((s, m) => s + m.members, 0) }));
  const summary =
    moves.length === 0
      ? "No member changed tier in this period."
      : `Over ${months.length} ${months.length === 1 ? "month" : "months"}: ${byKind.map(({ k, n }) => `${count(n, locale)} ${k}`).join(", ")}.`;
  return (
    <ChartFigure title="Tier migration" summary={summary}>
      {moves.length > 0 ? (
        <>
          <div style={{ width: "100%", height }}>
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
              <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                <PatternDefs chartId={chartId} count={kinds.length} />
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 12 }} />
                <YAxis tick={{ fontSize: 12 }} allowDecimals={false} width={48} />
                <Tooltip formatter={(v) => count(Number(v), locale)} />
                {kinds.map((k, i) => {
                  const s = seriesStyle(chartId, i);
                  return <Bar key={k} dataKey={k} name={k} stackId="moves" fill={s.fill} stroke={s.color} isAnimationActive={false} />;
                })}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <SeriesLegend chartId={chartId} names={kinds} />
          <ChartDataTable
            caption="Members who changed tier, per month"
            columns={["Month", ...kinds]}
            rows={data.map((r) => ({ key: String(r.month), cells: [r.label, ...kinds.map((k) => count(Number(r[k] ?? 0), locale))] }))}
          />
        </>
      ) : null}
    </ChartFigure>
  );
}
