/** Integer minor units → a localised amount, e.g. (1999, "USD", "en") → "$19.99", (1999, "JPY") → "¥1,999". */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  try {
    const f = new Intl.NumberFormat(locale, { style: "currency", currency });
    return f.format(minor / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
  } catch {
    // An unknown currency code: still show a number rather than nothing.
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

export function formatNumber(n: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** "{n} points" with { n: "1,974" } → "1,974 points". */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
}

/** Black or white text, whichever reads better on a badge colour ("#RRGGBB" or "#RGB"); undefined if unknown. */
export function textOn(color: string): string | undefined {
  let hex = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(color)?.[1];
  if (!hex) return undefined;
  if (hex.length === 3) hex = hex.replace(/./g, "$&$&");
  const n = Number.parseInt(hex, 16);
  // Relative luminance, roughly (sRGB weights without the gamma curve).
  const y = 0.2126 * (n >> 16) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
  return y > 150 ? "#000" : "#fff";
}
