import { decimalToMinor, minorToDecimal } from "./money.ts";
import type { ProgramConfig } from "./program-config.ts";

/**
 * The program's basics as both admins' settings edit them (Medusa: Settings → Program tab, typed
 * values; Shopify: the Settings screen, a form of strings checked on save), with the engine's defaults for
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

/** Points that expire a fixed time after earning must outlast the pending days (the engine's rule too). */
export function expiryProblem(basics: Pick<ProgramBasics, "expiry" | "pendingDays">): string | undefined {
  const { expiry, pendingDays } = basics;
  if (expiry.kind === "afterEarn" && expiry.days <= pendingDays)
    return "Points must not expire before they become available (more days than the pending days)";
  return undefined;
}

/** The Shopify Settings screen's fields as typed (strings), one per input. */
export interface BasicsForm {
  name: string;
  currency: string;
  timezone: string;
  /** `pointValuePoints` points are worth `pointValueMoney` (decimal, in the program's currency). */
  pointValuePoints: string;
  pointValueMoney: string;
  pendingDays: string;
  expiryKind: ExpiryPolicy["kind"];
  expiryDays: string;
  windowKind: QualificationWindow["kind"];
  windowMonths: string;
  graceDays: string;
}

export type BasicsField = keyof BasicsForm;
export type BasicsErrors = Partial<Record<BasicsField, string>>;

export function basicsForm(config: ProgramConfig): BasicsForm {
  const basics = basicsOf(config);
  const { expiry, window } = basics;
  return {
    name: basics.name,
    currency: config.currency,
    timezone: basics.timezone,
    pointValuePoints: String(basics.pointValue.points),
    pointValueMoney: minorToDecimal(basics.pointValue.money, config.currency),
    pendingDays: String(basics.pendingDays),
    expiryKind: expiry.kind,
    expiryDays: "days" in expiry ? String(expiry.days) : "",
    windowKind: window.kind,
    windowMonths: window.kind === "rolling" ? String(window.months) : "12",
    graceDays: String(basics.graceDays),
  };
}

function wholeNumber(text: string, min: number, max: number, noun: string): number | string {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return `Enter ${noun} as a whole number`;
  const n = Number(t);
  if (n < min || n > max) return `Enter ${min} to ${max.toLocaleString("en-US")} ${noun}`;
  return n;
}

/**
 * The form checked field by field (the engine checks again, and its issues land on the same
 * fields); with no error, `config` is the program's config with these basics.
 */
export function applyBasics(config: ProgramConfig, form: BasicsForm): { config: ProgramConfig; errors: BasicsErrors } {
  const errors: BasicsErrors = {};
  const name = form.name.trim();
  const { name: nameProblem, timezone: zoneProblem } = basicsProblems({ ...basicsOf(config), name, timezone: form.timezone });
  if (nameProblem) errors.name = nameProblem;
  if (zoneProblem) errors.timezone = zoneProblem;
  const currency = form.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = "Enter a three-letter ISO 4217 code such as USD";
  const points = wholeNumber(form.pointValuePoints, 1, 1_000_000, "points");
  if (typeof points === "string") errors.pointValuePoints = points;
  const money = /^[A-Z]{3}$/.test(currency) ? decimalToMinor(form.pointValueMoney, currency) : null;
  if (money && !money.ok) errors.pointValueMoney = money.message;
  else if (money?.ok && money.value <= 0) errors.pointValueMoney = "Points must be worth more than nothing";
  const pendingDays = wholeNumber(form.pendingDays, 0, 365, "days");
  if (typeof pendingDays === "string") errors.pendingDays = pendingDays;
  let expiry: ExpiryPolicy = { kind: "none" };
  if (form.expiryKind !== "none") {
    const days = wholeNumber(form.expiryDays, 1, 36_500, "days");
    const roundToMonthEnd = Boolean(record(config.expiry).roundToMonthEnd);
    const typed: ExpiryPolicy =
      form.expiryKind === "afterEarn"
        ? { kind: "afterEarn", days: Number(days), roundToMonthEnd }
        : { kind: "inactivity", days: Number(days) };
    const problem =
      typeof days === "string" ? days : typeof pendingDays === "number" ? expiryProblem({ expiry: typed, pendingDays }) : undefined;
    if (problem) errors.expiryDays = problem;
    else expiry = typed;
  }
  let window: QualificationWindow = { kind: form.windowKind } as QualificationWindow;
  if (form.windowKind === "rolling") {
    const months = wholeNumber(form.windowMonths, 1, 120, "months");
    if (typeof months === "string") errors.windowMonths = months;
    else window = { kind: "rolling", months };
  }
  const graceDays = wholeNumber(form.graceDays, 0, 3650, "days");
  if (typeof graceDays === "string") errors.graceDays = graceDays;
  if (Object.keys(errors).length > 0) return { config, errors };
  const basics: ProgramBasics = {
    name,
    timezone: form.timezone,
    pointValue: { points: points as number, money: (money as { value: number }).value },
    pendingDays: pendingDays as number,
    expiry,
    window,
    graceDays: graceDays as number,
  };
  return { errors, config: updateBasics({ ...config, currency }, basics) };
}

/** Where the engine's issue paths land on the form (issuesAt segments → field). */
export const BASICS_ISSUE_PATHS: [BasicsField, (string | number)[]][] = [
  ["name", ["name"]],
  ["currency", ["currency"]],
  ["timezone", ["timezone"]],
  ["pointValuePoints", ["pointValue", "points"]],
  ["pointValueMoney", ["pointValue", "money"]],
  ["pendingDays", ["pendingDays"]],
  ["expiryDays", ["expiry", "days"]],
  ["windowMonths", ["growth", "window", "months"]],
  ["graceDays", ["tierPolicy", "graceDays"]],
];

/** Every IANA zone the browser knows, with the current one and UTC always there. */
export function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", current, ...known])].sort((a, b) => (a === "UTC" ? -1 : b === "UTC" ? 1 : a.localeCompare(b)));
}
