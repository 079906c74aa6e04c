import { inZone } from "../time.ts";

/** The insight views' default period: from the start of the month eleven months before `to`'s (program zone) to `to`. */
export function lastTwelveMonths(to: Date, zone: string): { from: Date; to: Date } {
  return { from: inZone(to, zone).startOf("month").minus({ months: 11 }).toJSDate(), to };
}
