import { Heading, Input, Table, Text } from "@medusajs/ui";
import type { UseQueryResult } from "@tanstack/react-query";
import { useId } from "react";
import { formatMoney } from "../../shared/money.ts";
import { formatMonth } from "../../shared/months.ts";
import { settlementTotals, useSettlementMonth } from "../../shared/partner-settlement.ts";
import type { PartnerSettlement } from "../../shared/types.ts";
import { ApiErrorAlert } from "../parts/api-error.tsx";
import { Field } from "../parts/field.tsx";
import { formatNumber } from "../parts/format.ts";

export interface PartnerSettlementSectionProps {
  /** "2026-06". */
  month: string;
  onMonthChange: (month: string) => void;
  /** The program's, where months start. */
  timeZone: string;
  settlement: UseQueryResult<PartnerSettlement[], unknown>;
}

/** What the merchant owes each partner for the codes members claimed in a month, with each pool's stock. */
export function PartnerSettlementSection({ month, onMonthChange, timeZone, settlement }: PartnerSettlementSectionProps) {
  const headingId = useId();
  const { text, parsed, change } = useSettlementMonth(month, onMonthChange);
  const { rows, currency, total } = settlementTotals(settlement.data);
  return (
    <section className="flex flex-col gap-y-3 border-t border-ui-border-base pt-4" aria-labelledby={headingId}>
      <Heading level="h3" id={headingId}>
        Settlement
      </Heading>
      <Field
        className="flex max-w-xs flex-col gap-y-2"
        label="Settlement month"
        hint={`The month starts at midnight on the 1st in the program's time zone (${timeZone}). Codes left is the whole pool's.`}
        errors={parsed.ok ? [] : [parsed.message]}
      >
        {(control) => <Input {...control} type="month" value={text} placeholder="2026-06" onChange={(e) => change(e.target.value)} />}
      </Field>
      {settlement.isPending ? (
        <Text size="small" className="text-ui-fg-subtle">
          Loading the settlement…
        </Text>
      ) : settlement.isError ? (
        <ApiErrorAlert error={settlement.error} title="Could not load the settlement." />
      ) : rows.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          No partners to settle with.
        </Text>
      ) : (
        <>
          <Table aria-label={`Partner settlement, ${formatMonth(month)}`} aria-busy={settlement.isPlaceholderData}>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Partner</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="text-right">
                  Codes claimed
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="text-right">
                  Price per code
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="text-right">
                  Amount due
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="text-right">
                  Codes left
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((row) => (
                <Table.Row key={row.partner} data-partner={row.partner}>
                  <Table.Cell>{row.name}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{formatNumber(row.claimed)}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{formatMoney(row.settlementPrice, row.currency)}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{formatMoney(row.amountDue, row.currency)}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{formatNumber(row.codesLeft)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {currency ? (
            <Text size="small" weight="plus">
              Total due for {formatMonth(month)}: {formatMoney(total, currency)}
            </Text>
          ) : null}
        </>
      )}
    </section>
  );
}
