import { DateTime } from "luxon";
import { type EngineError, err, ok, type Result } from "../result.ts";

/** A period of the report: a day (YYYY-MM-DD) or the month (YYYY-MM), [start, end) as instants. */
export interface FinancePeriod {
  period: string;
  start: Date;
  end: Date;
}

/** The month a finance report covers, cut into its days at midnight in the program's zone. */
export interface FinanceMonth {
  month: string;
  timezone: string;
  /** The month itself: its first midnight to the next month's (or `now`, for the current month). */
  total: FinancePeriod;
  /** Each day that has started by the end, the last one ending at `now` in the current month. */
  days: FinancePeriod[];
}

export type InvalidMonth = Extract<EngineError, { code: "InvalidMonth" }>;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The month `text` (YYYY-MM) in `zone`: midnights are the zone's own, so a day is 23 or 25 hours
 * across a DST change. A month that has not started at `now` is refused; the current one ends at `now`.
 */
export function financeMonth(text: string, zone: string, now: Date): Result<FinanceMonth, InvalidMonth> {
  const m = MONTH.exec(text);
  if (!m) return err({ code: "InvalidMonth", message: `month must be YYYY-MM, such as 2026-11, not ${JSON.stringify(text)}`, month: text });
  const first = DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: 1 }, { zone });
  if (!first.isValid) return err({ code: "InvalidMonth", message: `unknown time zone ${zone}`, month: text });
  const start = first.toJSDate();
  if (start.getTime() > now.getTime())
    return err({
      code: "InvalidMonth",
      message: `month ${text} has not started yet (now is ${inZoneText(now, zone)} in ${zone})`,
      month: text,
    });
  const next = first.plus({ months: 1 }).toJSDate();
  const end = next.getTime() < now.getTime() ? next : now;
  const days: FinancePeriod[] = [];
  for (let day = first; day.toJSDate() < end; day = day.plus({ days: 1 })) {
    const dayEnd = day.plus({ days: 1 }).toJSDate();
    days.push({ period: day.toISODate() as string, start: day.toJSDate(), end: new Date(Math.min(dayEnd.getTime(), end.getTime())) });
  }
  return ok({ month: text, timezone: zone, total: { period: text, start, end }, days });
}

function inZoneText(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd HH:mm");
}
