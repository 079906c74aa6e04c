import { DateTime } from "luxon";
import { DAY_MS } from "../time.ts";

/**
 * How long after its day a birthday or anniversary is still given when the clock did not run (a
 * maintenance outage): a bonus whose day started within this many days is given late, never twice.
 */
export const CATCH_UP_DAYS = 30;

export interface MonthDay {
  month: number;
  day: number;
}

/** "YYYY-MM-DD" → its month and day (null when it is not such a date). */
export function monthDayOf(date: string | null): MonthDay | null {
  const m = date === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  return { month: Number(m[2]), day: Number(m[3]) };
}

/** The first instant of the day in `year` that celebrates month-day, in `zone` (29 February: 28 February in other years). */
export function occurrenceStart(year: number, md: MonthDay, zone: string): DateTime {
  const day = md.month === 2 && md.day === 29 && !DateTime.local(year, 1, 1).isInLeapYear ? 28 : md.day;
  return DateTime.fromObject({ year, month: md.month, day }, { zone }).startOf("day");
}

export interface Occurrence {
  year: number;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The latest occurrence of month-day whose day has started in `zone` by `now` (a zone ahead of UTC
 * starts it before UTC's day does) and started less than CATCH_UP_DAYS ago; null if none.
 */
export function dueOccurrence(md: MonthDay, now: Date, zone: string): Occurrence | null {
  const year = DateTime.fromJSDate(now, { zone }).year;
  for (const y of [year, year - 1]) {
    const start = occurrenceStart(y, md, zone);
    const startsAt = start.toJSDate();
    if (startsAt <= now && now.getTime() - startsAt.getTime() < CATCH_UP_DAYS * DAY_MS)
      return { year: y, startsAt, endsAt: start.plus({ days: 1 }).toJSDate() };
  }
  return null;
}

/** The local month-days (MM-DD) of the last CATCH_UP_DAYS + 1 days up to `now` in `zone`, 29 February with 28 February: who may be due. */
export function recentMonthDays(now: Date, zone: string): string[] {
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  const days = new Set<string>();
  for (let i = 0; i <= CATCH_UP_DAYS; i++) {
    const d = today.minus({ days: i }).toFormat("MM-dd");
    days.add(d);
    if (d === "02-28") days.add("02-29");
  }
  return [...days].sort();
}
