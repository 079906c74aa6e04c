import { Text } from "@shopify/polaris";
import type { ReactNode } from "react";

export interface FitColumn<Row> {
  header: string;
  /** The cell's content; text is wrapped within the column. */
  cell: (row: Row) => ReactNode;
  /** The full text, shown on hover when the cell is cut short. */
  title?: (row: Row) => string;
  numeric?: boolean;
  /** A share of the table's width ("40%"); the rest share what is left. */
  width?: string;
}

export interface FitTableProps<Row> {
  label: string;
  columns: FitColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  busy?: boolean;
}

const css = `
.kinship-fit-table { width: 100%; table-layout: fixed; border-collapse: collapse; }
.kinship-fit-table th, .kinship-fit-table td { padding: var(--p-space-200) var(--p-space-300); text-align: start;
  border-block-end: var(--p-border-width-025) solid var(--p-color-border-secondary); overflow-wrap: anywhere; vertical-align: top; }
.kinship-fit-table th { font-weight: var(--p-font-weight-semibold); color: var(--p-color-text-secondary); }
.kinship-fit-table [data-numeric] { text-align: end; font-variant-numeric: tabular-nums; }
.kinship-fit-table .kinship-clip { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
`;

/**
 * A table that always fits its card: fixed layout over the card's width, long text wrapped and
 * clipped at two lines with the full text on hover (the cell's title), numbers right-aligned.
 */
export function FitTable<Row>({ label, columns, rows, rowKey, busy }: FitTableProps<Row>) {
  return (
    <>
      <style>{css}</style>
      <table className="kinship-fit-table" aria-label={label} aria-busy={busy ?? false}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.header} style={c.width ? { width: c.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" {...(c.numeric ? { "data-numeric": "" } : {})}>
                <Text as="span" variant="bodySm" fontWeight="semibold">
                  {c.header}
                </Text>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.header} {...(c.numeric ? { "data-numeric": "" } : {})}>
                  <span className="kinship-clip" title={c.title?.(row)}>
                    {c.cell(row)}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
