import { Button, Container, Heading, Input, Text } from "@medusajs/ui";
import { useId, useState } from "react";
import { DailyPointsChart } from "../charts/index.ts";
import {
  type BenefitCost,
  benefitKindLabel,
  breakageRate,
  dailyMovements,
  downloadText,
  type FinanceReport,
  ROLL_FORWARD_COLUMNS,
  type RollForward,
  rollForwardCsv,
  rollForwardFileName,
  useFinanceReport,
} from "../shared/finance.ts";
import { formatDate, formatNumber } from "../shared/format.ts";
import { useProgram } from "../shared/hooks.ts";
import { formatLong, formatLongMoney, toBigInt } from "../shared/long.ts";
import { currentMonth, formatMonth } from "../shared/months.ts";
import { useSettlementMonth } from "../shared/partner-settlement.ts";
import { DashboardCard } from "./dashboard-page.tsx";
import { ApiErrorAlert } from "./parts/api-error.tsx";
import { Field } from "./parts/field.tsx";
import { FiguresTable } from "./reports/figures-table.tsx";

/** Loyalty → Finance: the month's points roll-forward by day, liability with breakage, benefit costs; CSV for the accountant. */
/** `initialMonth` ("2026-06"): the month shown first; the current one in the program's time zone by default. */
export function FinancePage({ initialMonth }: { initialMonth?: string } = {}) {
  const program = useProgram();
  const [picked, setPicked] = useState<string | null>(initialMonth ?? null);
  const timeZone = program.data?.config.timezone ?? "UTC";
  if (!program.data && !program.isError) return null;
  return <FinanceView month={picked ?? currentMonth(new Date(), timeZone)} onMonthChange={setPicked} timeZone={timeZone} />;
}

function FinanceView({ month, onMonthChange, timeZone }: { month: string; onMonthChange: (m: string) => void; timeZone: string }) {
  const headingId = useId();
  const report = useFinanceReport(month);
  const { text, parsed, change } = useSettlementMonth(month, onMonthChange);
  const data = report.data as FinanceReport | undefined;
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0" role="region" aria-labelledby={headingId}>
        <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <Heading level="h1" id={headingId}>
              Finance
            </Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Points as money: what was issued, redeemed and expired, what is still owed, and what benefits cost.
            </Text>
          </div>
          <div className="flex flex-wrap items-end gap-3">
            <Field
              className="flex max-w-xs flex-col gap-y-2"
              label="Month"
              hint={`Days run midnight to midnight in ${timeZone}.`}
              errors={parsed.ok ? [] : [parsed.message]}
            >
              {(control) => <Input {...control} type="month" value={text} placeholder="2026-06" onChange={(e) => change(e.target.value)} />}
            </Field>
            <Button
              type="button"
              variant="secondary"
              disabled={!data}
              onClick={() => data && downloadText(rollForwardFileName(data.month), rollForwardCsv(data))}
            >
              Download CSV
            </Button>
          </div>
        </div>
        {report.isError && !data ? (
          <div className="px-6 py-4">
            <ApiErrorAlert error={report.error} title="Could not load the finance report." />
          </div>
        ) : !data ? (
          <Text size="small" className="px-6 py-4 text-ui-fg-subtle" aria-busy="true">
            Loading the finance report…
          </Text>
        ) : (
          <div className="px-6 py-4" aria-busy={report.isPlaceholderData}>
            <Text size="small">
              {formatMonth(data.month)} in {data.timezone}; {formatNumber(data.pointValuePoints)} points are worth{" "}
              {formatLongMoney(data.pointValueMoney, data.currency)}.{" "}
              <span data-reconciled={data.reconciled} className={data.reconciled ? "text-ui-fg-base" : "text-ui-fg-error"}>
                {data.reconciled ? "Reconciled to the ledger." : "Does not reconcile to the ledger."}
              </span>
            </Text>
          </div>
        )}
      </Container>
      {data ? (
        <>
          <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
            <Liability report={data} />
            <Container className="min-w-0 px-6 py-4">
              <DailyPointsChart days={dailyMovements(data)} />
            </Container>
          </div>
          <DashboardCard title="Roll-forward">
            <RollForwardTable report={data} />
          </DashboardCard>
          <DashboardCard title="Benefit costs">
            <BenefitCosts costs={data.benefitCosts} />
          </DashboardCard>
        </>
      ) : null}
    </div>
  );
}

type Row = RollForward & { label: string; isTotal: boolean };

function RollForwardTable({ report }: { report: FinanceReport }) {
  const rows: Row[] = [
    ...report.days.map((d) => ({ ...d, label: d.period, isTotal: false })),
    { ...report.total, label: "Month total", isTotal: true },
  ];
  const m = report.total.money;
  return (
    <>
      <FiguresTable
        label={`Points roll-forward by day, ${formatMonth(report.month)}`}
        rows={rows}
        rowKey={(r) => (r.isTotal ? "total" : r.period)}
        strong={(r) => r.isTotal}
        columns={[
          { header: "Day", cell: (r) => r.label },
          ...ROLL_FORWARD_COLUMNS.map((c) => ({ header: c.label, cell: (r: Row) => formatLong(r[c.key]), numeric: true })),
        ]}
      />
      <Text size="small" className="text-ui-fg-subtle">
        In {m.currency}: opening {formatLongMoney(m.opening, m.currency)}, issued {formatLongMoney(m.issued, m.currency)}, redeemed{" "}
        {formatLongMoney(m.redeemed, m.currency)}, expired {formatLongMoney(m.expired, m.currency)}, closing{" "}
        {formatLongMoney(m.closing, m.currency)}. {report.valuation}
      </Text>
    </>
  );
}

function Liability({ report }: { report: FinanceReport }) {
  const b = report.breakage;
  return (
    <DashboardCard title="Liability">
      <FiguresTable
        label="Points liability per currency"
        rows={report.liability}
        rowKey={(l) => l.currency}
        columns={[
          { header: "Currency", cell: (l) => l.currency },
          { header: "Points", cell: (l) => formatLong(toBigInt(l.availablePoints) + toBigInt(l.pendingPoints)), numeric: true },
          { header: "Gross", cell: (l) => formatLongMoney(l.gross, l.currency), numeric: true },
          { header: "Expected breakage", cell: (l) => formatLongMoney(l.expectedBreakage, l.currency), numeric: true },
          { header: "Net", cell: (l) => formatLongMoney(l.net, l.currency), numeric: true },
        ]}
      />
      <div data-breakage="" className="flex flex-col gap-y-1">
        <Text size="small" weight="plus">
          Breakage rate {breakageRate(b)}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {formatLong(b.expired)} points expired and {formatLong(b.redeemed)} redeemed from {formatDate(b.windowFrom)} to{" "}
          {formatDate(b.windowTo)}. Method: {b.method}.
        </Text>
      </div>
    </DashboardCard>
  );
}

function BenefitCosts({ costs }: { costs: BenefitCost[] }) {
  if (costs.length === 0)
    return (
      <Text size="small" className="text-ui-fg-subtle" data-empty-state="">
        No benefit or reward was used this month.
      </Text>
    );
  return (
    <FiguresTable
      label="Benefit costs against members' orders"
      rows={costs}
      rowKey={(c) => c.key}
      columns={[
        { header: "Benefit", cell: (c) => c.name },
        { header: "Kind", cell: (c) => benefitKindLabel(c.kind) },
        { header: "Uses", cell: (c) => formatNumber(c.uses), numeric: true },
        {
          header: "Estimated cost",
          cell: (c) => (c.estimatedCost === null ? "—" : formatLongMoney(c.estimatedCost, c.currency)),
          numeric: true,
        },
        { header: "Discounts given", cell: (c) => formatLongMoney(c.discountsGiven, c.currency), numeric: true },
        { header: "Members", cell: (c) => formatNumber(c.members), numeric: true },
        { header: "Their orders", cell: (c) => formatNumber(c.memberOrders), numeric: true },
        { header: "Their sales", cell: (c) => formatLongMoney(c.memberSales, c.currency), numeric: true },
      ]}
    />
  );
}
