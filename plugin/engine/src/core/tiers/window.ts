import type { QualificationWindow } from "../config/schema.ts";
import { addMonths, inZone } from "../time.ts";

/** The earliest instant whose growth still counts toward a tier at `now` (null: all of it). */
export function windowStart(window: QualificationWindow, now: Date, zone: string): Date | null {
  switch (window.kind) {
    case "lifetime":
      return null;
    case "rolling":
      return addMonths(now, -window.months, zone);
    case "calendarYear":
      return inZone(now, zone).startOf("year").toJSDate();
  }
}

export function inWindow(window: QualificationWindow, at: Date, now: Date, zone: string): boolean {
  const start = windowStart(window, now, zone);
  return start === null || at >= start;
}
