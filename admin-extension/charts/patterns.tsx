/**
 * Each series gets a colour AND a pattern (solid, stripes, dots, cross-hatch, ...), so the charts
 * read in greyscale and for colour-blind owners: the legend shows the same swatch.
 */
const COLORS = ["#2c6ecb", "#b98900", "#008060", "#d72c0d", "#6f4ab3", "#5c5f62"];

export type PatternKind = "solid" | "stripes" | "dots" | "cross" | "lines" | "checks";
const KINDS: PatternKind[] = ["solid", "stripes", "dots", "cross", "lines", "checks"];

export interface SeriesStyle {
  color: string;
  pattern: PatternKind;
  /** The SVG fill: a colour for solid, `url(#id)` otherwise. */
  fill: string;
  /** For lines: a dash pattern per series. */
  dash: string | undefined;
}

const DASHES = [undefined, "6 3", "2 3", "10 3 2 3", "1 4", "12 4"];

export function seriesStyle(chartId: string, index: number): SeriesStyle {
  const color = COLORS[index % COLORS.length] as string;
  const pattern = KINDS[index % KINDS.length] as PatternKind;
  return {
    color,
    pattern,
    fill: pattern === "solid" ? color : `url(#${patternId(chartId, index)})`,
    dash: DASHES[index % DASHES.length],
  };
}

export function patternId(chartId: string, index: number): string {
  return `${chartId.replace(/[^a-zA-Z0-9_-]/g, "")}-p${index}`;
}

/** `<defs>` with one pattern per series; put inside the chart's SVG. */
export function PatternDefs({ chartId, count }: { chartId: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, i) => {
        const { color, pattern } = seriesStyle(chartId, i);
        if (pattern === "solid") return null;
        return (
          <pattern key={patternId(chartId, i)} id={patternId(chartId, i)} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={color} opacity="0.35" />
            {mark(pattern, color)}
          </pattern>
        );
      })}
    </defs>
  );
}

function mark(kind: PatternKind, color: string) {
  switch (kind) {
    case "stripes":
      return <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={color} strokeWidth="2" />;
    case "dots":
      return <circle cx="4" cy="4" r="2" fill={color} />;
    case "cross":
      return <path d="M0,0 L8,8 M8,0 L0,8" stroke={color} strokeWidth="1.5" />;
    case "lines":
      return <path d="M0,4 H8" stroke={color} strokeWidth="2" />;
    case "checks":
      return <rect width="4" height="4" fill={color} />;
    default:
      return null;
  }
}
