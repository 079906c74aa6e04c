import { BlockStack, Card, Text } from "@shopify/polaris";
import { breakageRate, type FinanceReport } from "../../../shared/finance.ts";
import { formatDate } from "../../../shared/format.ts";
import { formatLong, formatLongMoney, toBigInt } from "../../../shared/long.ts";
import { FitTable } from "../program-form/fit-table.tsx";

/** Outstanding points as money per currency, less the breakage expected, and how that rate was found. */
export function LiabilityCard({ report }: { report: FinanceReport }) {
  const b = report.breakage;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Liability
        </Text>
        <FitTable
          label="Points liability per currency"
          rows={report.liability}
          rowKey={(l) => l.currency}
          columns={[
            { header: "Currency", cell: (l) => l.currency, width: "14%" },
            { header: "Points", cell: (l) => formatLong(toBigInt(l.availablePoints) + toBigInt(l.pendingPoints)), numeric: true },
            { header: "Gross", cell: (l) => formatLongMoney(l.gross, l.currency), numeric: true },
            { header: "Expected breakage", cell: (l) => formatLongMoney(l.expectedBreakage, l.currency), numeric: true },
            { header: "Net", cell: (l) => formatLongMoney(l.net, l.currency), numeric: true },
          ]}
        />
        <div data-breakage>
          <BlockStack gap="100">
            <Text as="p" fontWeight="semibold">
              Breakage rate {breakageRate(b)}
            </Text>
            <Text as="p" tone="subdued">
              {formatLong(b.expired)} points expired and {formatLong(b.redeemed)} redeemed from {formatDate(b.windowFrom)} to{" "}
              {formatDate(b.windowTo)}. Method: {b.method}.
            </Text>
          </BlockStack>
        </div>
      </BlockStack>
    </Card>
  );
}
