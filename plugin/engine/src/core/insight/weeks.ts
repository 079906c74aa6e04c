import { inZone } from "../time.ts";

/** The dashboard's weeks: Monday 00:00 in the program's zone, the last one the current week. */
export interface DashboardWeeks {
  /** Start of each week, oldest first. */
  starts: Date[];
  /** End of each week: the next week's start, and `now` for the current one. */
  ends: Date[];
  from: Date;
  to: Date;
}

export const MAX_DASHBOARD_WEEKS = 52;

export function dashboardWeeks(now: Date, zone: string, weeks: number): DashboardWeeks {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_DASHBOARD_WEEKS)
    throw new RangeError(`weeks must be 1 to ${MAX_DASHBOARD_WEEKS}`);
  const current = inZone(now, zone).startOf("week");
  const starts = Array.from({ length: weeks }, (_, i) => current.minus({ weeks: weeks - 1 - i }).toJSDate());
  const ends = [...starts.slice(1), now];
  return { starts, ends, from: starts[0] as Date, to: now };
}
