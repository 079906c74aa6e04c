import {
  addMovements,
  type Breakage,
  breakageOf,
  breakageWindow,
  type EngineError,
  err,
  financeMonth,
  type Liability,
  liabilities,
  NO_MOVEMENTS,
  ok,
  type PointValue,
  type Result,
  type RollForward,
  rollForward,
  VALUATION_METHOD,
} from "../../core/index.ts";
import type { Db } from "../db/connect.ts";
import { findProgram } from "../programs/programs.ts";
import { type BenefitCost, benefitCosts } from "./benefits.ts";
import { balancesAt, breakageSums, membersBalanceAt, movementsByPeriod } from "./ledger.ts";

/** A month of the program's points as money, every figure from Postgres (see the SDL's FinanceReport). */
export interface FinanceReport {
  program: string;
  month: string;
  timezone: string;
  currency: string;
  pointValue: PointValue;
  /** How money is valued and rounded, in words. */
  valuation: string;
  total: RollForward;
  days: RollForward[];
  liability: Liability[];
  breakage: Breakage;
  benefitCosts: BenefitCost[];
  /** The balance at the end as the member rows hold it (less entries dated later): the month must close on it too. */
  membersClosing: bigint;
  /** Every day and the month closed on the ledger's own sum, and the month on the members' balances, to the point. */
  reconciled: boolean;
}

/**
 * The finance report of `month` (YYYY-MM in the program's zone) as of `now`: the current month runs
 * to `now`; a month not started yet is refused.
 */
export async function financeReport(db: Db, programKey: string, month: string, now: Date): Promise<Result<FinanceReport, EngineError>> {
  const found = await findProgram(db, programKey);
  if (!found.ok) return found;
  const program = found.value;
  const { config } = program;
  const period = financeMonth(month, config.timezone, now);
  if (!period.ok) return err(period.error);
  const { total, days } = period.value;
  const starts = days.length > 0 ? days.map((d) => d.start) : [total.start];
  const window = breakageWindow(total.end, config.timezone);
  // One snapshot: a write landing between two of the statements must not look like a mismatch.
  const [moved, balances, held, sums, costs] = await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(
      async (trx) =>
        [
          await movementsByPeriod(trx, program.id, starts, total.end),
          await balancesAt(trx, program.id, [total.start, ...days.map((d) => d.end), total.end]),
          await membersBalanceAt(trx, program.id, total.end),
          await breakageSums(trx, program.id, window.from, window.to),
          await benefitCosts(trx, program.id, config, total.start, total.end),
        ] as const,
    );
  const value = config.pointValue;
  const ledgerAt = balances.map((b) => b.available + b.pending);
  // The month opens on the ledger's own sum (the last month's closing, checked then); every day
  // after must close on it again through the month's movements, sorted by kind.
  let opening = ledgerAt[0] ?? 0n;
  const monthOpening = opening;
  const rolled = days.map((day, i) => {
    const r = rollForward(
      day,
      opening,
      moved[i + 1] ?? NO_MOVEMENTS,
      { atStart: ledgerAt[i] ?? 0n, atEnd: ledgerAt[i + 1] ?? 0n },
      value,
      config.currency,
    );
    opening = r.closing;
    return r;
  });
  const monthMoved = days.length > 0 ? moved.slice(1).reduce(addMovements, NO_MOVEMENTS) : (moved[1] ?? NO_MOVEMENTS);
  const whole = rollForward(
    total,
    monthOpening,
    monthMoved,
    { atStart: ledgerAt[0] ?? 0n, atEnd: ledgerAt[ledgerAt.length - 1] ?? 0n },
    value,
    config.currency,
  );
  const end = balances[balances.length - 1] ?? { available: 0n, pending: 0n };
  const breakage = breakageOf(sums.expired, sums.redeemed, window);
  return ok({
    program: program.key,
    month,
    timezone: config.timezone,
    currency: config.currency,
    pointValue: value,
    valuation: VALUATION_METHOD,
    total: whole,
    days: rolled,
    liability: liabilities(end, value, breakage, config.currency, config.currencies),
    breakage,
    benefitCosts: costs,
    membersClosing: held,
    reconciled: whole.reconciled && whole.closing === held && rolled.every((d) => d.reconciled),
  });
}
