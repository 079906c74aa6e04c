import type { ProgramConfig } from "../config/schema.ts";
import type { OrderPaidEvent } from "../events/schema.ts";
import { currencyExponent, type Rounding } from "../money.ts";

/**
 * How an order in another listed currency is brought into the program's: `rate` program-currency
 * units per unit of `currency` (the owner's exact decimal), recorded on the order so its refunds
 * convert at the same rate even after the owner changes it.
 */
export interface OrderConversion {
  currency: string;
  rate: string;
}

/** A decimal string ("1.08") as an exact fraction of bigints. */
export function rateFraction(rate: string): { numerator: bigint; denominator: bigint } {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(rate);
  if (!m) throw new RangeError(`not a decimal rate: ${rate}`);
  const [, whole = "0", fraction = ""] = m;
  return { numerator: BigInt(`${whole}${fraction}`), denominator: 10n ** BigInt(fraction.length) };
}

/** n / d of non-negative bigints with a rounding mode (round: half up). */
export function roundedQuotient(n: bigint, d: bigint, rounding: Rounding): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  if (rounding === "floor") return q;
  if (rounding === "ceil") return q + 1n;
  return 2n * r >= d ? q + 1n : q;
}

/**
 * Minor units of `from` as minor units of `to`, exactly: `amount × rate`, or `amount ÷ rate` when
 * `divideBy` (the program's amount brought into the other currency), scaled between the two
 * currencies' exponents, then rounded once.
 */
export function convertMinor(amount: number, rate: string, from: string, to: string, rounding: Rounding, divideBy = false): number {
  const { numerator, denominator } = rateFraction(rate);
  if (numerator === 0n) throw new RangeError("a rate must be positive");
  const shift = currencyExponent(to) - currencyExponent(from);
  const [mul, div] = divideBy ? [denominator, numerator] : [numerator, denominator];
  const n = BigInt(amount) * mul * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  const d = div * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
  return Number(roundedQuotient(n, d, rounding));
}

/** The conversion an order in `currency` earns under, or null when the program does not list it. */
export function orderConversion(config: Pick<ProgramConfig, "currency" | "currencies">, currency: string): OrderConversion | null {
  if (currency === config.currency) return null;
  const listed = config.currencies?.[currency];
  return listed ? { currency, rate: listed.rate } : null;
}

/** An amount of the order's currency in the program's, at the order's recorded rate and the program's rounding. */
export function toProgram(amount: number, c: OrderConversion, programCurrency: string, rounding: Rounding): number {
  return convertMinor(amount, c.rate, c.currency, programCurrency, rounding);
}

/**
 * The order as rule conditions see it in the program's currency: every amount converted on its own.
 * (What earns is the lines' net, converted per line: see orderAmounts.)
 */
export function eventInProgramCurrency(e: OrderPaidEvent, c: OrderConversion, programCurrency: string, rounding: Rounding): OrderPaidEvent {
  const to = (n: number) => toProgram(n, c, programCurrency, rounding);
  return {
    ...e,
    currency: programCurrency,
    lines: e.lines.map((l) => ({ ...l, unitPrice: to(l.unitPrice), discount: to(l.discount), memberSaving: to(l.memberSaving) })),
    orderDiscount: to(e.orderDiscount),
    shipping: to(e.shipping),
    shippingDiscount: to(e.shippingDiscount),
    tax: to(e.tax),
  };
}
