import { DateTime } from "luxon";

export const DAY_MS = 86_400_000;

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** The last instant of the month `at` falls in, in the given zone. */
export function endOfMonth(at: Date, zone: string): Date {
  return DateTime.fromJSDate(at, { zone }).endOf("month").toJSDate();
}

export function inZone(at: Date, zone: string): DateTime {
  return DateTime.fromJSDate(at, { zone });
}

export function addMonths(at: Date, months: number, zone: string): Date {
  return DateTime.fromJSDate(at, { zone }).plus({ months }).toJSDate();
}
