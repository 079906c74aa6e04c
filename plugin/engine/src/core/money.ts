export type Rounding = "floor" | "round" | "ceil";

/** An amount or currency the money helpers cannot read; carries what was wrong ("amount: …", "currency: …"). */
export class AmountError extends RangeError {
  override readonly name = "AmountError";
}

/**
 * A decimal amount in major units as a platform sends it: "404.95", a JS number, or an object
 * carrying the number's exact decimal text in `value` (lossless-json's LosslessNumber).
 */
export type DecimalInput = string | number | { readonly value: string };

export interface ToMinorOptions {
  /** Accept a leading "-" (refund adjustments, corrections). Default false. */
  allowNegative?: boolean;
  /**
   * What to do with more fraction digits than the currency has. "reject" (default) throws unless the
   * extra digits are all zeros ("100.00" JPY is 100); "halfUp" rounds half away from zero, for sources
   * such as Medusa whose computed amounts (promotion splits) carry more precision than the currency.
   */
  excess?: "reject" | "halfUp";
}

const CURRENCY = /^[A-Z]{3}$/;
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const exponents = new Map<string, number>();

/**
 * Minor-unit exponent of an ISO 4217 currency from the runtime's CLDR data (2 for USD, 0 for JPY, 3
 * for KWD), cached. Throws AmountError for a code that is not three capital letters or that the
 * runtime does not know.
 */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    if (!CURRENCY.test(currency)) throw new AmountError(`currency: "${currency}" is not an ISO 4217 code (three capital letters)`);
    try {
      // Building a NumberFormat costs more than the rest of an order's decision; currencies are few.
      exponent = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits as number;
    } catch {
      throw new AmountError(`currency: "${currency}" is not a currency this runtime knows`);
    }
    if (exponents.size < 1000) exponents.set(currency, exponent);
  }
  return exponent;
}

function decimalText(amount: unknown): string {
  if (typeof amount === "string") return amount;
  // String(n) is the shortest text that round-trips; 1e21, NaN or 0.30000000000000004 fail below.
  if (typeof amount === "number") return String(amount);
  if (typeof amount === "object" && amount !== null && typeof (amount as { value?: unknown }).value === "string")
    return (amount as { value: string }).value;
  throw new AmountError(`amount: expected a decimal string or number, received ${amount === null ? "null" : typeof amount}`);
}

/**
 * A decimal amount in major units ("404.95") as an integer count of minor units (40495) in the
 * currency's exponent. Pure string arithmetic: no floating point touches the value. Rejects garbage
 * (exponents, "+1", ".5", "1.", spaces), negatives unless allowed, more precision than the currency
 * has (see `excess`), and results beyond Number.MAX_SAFE_INTEGER. Throws AmountError.
 */
export function toMinor(amount: DecimalInput, currency: string, options: ToMinorOptions = {}): number {
  const text = decimalText(amount);
  const exponent = currencyExponent(currency);
  const match = DECIMAL.exec(text);
  if (!match) throw new AmountError(`amount: "${text}" is not a decimal number`);
  const [, sign = "", whole = "", fraction = ""] = match;
  let kept = fraction.slice(0, exponent);
  const extra = fraction.slice(exponent);
  let roundUp = false;
  if (/[1-9]/.test(extra)) {
    if (options.excess !== "halfUp") throw new AmountError(`amount: "${text}" has more than ${exponent} decimals for ${currency}`);
    roundUp = (extra[0] ?? "0") >= "5";
  }
  kept = kept.padEnd(exponent, "0");
  let minor = BigInt(whole + kept);
  if (roundUp) minor += 1n;
  if (minor > MAX) throw new AmountError(`amount: "${text}" ${currency} is too large`);
  if (sign === "-" && minor !== 0n) {
    if (!options.allowNegative) throw new AmountError(`amount: "${text}" must not be negative`);
    return -Number(minor);
  }
  return Number(minor);
}

/** Integer division of non-negative integers with the program's rounding. */
export function divide(numerator: number, denominator: number, rounding: Rounding): number {
  if (denominator <= 0) throw new RangeError("denominator must be positive");
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  const q = n / d;
  const r = n % d;
  if (r === 0n) return Number(q);
  if (rounding === "floor") return Number(numerator >= 0 ? q : q - 1n);
  if (rounding === "ceil") return Number(numerator >= 0 ? q + 1n : q);
  return Number(2n * (r < 0n ? -r : r) >= d ? (numerator >= 0 ? q + 1n : q - 1n) : q);
}

/** A decimal factor such as 1.5 as an integer count of hundredths (150), so math stays integral. */
export function toHundredths(factor: number): number {
  return Math.round(factor * 100);
}
