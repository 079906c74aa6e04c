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

/**
 * The ledger, fitted to its card: every column can shrink (a table grows past its card when one
 * cannot), so long reasons wrap anywhere and clamp to two lines, and ids and names truncate; the
 * full text of each is on hover (title).
 */
export function LedgerTable({ lines, caption, showOrder = true }: LedgerTableProps) {
  return (
    <Table aria-label={caption} data-ledger-table="">
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
            <Table.Cell className="py-2">
              <time dateTime={line.occurredAt}>{formatDateTime(line.occurredAt)}</time>
            </Table.Cell>
            <Table.Cell className="py-2">{ledgerKindLabel(line.kind)}</Table.Cell>
            <Table.Cell className="py-2 text-right tabular-nums">{ledgerPoints(line)}</Table.Cell>
            <Table.Cell className="py-2">
              <span className="line-clamp-2 [overflow-wrap:anywhere]" title={line.reason}>
                {line.reason}
              </span>
            </Table.Cell>
            <Table.Cell className="py-2">
              {line.actor ? (
                <Truncated text={line.actor} />
              ) : (
                <Text as="span" size="small" className="text-ui-fg-subtle">
                  Automatic
                </Text>
              )}
            </Table.Cell>
            {showOrder ? (
              <Table.Cell className="py-2">
                {line.orderId ? (
                  <Truncated text={line.orderId} />
                ) : (
                  <Text as="span" size="small" className="text-ui-fg-subtle">
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

/** One line cut with an ellipsis at 8rem (a table cell's own max-width is ignored), the whole text on hover. */
function Truncated({ text }: { text: string }) {
  return (
    <span className="block max-w-[8rem] truncate" title={text}>
      {text}
    </span>
  );
}
