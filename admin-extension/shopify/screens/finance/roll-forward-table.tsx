import { Text } from "@shopify/polaris";
import { type FinanceReport, ROLL_FORWARD_COLUMNS, type RollForward } from "../../../shared/finance.ts";
import { formatLong, formatLongMoney } from "../../../shared/long.ts";
import { formatMonth } from "../../../shared/months.ts";
import { FitTable } from "../program-form/fit-table.tsx";

type Row = RollForward & { label: string; isTotal: boolean };

/** A row per day and the month's total (last, bold); the total's money line below the table. */
export function RollForwardTable({ report }: { report: FinanceReport }) {
  const rows: Row[] = [
    ...report.days.map((d) => ({ ...d, label: d.period, isTotal: false })),
    { ...report.total, label: "Month total", isTotal: true },
  ];
  const strong = (row: Row, text: string) => (row.isTotal ? <strong>{text}</strong> : text);
  const money = report.total.money;
  return (
    <>
      <FitTable
        label={`Points roll-forward by day, ${formatMonth(report.month)}`}
        rows={rows}
        rowKey={(r) => (r.isTotal ? "total" : r.period)}
        columns={[
          { header: "Day", cell: (r) => strong(r, r.label), width: "14%" },
          ...ROLL_FORWARD_COLUMNS.map((c) => ({ header: c.label, cell: (r: Row) => strong(r, formatLong(r[c.key])), numeric: true })),
        ]}
      />
      <Text as="p" tone="subdued">
        In {money.currency} at {formatLong(report.pointValuePoints)} points = {formatLongMoney(report.pointValueMoney, report.currency)}:
        opening {formatLongMoney(money.opening, money.currency)}, issued {formatLongMoney(money.issued, money.currency)}, redeemed{" "}
        {formatLongMoney(money.redeemed, money.currency)}, expired {formatLongMoney(money.expired, money.currency)}, closing{" "}
        {formatLongMoney(money.closing, money.currency)}.
      </Text>
      <Text as="p" variant="bodySm" tone="subdued">
        {report.valuation}
      </Text>
    </>
  );
}
