import { BlockStack, Card, Text, TextField } from "@shopify/polaris";
import type { UseQueryResult } from "@tanstack/react-query";
import { useId } from "react";
import { formatNumber } from "../../../shared/format.ts";
import { formatMoney } from "../../../shared/money.ts";
import { formatMonth } from "../../../shared/months.ts";
import { settlementTotals, useSettlementMonth } from "../../../shared/partner-settlement.ts";
import type { PartnerSettlement } from "../../../shared/types.ts";
import { ApiErrorBanner } from "../program-form/api-error-banner.tsx";
import { FitTable } from "../program-form/fit-table.tsx";

export interface PartnerSettlementCardProps {
  /** "2026-06". */
  month: string;
  onMonthChange: (month: string) => void;
  /** The program's, where months start. */
  timeZone: string;
  settlement: UseQueryResult<PartnerSettlement[], unknown>;
}

/** What the merchant owes each partner for the codes members claimed in a month, with each pool's stock. */
export function PartnerSettlementCard({ month, onMonthChange, timeZone, settlement }: PartnerSettlementCardProps) {
  const headingId = useId();
  const { text, parsed, change } = useSettlementMonth(month, onMonthChange);
  const { rows, currency, total } = settlementTotals(settlement.data);
  return (
    <section aria-labelledby={headingId}>
      <Card>
        <BlockStack gap="400">
          <Text as="h2" variant="headingMd" id={headingId}>
            Settlement
          </Text>
          <div style={{ maxWidth: "16rem" }}>
            <TextField
              label="Settlement month"
              type="month"
              value={text}
              placeholder="2026-06"
              autoComplete="off"
              onChange={change}
              helpText={`The month starts at midnight on the 1st in the program's time zone (${timeZone}). Codes left is the whole pool's.`}
              error={parsed.ok ? undefined : parsed.message}
            />
          </div>
          {settlement.isPending ? (
            <Text as="p" tone="subdued">
              Loading the settlement…
            </Text>
          ) : settlement.isError ? (
            <ApiErrorBanner error={settlement.error} title="Could not load the settlement." />
          ) : rows.length === 0 ? (
            <Text as="p" tone="subdued">
              No partners to settle with.
            </Text>
          ) : (
            <>
              <FitTable
                label={`Partner settlement, ${formatMonth(month)}`}
                busy={settlement.isPlaceholderData}
                rows={rows}
                rowKey={(r) => r.partner}
                columns={[
                  { header: "Partner", cell: (r) => r.name, title: (r) => r.name, width: "32%" },
                  { header: "Codes claimed", cell: (r) => formatNumber(r.claimed), numeric: true },
                  { header: "Price per code", cell: (r) => formatMoney(r.settlementPrice, r.currency), numeric: true },
                  { header: "Amount due", cell: (r) => formatMoney(r.amountDue, r.currency), numeric: true },
                  { header: "Codes left", cell: (r) => formatNumber(r.codesLeft), numeric: true },
                ]}
              />
              {currency ? (
                <Text as="p" fontWeight="semibold">
                  Total due for {formatMonth(month)}: {formatMoney(total, currency)}
                </Text>
              ) : null}
            </>
          )}
        </BlockStack>
      </Card>
    </section>
  );
}
