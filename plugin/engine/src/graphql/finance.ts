import type { RollForward } from "../core/index.ts";
import type { FinanceReport } from "../store/finance/report.ts";
import type { Admin } from "./admin-context.ts";
import { badInput, unwrap } from "./errors.ts";
import type { Resolvers } from "./execute.ts";

/** Finance in the admin: the month's roll-forward, liability, breakage and benefit costs. */
export const financeAdminResolvers: Resolvers<Admin> = {
  Query: {
    async financeReport(_source, args, a) {
      if (typeof args.month !== "string") throw badInput("month must be YYYY-MM, such as 2026-11");
      const program = await a.program();
      return financeView(unwrap(await a.engine.finance.report(program.key, args.month, a.ctx.now)));
    },
  },
};

/** The report as the SDL reads it: Long figures as decimal strings, instants as ISO text. */
export function financeView(r: FinanceReport) {
  const s = (n: bigint) => n.toString();
  return {
    month: r.month,
    timezone: r.timezone,
    currency: r.currency,
    from: r.total.start.toISOString(),
    to: r.total.end.toISOString(),
    pointValuePoints: r.pointValue.points,
    pointValueMoney: r.pointValue.money,
    valuation: r.valuation,
    total: rollForwardView(r.total),
    days: r.days.map(rollForwardView),
    liability: r.liability.map((l) => ({
      currency: l.currency,
      availablePoints: s(l.availablePoints),
      pendingPoints: s(l.pendingPoints),
      gross: s(l.gross),
      expectedBreakage: s(l.expectedBreakage),
      net: s(l.net),
    })),
    breakage: {
      rate: r.breakage.rate,
      expired: s(r.breakage.expired),
      redeemed: s(r.breakage.redeemed),
      windowFrom: r.breakage.windowFrom.toISOString(),
      windowTo: r.breakage.windowTo.toISOString(),
      method: r.breakage.method,
    },
    benefitCosts: r.benefitCosts.map((b) => ({
      ...b,
      estimatedCost: b.estimatedCost === null ? null : s(b.estimatedCost),
      discountsGiven: s(b.discountsGiven),
      memberSales: s(b.memberSales),
    })),
    membersClosing: s(r.membersClosing),
    reconciled: r.reconciled,
  };
}

const FIGURES = ["opening", "issued", "redeemed", "expired", "reversed", "adjusted", "other", "closing"] as const;

function rollForwardView(r: RollForward) {
  const points = Object.fromEntries(FIGURES.map((f) => [f, r[f].toString()]));
  const money = Object.fromEntries(FIGURES.map((f) => [f, r.money[f].toString()]));
  return {
    period: r.period,
    ...points,
    ledgerClosing: r.ledgerClosing.toString(),
    reconciled: r.reconciled,
    money: { currency: r.money.currency, ...money },
  };
}
