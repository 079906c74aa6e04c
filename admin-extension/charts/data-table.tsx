import type { ReactNode } from "react";

export interface DataTableProps {
  caption: string;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}

/** The chart's numbers as a table, behind a disclosure: for screen readers, and anyone who wants the figures. */
export function ChartDataTable({ caption, columns, rows }: DataTableProps) {
  return (
    <details className="kinship-chart-data">
      <summary>Show the numbers</summary>
      <div style={{ overflowX: "auto" }}>
        <table style={{ borderCollapse: "collapse", width: "100%", fontVariantNumeric: "tabular-nums" }}>
          <caption style={{ textAlign: "start", fontWeight: 600, padding: "4px 0" }}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th key={c} scope="col" style={{ textAlign: i === 0 ? "start" : "end", padding: "2px 8px" }}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                {r.cells.map((cell, i) => {
                  const style = { textAlign: i === 0 ? "start" : "end", padding: "2px 8px" } as const;
                  return i === 0 ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                    <th key={i} scope="row" style={style}>
                      {cell}
                    </th>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                    <td key={i} style={style}>
                      {cell}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
