import { Table } from "@medusajs/ui";
import type { ReactNode } from "react";

export interface FiguresColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
}

export interface FiguresTableProps<Row> {
  label: string;
  columns: FiguresColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** A row drawn bold (a total). */
  strong?: (row: Row) => boolean;
  busy?: boolean;
}

/** A Medusa table of figures: the first column a row header, numbers right-aligned and tabular, wide tables scroll. */
export function FiguresTable<Row>({ label, columns, rows, rowKey, strong, busy }: FiguresTableProps<Row>) {
  const align = (c: FiguresColumn<Row>) => (c.numeric ? "text-right tabular-nums" : undefined);
  return (
    <div className="overflow-x-auto">
      <Table aria-label={label} aria-busy={busy ?? false}>
        <Table.Header>
          <Table.Row>
            {columns.map((c) => (
              <Table.HeaderCell key={c.header} scope="col" className={align(c)}>
                {c.header}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={rowKey(row)} className={strong?.(row) ? "font-medium txt-compact-small-plus" : undefined}>
              {columns.map((c) => (
                <Table.Cell key={c.header} className={align(c)}>
                  {c.cell(row)}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
