import type { ProgramConfig } from "./program-config.ts";

/**
 * The program's basics as the Settings → Program tab edits them, with the engine's defaults for
 * what an older config leaves out (plugin/engine/src/core/config/schema.ts). Edits are immutable
 * and carry every other field along.
 */

export type ExpiryPolicy =
  | { kind: "none" }
  | { kind: "afterEarn"; days: number; roundToMonthEnd?: boolean }
  | { kind: "inactivity"; days: number };
export type QualificationWindow = { kind: "lifetime" } | { kind: "rolling"; months: number } | { kind: "calendarYear" };

export interface ProgramBasics {
  name: string;
  timezone: string;
  /** `points` points are worth `money` minor units of the currency. */
  pointValue: { points: number; money: number };
  /** Days before earned points can be spent (the return window). */
  pendingDays: number;
  expiry: ExpiryPolicy;
  window: QualificationWindow;
  /** Days a member keeps a tier after falling below it. */
  graceDays: number;
}

/** The fields of the config the basics live in, for matching the engine's issues to them. */
export const basicsPaths = ["name", "timezone", "pointValue", "pendingDays", "expiry", "growth", "tierPolicy"] as const;

const record = (v: unknown): Record<string, unknown> => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});

export function basicsOf(config: ProgramConfig): ProgramBasics {
  const pointValue = record(config.pointValue);
  return {
    name: typeof config.name === "string" ? config.name : "Kinship rewards",
    timezone: typeof config.timezone === "string" ? config.timezone : "UTC",
    pointValue: {
      points: typeof pointValue.points === "number" ? pointValue.points : 100,
      money: typeof pointValue.money === "number" ? pointValue.money : 100,
    },
    pendingDays: typeof config.pendingDays === "number" ? config.pendingDays : 0,
    expiry: (config.expiry as ExpiryPolicy | undefined) ?? { kind: "none" },
    window: (record(config.growth).window as QualificationWindow | undefined) ?? { kind: "lifetime" },
    graceDays: typeof record(config.tierPolicy).graceDays === "number" ? (record(config.tierPolicy).graceDays as number) : 30,
  };
}

export function updateBasics(config: ProgramConfig, change: Partial<ProgramBasics>): ProgramConfig {
  const next: ProgramConfig = { ...config };
  if (change.name !== undefined) next.name = change.name;
  if (change.timezone !== undefined) next.timezone = change.timezone;
  if (change.pointValue !== undefined) next.pointValue = change.pointValue;
  if (change.pendingDays !== undefined) next.pendingDays = change.pendingDays;
  if (change.expiry !== undefined) next.expiry = change.expiry;
  if (change.window !== undefined) next.growth = { ...record(config.growth), window: change.window };
  if (change.graceDays !== undefined) next.tierPolicy = { ...record(config.tierPolicy), graceDays: change.graceDays };
  return next;
}

/** A policy of another kind, keeping the days typed so far where the new kind has them too. */
export function expiryOfKind(current: ExpiryPolicy, kind: ExpiryPolicy["kind"]): ExpiryPolicy {
  const days = "days" in current ? current.days : 365;
  if (kind === "none") return { kind };
  if (kind === "afterEarn") return { kind, days };
  return { kind, days };
}

export function windowOfKind(current: QualificationWindow, kind: QualificationWindow["kind"]): QualificationWindow {
  if (kind === "rolling") return { kind, months: current.kind === "rolling" ? current.months : 12 };
  return { kind };
}

/** An IANA time zone this browser knows ("Europe/Paris"); the engine checks the same way. */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** What the name and time zone fields say before the engine is asked (the numbers check themselves as typed). */
export function basicsProblems(basics: ProgramBasics): { name?: string; timezone?: string } {
  const problems: { name?: string; timezone?: string } = {};
  if (basics.name.trim() === "") problems.name = "Enter the program's name";
  else if (basics.name.length > 200) problems.name = "Keep the name to 200 characters";
  if (!isTimeZone(basics.timezone)) problems.timezone = "Enter a time zone such as Europe/Paris or America/New_York";
  return problems;
}

/** A whole number from `min` to `max` (days, months, points), with the range in the message. */
export function parseWholeInRange(min: number, max: number) {
  return (text: string): { ok: true; value: number } | { ok: false; message: string } => {
    const t = text.trim();
    const value = Number(t);
    if (!/^\d+$/.test(t) || value < min || value > max) return { ok: false, message: `Enter a whole number from ${min} to ${max}` };
    return { ok: true, value };
  };
}
