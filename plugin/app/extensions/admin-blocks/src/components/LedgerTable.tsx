/** @jsxImportSource preact */
import { day } from "../../../customer-account/src/data/text.ts";
import { kindLabel, linePoints, signed, truncate } from "../data/text.ts";
import type { LedgerLine } from "../data/types.ts";

/** Ledger lines as a table that fits the block: a long reason is cut, its full text in a tooltip. */
export function LedgerTable({ lines }: { lines: LedgerLine[] }) {
  return (
    <s-table variant="auto">
      <s-table-header-row>
        <s-table-header listSlot="secondary">Date</s-table-header>
        <s-table-header listSlot="kicker">Kind</s-table-header>
        <s-table-header listSlot="inline" format="numeric">
          Points
        </s-table-header>
        <s-table-header listSlot="primary">Reason</s-table-header>
      </s-table-header-row>
      <s-table-body>
        {lines.map((line) => {
          const short = truncate(line.reason);
          const tip = `reason-${line.key}`;
          return (
            <s-table-row key={line.key}>
              <s-table-cell>{day(line.occurredAt)}</s-table-cell>
              <s-table-cell>{kindLabel(line.kind)}</s-table-cell>
              <s-table-cell>{signed(linePoints(line))}</s-table-cell>
              <s-table-cell>
                {short === line.reason ? (
                  <s-text>{line.reason}</s-text>
                ) : (
                  <>
                    <s-text interestFor={tip}>{short}</s-text>
                    <s-tooltip id={tip}>{line.reason}</s-tooltip>
                  </>
                )}
              </s-table-cell>
            </s-table-row>
          );
        })}
      </s-table-body>
    </s-table>
  );
}
