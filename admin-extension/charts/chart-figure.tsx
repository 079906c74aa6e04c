import { type ReactNode, useId } from "react";

export interface ChartFigureProps {
  title: string;
  /** One sentence saying what the chart shows (read by screen readers as the figure's description). */
  summary: string;
  children: ReactNode;
}

/** A chart with its title, a one-line summary and (in children) the drawing, legend and data table. */
export function ChartFigure({ title, summary, children }: ChartFigureProps) {
  const titleId = useId();
  const summaryId = useId();
  return (
    <figure aria-labelledby={titleId} aria-describedby={summaryId} style={{ margin: 0 }}>
      <figcaption>
        <strong id={titleId} style={{ display: "block" }}>
          {title}
        </strong>
        <span id={summaryId} style={{ fontSize: "0.875em", opacity: 0.8 }}>
          {summary}
        </span>
      </figcaption>
      {children}
    </figure>
  );
}
