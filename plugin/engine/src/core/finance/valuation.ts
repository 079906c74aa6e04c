import { rateFraction } from "../currency/convert.ts";
import { currencyExponent } from "../money.ts";

/** `points` points are worth `money` minor units of the program's currency (config.pointValue). */
export interface PointValue {
  points: number;
  money: number;
}

/** n / d rounded half away from zero (d > 0): the one rounding every figure of the report uses. */
export function divideHalfUp(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError("divisor must be positive");
  const negative = n < 0n;
  const a = negative ? -n : n;
  const q = a / d;
  const rounded = 2n * (a % d) >= d ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/** Points as minor units: points × money ÷ points, half away from zero. */
export function valuePoints(points: bigint, value: PointValue): bigint {
  return divideHalfUp(points * BigInt(value.money), BigInt(value.points));
}

/**
 * Minor units of the program's currency in a listed currency whose `rate` is program-currency units
 * per unit of it: amount ÷ rate, scaled between the currencies' exponents, rounded once, half away from zero.
 */
export function convertToListed(amount: bigint, rate: string, from: string, to: string): bigint {
  const { numerator, denominator } = rateFraction(rate);
  if (numerator === 0n) throw new RangeError("a rate must be positive");
  const shift = currencyExponent(to) - currencyExponent(from);
  const n = amount * denominator * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  const d = numerator * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
  return divideHalfUp(n, d);
}
