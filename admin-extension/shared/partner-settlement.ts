import { useState } from "react";
import { parseMonth } from "./months.ts";
import type { PartnerSettlement } from "./types.ts";

/**
 * The settlement month as both admins' settlement cards edit it: the text as typed, parsed, and
 * passed on (`onMonthChange`) only once it is a month.
 */
export function useSettlementMonth(month: string, onMonthChange: (month: string) => void) {
  const [text, setText] = useState(month);
  const parsed = parseMonth(text);
  function change(next: string) {
    setText(next);
    const value = parseMonth(next);
    if (value.ok) onMonthChange(value.value);
  }
  return { text, parsed, change };
}

/** The month's rows with their currency (the program's, the same on every row) and the total due. */
export function settlementTotals(data: PartnerSettlement[] | undefined) {
  const rows = data ?? [];
  return { rows, currency: rows[0]?.currency, total: rows.reduce((sum, r) => sum + r.amountDue, 0) };
}
