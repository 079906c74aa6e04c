/**
 * Money in the config is integer minor units of the program currency; people read and type
 * decimal amounts. These conversions go through strings and BigInt, never floating point.
 */

const exponents = new Map<string, number>();

/** Minor-unit digits of an ISO 4217 currency: 2 for USD, 0 for JPY, 3 for KWD (as the engine computes it). */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(currency, exponent);
  }
  return exponent;
}

/** Minor units in one whole unit: 100 for USD, 1 for JPY. */
export function currencyUnit(currency: string): number {
  return 10 ** currencyExponent(currency);
}

/** 10000 USD → "100.00"; 500 JPY → "500"; -150 USD → "-1.50". */
export function minorToDecimal(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an integer amount of minor units: ${minor}`);
  const exponent = currencyExponent(currency);
  const digits = Math.abs(minor)
    .toString()
    .padStart(exponent + 1, "0");
  const sign = minor < 0 ? "-" : "";
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * "100" / "100.5" / "100.50" USD → 10050 minor units. Rejects signs, separators and more decimals
 * than the currency has (trailing zeros beyond them are fine: "1.500" is 1.50).
 */
export function decimalToMinor(text: string, currency: string): Parsed<number> {
  const exponent = currencyExponent(currency);
  const example = exponent === 0 ? "12" : `12.${"5".padEnd(exponent, "0")}`;
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text.trim());
  const whole = m?.[1] ?? "";
  const fraction = (m?.[2] ?? "").replace(/0+$/, "");
  if (!m || (whole === "" && (m[2] ?? "") === "")) return { ok: false, message: `Enter an amount in ${currency}, like ${example}` };
  if (fraction.length > exponent)
    return {
      ok: false,
      message: exponent === 0 ? `${currency} amounts have no decimals` : `${currency} amounts have at most ${exponent} decimals`,
    };
  const minor = BigInt(whole || "0") * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, "0") || "0");
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: "That amount is too large" };
  return { ok: true, value: Number(minor) };
}

/** 10000 USD → "$100.00" in the reader's locale, exact (Intl formats the decimal string). */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(minorToDecimal(minor, currency) as `${number}`);
}
