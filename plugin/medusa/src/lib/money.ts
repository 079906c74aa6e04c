import { currencyExponent, toMinor } from "@kinship/webhooks/mappers";

/** A number as Medusa's Query returns it: a number, a decimal string, or a BigNumber ({ value } / { numeric } / { raw }). */
function plainOf(v: unknown): number | string | undefined {
  if (typeof v === "number" || typeof v === "string") return v;
  if (v === null || typeof v !== "object") return undefined;
  const o = v as { value?: unknown; numeric?: unknown; raw?: { value?: unknown } };
  for (const x of [o.raw?.value, o.value, o.numeric]) if (typeof x === "number" || typeof x === "string") return x;
  return undefined;
}

/** A Medusa amount (major units: 12.5 is 12.50) as integer minor units, rounded half up. */
export function minorOf(amount: unknown, currency: string): number {
  const raw = plainOf(amount);
  if (raw === undefined) throw new Error(`not an amount: ${JSON.stringify(amount)}`);
  return toMinor(raw, currency.toUpperCase(), { excess: "halfUp" });
}

/** A Medusa quantity (a number or a BigNumber such as { value: "2" }) as a whole count; NaN when it is not one. */
export function countOf(quantity: unknown): number {
  const raw = plainOf(quantity);
  const m = raw === undefined ? null : /^(\d+)(?:\.0+)?$/.exec(String(raw));
  return m ? Number(m[1]) : Number.NaN;
}

/** Integer minor units as the major-unit number Medusa stores (799 USD → 7.99). */
export function majorOf(minor: number, currency: string): number {
  if (!Number.isSafeInteger(minor)) throw new Error(`not integer minor units: ${minor}`);
  const exponent = currencyExponent(currency.toUpperCase());
  return Number(`${minor}e-${exponent}`);
}
