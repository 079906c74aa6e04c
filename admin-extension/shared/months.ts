import { DateTime } from "luxon";
import type { Parsed } from "./money.ts";

/**
 * Calendar months ("2026-06") as the partner settlement reads them: from midnight on the 1st to
 * midnight on the next 1st in the program's time zone, as the instants the admin API takes.
 */

export interface MonthRange {
  /** ISO instant, inclusive. */
  from: string;
  /** ISO instant, exclusive. */
  to: string;
}

/** A zone luxon knows, else UTC (the engine refuses a config with an unknown one anyway). */
function knownZone(timeZone: string | undefined): string {
  return timeZone && DateTime.local({ zone: timeZone }).isValid ? timeZone : "UTC";
}

/**
 * The first instant of the 1st of `month` (1-12, may overflow into the next year) in the zone:
 * midnight, or the end of a DST gap that skips it, or the first of two midnights in an overlap.
 */
function startOfMonth(year: number, month: number, timeZone: string): Date {
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: timeZone })
    .plus({ months: month - 1 })
    .startOf("day");
  // Where clocks fall back across midnight, luxon picks the later of the two midnights.
  const before = start.minus({ hours: 6 });
  const earlier = start.minus({ minutes: before.offset - start.offset });
  return (earlier < start && earlier.day === start.day && earlier.hour === 0 && earlier.minute === 0 ? earlier : start).toJSDate();
}

function split(month: string): [number, number] {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new RangeError(`not a month like 2026-06: ${month}`);
  return [Number(m[1]), Number(m[2])];
}

/** The month `now` falls in, in the zone: "2026-06". */
export function currentMonth(now: Date, timeZone?: string): string {
  return DateTime.fromJSDate(now, { zone: knownZone(timeZone) }).toFormat("yyyy-MM");
}

/** "2026-06" in Europe/Paris → from 2026-05-31T22:00:00.000Z to 2026-06-30T22:00:00.000Z. */
export function monthRange(month: string, timeZone?: string): MonthRange {
  const [year, m] = split(month);
  const zone = knownZone(timeZone);
  return { from: startOfMonth(year, m, zone).toISOString(), to: startOfMonth(year, m + 1, zone).toISOString() };
}

/** A month as people type it ("2026-06", "2026-6"), or what a month input gives. */
export function parseMonth(text: string): Parsed<string> {
  const m = /^(\d{4})-(\d{1,2})$/.exec(text.trim());
  const month = Number(m?.[2]);
  if (!m || month < 1 || month > 12) return { ok: false, message: "Enter a month like 2026-06" };
  return { ok: true, value: `${m[1]}-${String(month).padStart(2, "0")}` };
}

/** "2026-06" → "June 2026" in the reader's locale. */
export function formatMonth(month: string, locale?: string): string {
  const [year, m] = split(month);
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(year, m - 1, 1));
}
