import type { RollForward } from "../../core/index.ts";
import type { FinanceReport } from "../../store/finance/report.ts";
import { CliError, type CommandSpec, flag, SHOP, selectProgram, stringOption, UsageError, withEngine, writeLine } from "../context.ts";
import { type Column, table } from "../format.ts";

const FIGURES = ["opening", "issued", "redeemed", "expired", "reversed", "adjusted", "other", "closing"] as const;

export const reportFinanceCommand: CommandSpec = {
  name: "report finance",
  summary: "a month's points roll-forward reconciled to the ledger, liability less breakage, benefit costs",
  positionals: [],
  options: {
    month: { type: "string", arg: "<YYYY-MM>", help: "the month, in the program's time zone (default: the current month)" },
    csv: { type: "boolean", help: "the roll-forward as CSV: one row per day, then the month" },
    program: { type: "string", arg: "<key>", help: "program key (same as --shop)" },
    ...SHOP,
  },
  description: [
    "Days and months are the program's own (config.timezone). For each day and the month:",
    "opening + issued − redeemed − expired − reversed + adjusted + other = closing, in points and in",
    "minor units of the program's currency (config.pointValue, rounded half up), checked against the",
    "ledger's own sum at the period's end. A period that does not close on the ledger to the point",
    "makes the command fail (exit 1) after printing the report. The current month runs to now (--at).",
  ].join("\n"),
  run: ({ io, values, clock }) =>
    withEngine(io, async (engine) => {
      const now = clock();
      const program = stringOption(values, "program");
      const shop = stringOption(values, "shop");
      if (program !== undefined && shop !== undefined && program !== shop)
        throw new UsageError("--program and --shop name different programs");
      const key = await selectProgram(engine, { ...values, shop: program ?? shop });
      const found = await engine.program(key);
      if (!found.ok) throw new CliError(found.error.message);
      const month = stringOption(values, "month") ?? currentMonth(now, found.value.config.timezone);
      const report = await engine.finance.report(key, month, now);
      if (!report.ok) {
        if (report.error.code === "InvalidMonth") throw new UsageError(report.error.message);
        throw new CliError(report.error.message);
      }
      const r = report.value;
      const lines = flag(values, "csv") ? csv(r) : text(r);
      for (const line of lines) await writeLine(io.stdout, line);
      if (!r.reconciled) {
        const off = [...r.days, r.total].filter((p) => !p.reconciled);
        throw new CliError(`${key}: ${month} does not reconcile to the ledger`, [
          ...off.map((p) => `${p.period}: closing ${p.closing} points, ledger ${p.ledgerClosing}`),
          ...(r.membersClosing === r.total.closing
            ? []
            : [`${month}: closing ${r.total.closing} points, members hold ${r.membersClosing}`]),
        ]);
      }
      return 0;
    }),
};

function currentMonth(now: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit" }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}`;
}

function csv(r: FinanceReport): string[] {
  const header = ["period", ...FIGURES, "ledger_closing", "reconciled", "currency", ...FIGURES.map((f) => `money_${f}`)];
  const row = (p: RollForward) =>
    [p.period, ...FIGURES.map((f) => p[f]), p.ledgerClosing, p.reconciled, p.money.currency, ...FIGURES.map((f) => p.money[f])].join(",");
  return [header.join(","), ...r.days.map(row), row(r.total)];
}

function text(r: FinanceReport): string[] {
  const periods = [...r.days, r.total];
  const figures = (pick: (p: RollForward) => RollForward | RollForward["money"]): Column<RollForward>[] => [
    { header: "PERIOD", value: (p) => p.period },
    ...FIGURES.map((f) => ({ header: f.toUpperCase(), value: (p: RollForward) => pick(p)[f].toString(), right: true })),
  ];
  const pct = (rate: number) => `${(rate * 100).toFixed(2)}%`;
  return [
    `${r.program}: finance ${r.month} (${r.timezone}), ${r.total.start.toISOString()} to ${r.total.end.toISOString()}`,
    `Point value: ${r.pointValue.points} points = ${r.pointValue.money} ${r.currency} minor units. ${r.valuation}.`,
    "",
    "Points roll-forward (closing checked against the ledger's own sum):",
    ...table(periods, [
      ...figures((p) => p),
      { header: "LEDGER", value: (p) => p.ledgerClosing.toString(), right: true },
      { header: "OK", value: (p) => (p.reconciled ? "yes" : "NO") },
    ]),
    "",
    `Money roll-forward (${r.currency} minor units):`,
    ...table(
      periods,
      figures((p) => p.money),
    ),
    "",
    "Liability at the end:",
    ...table(r.liability, [
      { header: "CURRENCY", value: (l) => l.currency },
      { header: "AVAILABLE", value: (l) => l.availablePoints.toString(), right: true },
      { header: "PENDING", value: (l) => l.pendingPoints.toString(), right: true },
      { header: "GROSS", value: (l) => l.gross.toString(), right: true },
      { header: "BREAKAGE", value: (l) => l.expectedBreakage.toString(), right: true },
      { header: "NET", value: (l) => l.net.toString(), right: true },
    ]),
    "",
    `Breakage: ${pct(r.breakage.rate)} (${r.breakage.expired} expired, ${r.breakage.redeemed} redeemed). Method: ${r.breakage.method}.`,
    "",
    `Benefit costs (${r.currency} minor units):`,
    ...(r.benefitCosts.length === 0
      ? ["none configured or used"]
      : table(r.benefitCosts, [
          { header: "KEY", value: (b) => b.key },
          { header: "NAME", value: (b) => b.name },
          { header: "USES", value: (b) => b.uses, right: true },
          { header: "EST. COST", value: (b) => (b.estimatedCost === null ? null : b.estimatedCost.toString()), right: true },
          { header: "DISCOUNTS", value: (b) => b.discountsGiven.toString(), right: true },
          { header: "MEMBERS", value: (b) => b.members, right: true },
          { header: "ORDERS", value: (b) => b.memberOrders, right: true },
          { header: "SALES", value: (b) => b.memberSales.toString(), right: true },
        ])),
    "",
    `Members hold ${r.membersClosing} points at the end (member balances less entries dated later).`,
    r.reconciled
      ? "Reconciled: every day and the month close on the ledger, and the month on the members' balances."
      : "NOT RECONCILED: see the rows marked NO and the members' balance.",
  ];
}
