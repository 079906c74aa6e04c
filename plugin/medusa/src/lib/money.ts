import { currencyExponent, toMinor } from "@kinship/webhooks/mappers";

/** A Medusa amount (major units: 12.5 is 12.50) as integer minor units, rounded half up. */
export function minorOf(amount: unknown, currency: string): number {
  const raw =
    amount !== null && typeof amount === "object"
      ? ((amount as { value?: unknown; numeric?: unknown }).value ?? (amount as { numeric?: unknown }).numeric)
      : amount;
  if (typeof raw !== "number" && typeof raw !== "string") throw new Error(`not an amount: ${JSON.stringify(amount)}`);
  return toMinor(raw, currency.toUpperCase(), { excess: "halfUp" });
}

/** Integer minor units as the major-unit number Medusa stores (799 USD → 7.99). */
export function majorOf(minor: number, currency: string): number {
  if (!Number.isSafeInteger(minor)) throw new Error(`not integer minor units: ${minor}`);
  const exponent = currencyExponent(currency.toUpperCase());
  return Number(`${minor}e-${exponent}`);
}
