import type { Parsed } from "./money.ts";

/** Signed whole points for a manual adjustment: "250", "+250", "-50"; never 0. */
export function parsePointsDelta(text: string): Parsed<number> {
  const t = text.trim().replace(/^\u2212/, "-");
  if (!/^[+-]?\d+$/.test(t)) return { ok: false, message: "Enter a whole number of points, like 250 or -50" };
  const value = Number(t);
  if (!Number.isSafeInteger(value)) return { ok: false, message: "That number is too large" };
  if (value === 0) return { ok: false, message: "Enter a number other than 0" };
  return { ok: true, value };
}

/** A whole number ≥ 0 (thresholds, costs, caps). */
export function parseWholeNumber(text: string): Parsed<number> {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { ok: false, message: "Enter a whole number, like 500" };
  const value = Number(t);
  if (!Number.isSafeInteger(value)) return { ok: false, message: "That number is too large" };
  return { ok: true, value };
}

/** A factor with up to two decimals, above 0 and at most 100 (per-unit rates, multipliers): "1", "1.5". */
export function parseFactor(text: string): Parsed<number> {
  const t = text.trim();
  if (!/^\d+(?:\.\d{1,2})?$/.test(t) || Number(t) <= 0 || Number(t) > 100)
    return { ok: false, message: "Enter a number above 0 and up to 100, with at most two decimals, like 1.5" };
  return { ok: true, value: Number(t) };
}

/** A percentage above 0 and at most 100; `whole` for rewards, which take whole percentages. */
export function parsePercent(text: string, whole = false): Parsed<number> {
  const t = text.trim().replace(/%$/, "").trim();
  const shape = whole ? /^\d+$/ : /^\d+(?:\.\d{1,2})?$/;
  if (!shape.test(t) || Number(t) <= 0 || Number(t) > 100)
    return { ok: false, message: whole ? "Enter a whole percentage from 1 to 100" : "Enter a percentage above 0 and up to 100" };
  return { ok: true, value: Number(t) };
}
