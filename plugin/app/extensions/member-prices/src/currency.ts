/**
 * Minor-unit exponents of the currencies that do not have two, as the engine reads them (the runtime's
 * CLDR data, which the catalog's prices were read with; a test checks this table against Intl). The
 * function runs in Javy, which has no Intl.
 */
const NOT_TWO: Readonly<Record<string, number>> = {
  AFN: 0,
  ALL: 0,
  BHD: 3,
  BIF: 0,
  CLP: 0,
  COP: 0,
  DJF: 0,
  GNF: 0,
  HUF: 0,
  IDR: 0,
  IQD: 0,
  IRR: 0,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KMF: 0,
  KPW: 0,
  KRW: 0,
  KWD: 3,
  LAK: 0,
  LBP: 0,
  LYD: 3,
  MGA: 0,
  MMK: 0,
  OMR: 3,
  PKR: 0,
  PYG: 0,
  RWF: 0,
  SLL: 0,
  SOS: 0,
  SYP: 0,
  TND: 3,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  YER: 0,
};

export function exponentOf(currency: string): number {
  return NOT_TWO[currency] ?? 2;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** "12.50" as minor units (1250); null when it is not a plain non-negative decimal or has more digits than the currency. */
export function minorOf(amount: string | number, exponent: number): number | null {
  const m = DECIMAL.exec(String(amount));
  if (!m) return null;
  const fraction = (m[2] ?? "").replace(/0+$/, "");
  if (fraction.length > exponent) return null;
  const minor = Number(`${m[1]}${fraction.padEnd(exponent, "0")}`);
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units as the decimal text Shopify takes (1250, 2 → "12.50"). */
export function decimalOf(minor: number, exponent: number): string {
  if (exponent === 0) return String(minor);
  const digits = String(minor).padStart(exponent + 1, "0");
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
