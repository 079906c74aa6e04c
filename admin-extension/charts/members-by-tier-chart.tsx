import { useId } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TierWeek } from "../shared/types.ts";
import { ChartFigure } from "./chart-figure.tsx";
import { ChartDataTable } from "./data-table.tsx";
import { count, weekLabel } from "./format.ts";
import { SeriesLegend } from "./legend.tsx";
import { PatternDefs, seriesStyle } from "./patterns.tsx";

export interface MembersByTierChartProps {
  weeks: TierWeek[];
  /** The program's time zone: week labels are its dates. */
  timeZone?: string;
  locale?: string;
  height?: number;
}

/** Members per tier at the end of each week, stacked: the program's shape over time. */
export function MembersByTierChart({ weeks, timeZone, locale = "en-US", height = 260 }: MembersByTierChartProps) {
  const chartId = useId();
  const tiers = tierList(weeks);
  const data = weeks.map((w) => {
    const row: Record<string, string | number> = { week: weekLabel(w.week, locale, timeZone) };
    for (const t of tiers) row[t.tier] = w.tiers.find((x) => x.tier === t.tier)?.members ?? 0;
    return row;
  });
  const last = weeks.at(-1);
  const summary = last
    ? `At the end of the latest week: ${last.tiers.map((t) => `${t.name} ${count(t.members, locale)}`).join(", ")}.`
    : "No members yet.";
  return (
    <ChartFigure title="Members by tier" summary={summary}>
      <div style={{ width: "100%", height }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <PatternDefs chartId={chartId} count={tiers.length} />
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="week" tick={{ fontSize: 12 }} />
            <YAxis tick={{ fontSize: 12 }} allowDecimals={false} width={48} />
            <Tooltip formatter={(v) => count(Number(v), locale)} />
            {tiers.map((t, i) => {
              const s = seriesStyle(chartId, i);
              return (
                <Bar key={t.tier} dataKey={t.tier} name={t.name} stackId="tiers" fill={s.fill} stroke={s.color} isAnimationActive={false} />
              );
            })}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <SeriesLegend chartId={chartId} names={tiers.map((t) => t.name)} />
      <ChartDataTable
        caption="Members by tier at the end of each week"
        columns={["Week", ...tiers.map((t) => t.name)]}
        rows={weeks.map((w, i) => ({
          key: w.week,
          cells: [data[i]?.week, ...tiers.map((t) => count(w.tiers.find((x) => x.tier === t.tier)?.members ?? 0, locale))],
        }))}
      />
    </ChartFigure>
  );
}

/** Every tier seen in any week, in the order the weeks list them (the program's tier order). */
function tierList(weeks: TierWeek[]): { tier: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const w of weeks) for (const t of w.tiers) if (!seen.has(t.tier)) seen.set(t.tier, t.name);
  return [...seen].map(([tier, name]) => ({ tier, name }));
}
