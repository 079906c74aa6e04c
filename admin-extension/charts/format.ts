/** A week's start (an ISO instant) as a short date in the program's time zone ("Nov 3"). */
export function weekLabel(iso: string, locale: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}

export function count(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** Minor units of `currency` as money ("12.50 EUR" per the locale); exact for the currency's digits. */
export function money(minor: number, currency: string, locale: string): string {
  const f = new Intl.NumberFormat(locale, { style: "currency", currency });
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(minor / 10 ** digits);
}

export function percent(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
}
