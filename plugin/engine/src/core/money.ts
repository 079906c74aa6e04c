export type Rounding = "floor" | "round" | "ceil";

const exponents = new Map<string, number>();

/** Minor-unit exponent of an ISO 4217 currency (2 for USD, 0 for JPY, 3 for KWD). */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    // Building a NumberFormat costs more than the rest of an order's decision; currencies are few.
    exponent = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits as number;
    if (exponents.size < 1000) exponents.set(currency, exponent);
  }
  return exponent;
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
