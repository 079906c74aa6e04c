import { DateTime } from "luxon";
import type { Parsed } from "./money.ts";
import type { EarnRule, Schedule } from "./program-config.ts";

/**
 * An earn rule's schedule as people edit it: dates ("2026-07-01") that mean midnight in the
 * schedule's time zone (else the program's), kept as the ISO instants the engine takes; days of
 * the month as "1, 15"; empty parts removed so "no schedule" is no schedule.
 */

function zoneOr(timeZone: string | undefined): string {
  return timeZone && DateTime.local({ zone: timeZone }).isValid ? timeZone : "UTC";
}

/** "2026-07-01" in Europe/Paris → "2026-06-30T22:00:00.000Z"; text that is not a date is refused. */
export function parseScheduleDate(text: string, timeZone: string | undefined): Parsed<string> {
  const t = text.trim();
  const date = DateTime.fromISO(t, { zone: zoneOr(timeZone) });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t) || !date.isValid) return { ok: false, message: "Enter a date like 2026-07-01" };
  return { ok: true, value: date.startOf("day").toUTC().toISO() as string };
}

/** The instant back as the date it starts, in the zone: "2026-06-30T22:00:00.000Z" in Europe/Paris → "2026-07-01". */
export function formatScheduleDate(iso: string, timeZone: string | undefined): string {
  return DateTime.fromISO(iso, { zone: "utc" }).setZone(zoneOr(timeZone)).toFormat("yyyy-MM-dd");
}

/** "1, 15, 31" → [1, 15, 31]: whole days from 1 to 31, each once, in order. */
export function parseDaysOfMonth(text: string): Parsed<number[]> {
  const parts = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const days = new Set<number>();
  for (const part of parts) {
    const day = Number(part);
    if (!/^\d+$/.test(part) || day < 1 || day > 31) return { ok: false, message: "Enter days of the month from 1 to 31, like 1, 15" };
    days.add(day);
  }
  return { ok: true, value: [...days].sort((a, b) => a - b) };
}

/** A patch for the rule's schedule: `undefined` or an empty list removes that part; nothing left removes the schedule. */
export function schedulePatch(rule: EarnRule, patch: Partial<Schedule>): Partial<EarnRule> {
  const merged: Record<string, unknown> = { ...(rule.schedule ?? {}), ...patch };
  const kept = Object.fromEntries(
    Object.entries(merged).filter(([, v]) => v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0)),
  ) as Schedule;
  return { schedule: Object.keys(kept).length > 0 ? kept : undefined };
}
