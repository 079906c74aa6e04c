import { DateTime } from "luxon";
import { parseIdList } from "./config-edit.ts";
import { decimalToMinor } from "./money.ts";
import type { TrialOrder } from "./types.ts";

/**
 * The "try this rule on an order" form as typed, and the order it stands for. Amounts are decimal
 * text in the order's currency; the date is local time in the program's zone. Every field that
 * does not parse gets its own message, and no order is built until all parse.
 */
export interface TrialLineForm {
  productId: string;
  variantId: string;
  collectionIds: string;
  quantity: string;
  price: string;
}

export interface TrialOrderForm {
  subtotal: string;
  currency: string;
  /** "2026-06-01T12:00" (a datetime-local input); empty: now. */
  at: string;
  lines: TrialLineForm[];
}

export type TrialFormErrors = Partial<Record<"subtotal" | "currency" | "at", string>> & {
  lines?: Partial<Record<keyof TrialLineForm, string>>[];
};

export type TrialOrderResult = { ok: true; order: TrialOrder } | { ok: false; errors: TrialFormErrors };

export const emptyTrialLine = (): TrialLineForm => ({ productId: "", variantId: "", collectionIds: "", quantity: "1", price: "" });

export function buildTrialOrder(form: TrialOrderForm, timeZone: string | undefined): TrialOrderResult {
  const errors: TrialFormErrors = {};
  const currency = form.currency.trim().toUpperCase();
  let validCurrency = /^[A-Z]{3}$/.test(currency);
  if (validCurrency)
    try {
      new Intl.NumberFormat("en", { style: "currency", currency });
    } catch {
      validCurrency = false;
    }
  if (!validCurrency) errors.currency = "Enter a three-letter currency code, like USD";
  const subtotal = validCurrency ? decimalToMinor(form.subtotal, currency) : null;
  if (subtotal && !subtotal.ok) errors.subtotal = subtotal.message;

  let at: string | undefined;
  if (form.at.trim() !== "") {
    const zone = timeZone && DateTime.local({ zone: timeZone }).isValid ? timeZone : "UTC";
    const parsed = DateTime.fromISO(form.at.trim(), { zone });
    if (parsed.isValid) at = parsed.toUTC().toISO() as string;
    else errors.at = "Enter a date and time, like 2026-06-01T12:00";
  }

  const lines: NonNullable<TrialOrder["lines"]> = [];
  const lineErrors = form.lines.map((line) => {
    const e: Partial<Record<keyof TrialLineForm, string>> = {};
    const quantity = Number(line.quantity.trim());
    if (!/^\d+$/.test(line.quantity.trim()) || quantity < 1) e.quantity = "Enter a quantity of 1 or more";
    const price = validCurrency ? decimalToMinor(line.price, currency) : null;
    if (price && !price.ok) e.price = price.message;
    if (!line.productId.trim() && !line.variantId.trim() && !line.collectionIds.trim())
      e.productId = "Enter a product, variant or collection ID";
    if (Object.keys(e).length === 0 && price?.ok) {
      const collectionIds = parseIdList(line.collectionIds);
      lines.push({
        ...(line.productId.trim() ? { productId: line.productId.trim() } : {}),
        ...(line.variantId.trim() ? { variantId: line.variantId.trim() } : {}),
        ...(collectionIds.length > 0 ? { collectionIds } : {}),
        quantity,
        price: price.value,
      });
    }
    return e;
  });
  if (lineErrors.some((e) => Object.keys(e).length > 0)) errors.lines = lineErrors;

  if (Object.keys(errors).length > 0 || !subtotal?.ok) return { ok: false, errors };
  return {
    ok: true,
    order: { subtotal: subtotal.value, currency, ...(at ? { at } : {}), ...(lines.length > 0 ? { lines } : {}) },
  };
}
