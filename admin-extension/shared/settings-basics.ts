import { decimalToMinor, minorToDecimal } from "./money.ts";
import type { ProgramConfig } from "./program-config.ts";

/** The Settings screen's fields as typed (strings), one per input. */
export interface BasicsForm {
  name: string;
  currency: string;
  timezone: string;
  /** `pointValuePoints` points are worth `pointValueMoney` (decimal, in the program's currency). */
  pointValuePoints: string;
  pointValueMoney: string;
  pendingDays: string;
  expiryKind: "none" | "afterEarn" | "inactivity";
  expiryDays: string;
  windowKind: "lifetime" | "rolling" | "calendarYear";
  windowMonths: string;
  graceDays: string;
}

export type BasicsField = keyof BasicsForm;
export type BasicsErrors = Partial<Record<BasicsField, string>>;

interface Expiry {
  kind: BasicsForm["expiryKind"];
  days?: number;
  roundToMonthEnd?: boolean;
}
interface Window {
  kind: BasicsForm["windowKind"];
  months?: number;
}

const obj = (v: unknown) => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});

export function basicsForm(config: ProgramConfig): BasicsForm {
  const pointValue = obj(config.pointValue);
  const expiry = obj(config.expiry) as Partial<Expiry>;
  const window = obj(obj(config.growth).window) as Partial<Window>;
  return {
    name: config.name ?? "",
    currency: config.currency,
    timezone: config.timezone ?? "UTC",
    pointValuePoints: String(pointValue.points ?? 100),
    pointValueMoney: minorToDecimal(Number(pointValue.money ?? 100), config.currency),
    pendingDays: String(config.pendingDays ?? 0),
    expiryKind: expiry.kind ?? "none",
    expiryDays: expiry.days === undefined ? "" : String(expiry.days),
    windowKind: window.kind ?? "lifetime",
    windowMonths: window.months === undefined ? "12" : String(window.months),
    graceDays: String(obj(config.tierPolicy).graceDays ?? 30),
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
  if (!name) errors.name = "Enter the program's name";
  else if (name.length > 200) errors.name = "Use at most 200 characters";
  const currency = form.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = "Enter a three-letter ISO 4217 code such as USD";
  if (!form.timezone) errors.timezone = "Choose a time zone";
  const points = wholeNumber(form.pointValuePoints, 1, 1_000_000, "points");
  if (typeof points === "string") errors.pointValuePoints = points;
  const money = /^[A-Z]{3}$/.test(currency) ? decimalToMinor(form.pointValueMoney, currency) : null;
  if (money && !money.ok) errors.pointValueMoney = money.message;
  else if (money?.ok && money.value <= 0) errors.pointValueMoney = "Points must be worth more than nothing";
  const pendingDays = wholeNumber(form.pendingDays, 0, 365, "days");
  if (typeof pendingDays === "string") errors.pendingDays = pendingDays;
  let expiry: Expiry = { kind: "none" };
  if (form.expiryKind !== "none") {
    const days = wholeNumber(form.expiryDays, 1, 36_500, "days");
    if (typeof days === "string") errors.expiryDays = days;
    else if (form.expiryKind === "afterEarn" && typeof pendingDays === "number" && days <= pendingDays)
      errors.expiryDays = "Points must not expire before they become available (more days than the pending days)";
    else
      expiry =
        form.expiryKind === "afterEarn"
          ? { kind: "afterEarn", days, roundToMonthEnd: Boolean(obj(config.expiry).roundToMonthEnd) }
          : { kind: "inactivity", days };
  }
  let window: Window = { kind: form.windowKind };
  if (form.windowKind === "rolling") {
    const months = wholeNumber(form.windowMonths, 1, 120, "months");
    if (typeof months === "string") errors.windowMonths = months;
    else window = { kind: "rolling", months };
  }
  const graceDays = wholeNumber(form.graceDays, 0, 3650, "days");
  if (typeof graceDays === "string") errors.graceDays = graceDays;
  if (Object.keys(errors).length > 0) return { config, errors };
  return {
    errors,
    config: {
      ...config,
      name,
      currency,
      timezone: form.timezone,
      pointValue: { points: points as number, money: (money as { value: number }).value },
      pendingDays: pendingDays as number,
      expiry,
      growth: { ...obj(config.growth), window },
      tierPolicy: { ...obj(config.tierPolicy), graceDays: graceDays as number },
    },
  };
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
