import { Table, Text } from "@medusajs/ui";
import type { LedgerLine } from "../../shared/types.ts";
import { formatDateTime, ledgerKindLabel, ledgerPoints } from "./format.ts";

export interface LedgerTableProps {
  lines: readonly LedgerLine[];
  /** Names the table for assistive technology. */
  caption: string;
  /** The order column (left out on an order's own page). */
  showOrder?: boolean;
}

export function LedgerTable({ lines, caption, showOrder = true }: LedgerTableProps) {
  return (
    <Table aria-label={caption}>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell scope="col">Date</Table.HeaderCell>
          <Table.HeaderCell scope="col">Kind</Table.HeaderCell>
          <Table.HeaderCell scope="col" className="text-right">
            Points
          </Table.HeaderCell>
          <Table.HeaderCell scope="col">Reason</Table.HeaderCell>
          <Table.HeaderCell scope="col">By</Table.HeaderCell>
          {showOrder ? <Table.HeaderCell scope="col">Order</Table.HeaderCell> : null}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {lines.map((line) => (
          <Table.Row key={line.key} data-ledger-key={line.key}>
            <Table.Cell className="whitespace-nowrap">
              <time dateTime={line.occurredAt}>{formatDateTime(line.occurredAt)}</time>
            </Table.Cell>
            <Table.Cell className="whitespace-nowrap">{ledgerKindLabel(line.kind)}</Table.Cell>
            <Table.Cell className="text-right tabular-nums">{ledgerPoints(line)}</Table.Cell>
            <Table.Cell>{line.reason}</Table.Cell>
            <Table.Cell>
              {line.actor ?? (
                <Text as="span" size="small" className="text-ui-fg-muted">
                  Automatic
                </Text>
              )}
            </Table.Cell>
            {showOrder ? (
              <Table.Cell className="max-w-[12rem] truncate" title={line.orderId ?? undefined}>
                {line.orderId ?? (
                  <Text as="span" size="small" className="text-ui-fg-muted">
                    —
                  </Text>
                )}
              </Table.Cell>
            ) : null}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
