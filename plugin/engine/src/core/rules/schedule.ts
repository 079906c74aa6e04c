import type { Schedule } from "../config/schema.ts";
import { inZone } from "../time.ts";

/** Whether a rule's schedule covers the instant an event happened (member days, double-points weeks). */
export function scheduleCovers(schedule: Schedule | undefined, at: Date, programZone: string): boolean {
  if (!schedule) return true;
  if (schedule.from && at < new Date(schedule.from)) return false;
  if (schedule.to && at >= new Date(schedule.to)) return false;
  const local = inZone(at, schedule.timezone ?? programZone);
  if (schedule.daysOfWeek && !schedule.daysOfWeek.includes(local.weekday)) return false;
  if (schedule.daysOfMonth && !schedule.daysOfMonth.includes(local.day)) return false;
  return true;
}
