import { formatNumber } from "../../../shared/format.ts";
import { type Insight, SEGMENTS, segmentByTier } from "../../../shared/insight.ts";
import { FitTable } from "../program-form/fit-table.tsx";

/** Members per tier (rows) and segment (columns). */
export function SegmentByTierTable({ byTier, tiers }: { byTier: Insight["byTier"]; tiers: { key: string; name: string }[] }) {
  const rows = segmentByTier(byTier, tiers);
  return (
    <FitTable
      label="Members per tier and segment"
      rows={rows}
      rowKey={(r) => r.tier}
      columns={[
        { header: "Tier", cell: (r) => r.name, width: "16%" },
        ...SEGMENTS.map((s) => ({ header: s.label, cell: (r: (typeof rows)[number]) => formatNumber(r.counts[s.segment]), numeric: true })),
      ]}
    />
  );
}
