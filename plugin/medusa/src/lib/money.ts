import { currencyExponent, toMinor } from "@kinship/engine/core";
import { medusaNumber, wholeCount } from "./mapper";

/** A Medusa amount (major units: 12.5 is 12.50) as integer minor units, rounded half up. */
export function minorOf(amount: unknown, currency: string): number {
  const raw = medusaNumber(amount);
  if (raw === undefined) throw new Error(`not an amount: ${JSON.stringify(amount)}`);
  return toMinor(raw, currency.toUpperCase(), { excess: "halfUp" });
}

/** A Medusa quantity (a number or a BigNumber such as { value: "2" }) as a whole count; NaN when it is not one. */
export function countOf(quantity: unknown): number {
  const raw = medusaNumber(quantity);
  return raw === undefined ? Number.NaN : wholeCount(raw);
}

/** Integer minor units as the major-unit number Medusa stores (799 USD → 7.99). */
export function majorOf(minor: number, currency: string): number {
  if (!Number.isSafeInteger(minor)) throw new Error(`not integer minor units: ${minor}`);
  const exponent = currencyExponent(currency.toUpperCase());
  return Number(`${minor}e-${exponent}`);
}
