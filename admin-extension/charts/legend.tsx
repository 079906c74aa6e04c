import { type SeriesStyle, seriesStyle } from "./patterns.tsx";

/** The series' names with the same colour-and-pattern swatch the chart draws. */
export function SeriesLegend({ chartId, names }: { chartId: string; names: string[] }) {
  return (
    <ul aria-hidden="true" style={{ display: "flex", flexWrap: "wrap", gap: "4px 16px", listStyle: "none", margin: "4px 0 0", padding: 0 }}>
      {names.map((name, i) => (
        <li key={name} style={{ display: "flex", alignItems: "center", gap: 6 }}>
          <Swatch style={seriesStyle(chartId, i)} />
          <span>{name}</span>
        </li>
      ))}
    </ul>
  );
}

function Swatch({ style }: { style: SeriesStyle }) {
  return (
    <svg width="14" height="14" aria-hidden="true" focusable="false">
      <rect width="14" height="14" fill={style.fill} stroke={style.color} strokeWidth="1.5" />
    </svg>
  );
}
