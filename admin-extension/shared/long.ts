import { currencyExponent } from "./money.ts";

/**
 * Long is a 64-bit integer as a decimal string on the wire (points and money totals can pass 2^53):
 * these read, sum and format it through BigInt, never a float.
 */
export type Long = string;

/** The Long as a BigInt; a number (an engine that sends one) is taken as it is. Refuses anything but an integer. */
export function toBigInt(value: Long | number | bigint): bigint {
  if (typeof value === "bigint") return value;
  const text = String(value).trim();
  if (!/^-?\d+$/.test(text)) throw new RangeError(`not an integer: ${text}`);
  return BigInt(text);
}

/** A Long for a chart axis: exact up to 2^53, which no chart's scale needs more than. */
export function toChartNumber(value: Long | number): number {
  return Number(toBigInt(value));
}

/** "1234567" → "1,234,567" in the reader's locale. */
export function formatLong(value: Long | number | bigint, locale?: string): string {
  return new Intl.NumberFormat(locale).format(toBigInt(value));
}

/** A minor-units Long as a decimal string: "-150" USD → "-1.50", "500" JPY → "500". */
export function longToDecimal(minor: Long | number, currency: string): string {
  const n = toBigInt(minor);
  const exponent = currencyExponent(currency);
  const digits = (n < 0n ? -n : n).toString().padStart(exponent + 1, "0");
  const sign = n < 0n ? "-" : "";
  return exponent === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** Minor units (a Long) as money in the reader's locale, exact: "123456789012345" USD → "$1,234,567,890,123.45". */
export function formatLongMoney(minor: Long | number, currency: string, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(longToDecimal(minor, currency) as `${number}`);
}

/** 0.4567 → "45.7%". */
export function formatShare(share: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
}
