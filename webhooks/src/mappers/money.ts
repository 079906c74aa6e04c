import { currencyExponent as exponentOf } from "@kinship/engine/core";
import { isLosslessNumber, type LosslessNumber } from "lossless-json";
import { MappingError } from "./types.ts";

/** A decimal amount in major units as a platform sends it: "404.95", a lossless JSON number, or a JS number. */
export type DecimalInput = string | number | LosslessNumber;

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
/** Minor-unit exponent of an ISO 4217 currency from the runtime's CLDR data (the engine's, cached): USD 2, JPY 0, KWD 3. */
export function currencyExponent(currency: string): number {
  if (!CURRENCY.test(currency)) throw new MappingError(`currency: "${currency}" is not an ISO 4217 code (three capital letters)`);
  try {
    return exponentOf(currency);
  } catch {
    throw new MappingError(`currency: "${currency}" is not a currency this runtime knows`);
  }
}

function decimalText(amount: unknown): string {
  if (typeof amount === "string") return amount;
  if (isLosslessNumber(amount)) return amount.value;
  // String(n) is the shortest text that round-trips; 1e21, NaN or 0.30000000000000004 fail below.
  if (typeof amount === "number") return String(amount);
  throw new MappingError(`amount: expected a decimal string or number, received ${amount === null ? "null" : typeof amount}`);
}

/**
 * A decimal amount in major units ("404.95") as an integer count of minor units (40495) in the
 * currency's exponent. Pure string arithmetic: no floating point touches the value. Rejects garbage
 * (exponents, "+1", ".5", "1.", spaces), negatives unless allowed, more precision than the currency
 * has (see `excess`), and results beyond Number.MAX_SAFE_INTEGER. Throws MappingError.
 */
export function toMinor(amount: DecimalInput, currency: string, options: ToMinorOptions = {}): number {
  const text = decimalText(amount);
  const exponent = currencyExponent(currency);
  const match = DECIMAL.exec(text);
  if (!match) throw new MappingError(`amount: "${text}" is not a decimal number`);
  const [, sign = "", whole = "", fraction = ""] = match;
  let kept = fraction.slice(0, exponent);
  const extra = fraction.slice(exponent);
  let roundUp = false;
  if (/[1-9]/.test(extra)) {
    if (options.excess !== "halfUp") throw new MappingError(`amount: "${text}" has more than ${exponent} decimals for ${currency}`);
    roundUp = (extra[0] ?? "0") >= "5";
  }
  kept = kept.padEnd(exponent, "0");
  let minor = BigInt(whole + kept);
  if (roundUp) minor += 1n;
  if (minor > MAX) throw new MappingError(`amount: "${text}" ${currency} is too large`);
  if (sign === "-" && minor !== 0n) {
    if (!options.allowNegative) throw new MappingError(`amount: "${text}" must not be negative`);
    return -Number(minor);
  }
  return Number(minor);
}
