import { DateTime } from "luxon";
import type { Currencies } from "../config/currencies.ts";
import { convertToListed, divideHalfUp, type PointValue, valuePoints } from "./valuation.ts";

export const BREAKAGE_MONTHS = 12;

export interface Breakage {
  /** expired ÷ (expired + redeemed) as a float, for display; the money uses the exact fraction. */
  rate: number;
  expired: bigint;
  redeemed: bigint;
  windowFrom: Date;
  windowTo: Date;
  method: string;
}

export interface Liability {
  currency: string;
  availablePoints: bigint;
  pendingPoints: bigint;
  gross: bigint;
  expectedBreakage: bigint;
  net: bigint;
}

/** The look-back window of the breakage rate: the 12 months (in the program's zone) before the report's end. */
export function breakageWindow(end: Date, zone: string): { from: Date; to: Date } {
  return { from: DateTime.fromJSDate(end, { zone }).minus({ months: BREAKAGE_MONTHS }).toJSDate(), to: end };
}

/**
 * The share of points that leave balances unredeemed, from the program's own history: points expired
 * ÷ (expired + redeemed) in the window, redeemed being spends less spends given back (never below 0);
 * 0 when nothing expired or was redeemed there.
 */
export function breakageOf(expired: bigint, redeemed: bigint, window: { from: Date; to: Date }): Breakage {
  const e = expired > 0n ? expired : 0n;
  const r = redeemed > 0n ? redeemed : 0n;
  const rate = e + r === 0n ? 0 : Number(e) / Number(e + r);
  return {
    rate,
    expired,
    redeemed,
    windowFrom: window.from,
    windowTo: window.to,
    method:
      `rate = points expired ÷ (points expired + points redeemed) from ${window.from.toISOString()} to ${window.to.toISOString()} ` +
      `(the ${BREAKAGE_MONTHS} months before the report's end, in the program's time zone; redeemed = spent less spends given back; ` +
      "0 with no expiry or redemption in that window); expected breakage = gross liability × rate, rounded half up to a minor unit",
  };
}

function breakageMoney(gross: bigint, b: Breakage): bigint {
  const e = b.expired > 0n ? b.expired : 0n;
  const r = b.redeemed > 0n ? b.redeemed : 0n;
  return e + r === 0n ? 0n : divideHalfUp(gross * e, e + r);
}

/**
 * Outstanding points as money: in the program currency first, then each listed currency at its
 * owner rate, by code (gross and expected breakage converted one by one, half up; net is their difference).
 */
export function liabilities(
  points: { available: bigint; pending: bigint },
  value: PointValue,
  breakage: Breakage,
  currency: string,
  listed: Currencies,
): Liability[] {
  const gross = valuePoints(points.available + points.pending, value);
  const expected = breakageMoney(gross, breakage);
  const own = {
    currency,
    availablePoints: points.available,
    pendingPoints: points.pending,
    gross,
    expectedBreakage: expected,
    net: gross - expected,
  };
  const others = Object.entries(listed)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, c]) => {
      const g = convertToListed(gross, c.rate, currency, code);
      const b = convertToListed(expected, c.rate, currency, code);
      return { ...own, currency: code, gross: g, expectedBreakage: b, net: g - b };
    });
  return [own, ...others];
}

/** How the liability's money is rounded, as the report states it. */
export const VALUATION_METHOD =
  "points × pointValue.money ÷ pointValue.points, rounded half up to a minor unit; listed currencies: program-currency amount ÷ the owner's rate, rounded half up";
