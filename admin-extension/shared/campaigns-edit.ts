import { useState } from "react";
import type { CampaignBonus, CampaignsConfig, CurrenciesConfig, ProgramConfig } from "./program-config.ts";
import { useReportInvalid } from "./validity.ts";

/**
 * The simple parts of the campaigns section (birthday and anniversary bonuses, the expiring-soon
 * notice) and the other currencies orders earn in, as immutable edits with the engine's checks
 * (plugin/engine/src/core/config/{campaigns,currencies}.ts). Lists the screens do not edit
 * (nth-order, stamp cards, badges) are carried along untouched.
 */

export type BonusKind = "birthday" | "anniversary";

export function campaignsOf(config: ProgramConfig): CampaignsConfig {
  return config.campaigns ?? {};
}

/** Turns a bonus on (with `bonus`) or off (undefined). */
export function setBonus(config: ProgramConfig, kind: BonusKind, bonus: CampaignBonus | undefined): ProgramConfig {
  const { [kind]: _old, ...rest } = campaignsOf(config);
  return { ...config, campaigns: bonus ? { ...rest, [kind]: { growth: 0, ...bonus } } : rest };
}

/** Sets or clears (undefined) the notice sent `days` before points expire. */
export function setExpiringNotice(config: ProgramConfig, days: number | undefined): ProgramConfig {
  const { expiringNotice: _old, ...rest } = campaignsOf(config);
  return { ...config, campaigns: days === undefined ? rest : { ...rest, expiringNotice: { days } } };
}

export function expiringNoticeError(days: number | undefined): string | null {
  return days !== undefined && (days < 1 || days > 90) ? "Enter 1 to 90 days" : null;
}

// ---- currencies ----------------------------------------------------------------------------------

export interface CurrencyRow {
  code: string;
  rate: string;
  memberPrices: boolean;
}

const RATE = /^\d{1,9}(\.\d{1,9})?$/;

export function currencyRows(config: ProgramConfig): CurrencyRow[] {
  return Object.entries(config.currencies ?? {}).map(([code, c]) => ({ code, rate: c.rate, memberPrices: c.memberPrices !== false }));
}

/** Writes the rows back (in their order); two rows with one code keep the last, which the row errors point out first. */
export function withCurrencyRows(config: ProgramConfig, rows: readonly CurrencyRow[]): ProgramConfig {
  const currencies: CurrenciesConfig = {};
  for (const r of rows) currencies[r.code] = { rate: r.rate, memberPrices: r.memberPrices };
  return { ...config, currencies };
}

/** A row's problems: an ISO code other than the program's own, an exact decimal rate above 0. */
export function currencyRowErrors(
  row: CurrencyRow,
  rows: readonly CurrencyRow[],
  programCurrency: string,
): { code?: string; rate?: string } {
  const errors: { code?: string; rate?: string } = {};
  if (!/^[A-Z]{3}$/.test(row.code)) errors.code = "Enter a three-letter currency code, like EUR";
  else if (row.code === programCurrency) errors.code = `${programCurrency} is the program's own currency`;
  else if (rows.filter((r) => r.code === row.code).length > 1) errors.code = `${row.code} is listed twice`;
  else {
    try {
      new Intl.NumberFormat("en", { style: "currency", currency: row.code });
    } catch {
      errors.code = `Unknown currency ${row.code}`;
    }
  }
  if (!RATE.test(row.rate.trim())) errors.rate = "Enter a decimal such as 0.92";
  else if (Number(row.rate) === 0) errors.rate = "Enter a rate above 0";
  return errors;
}

/** "1 EUR = 1.08 USD" for the rate's help text. */
export function rateSentence(row: CurrencyRow, programCurrency: string): string {
  return `1 ${row.code || "…"} earns as ${row.rate || "…"} ${programCurrency}`;
}

/**
 * The currencies table's state for either admin: rows as typed (a code being typed is not a key
 * yet), written into the draft whenever every row is valid, and taken again from the draft when it
 * changes from outside (discard, reload).
 */
export function useCurrencyRows(config: ProgramConfig, edit: (change: (c: ProgramConfig) => ProgramConfig) => void) {
  const fromConfig = JSON.stringify(config.currencies ?? {});
  const [state, setState] = useState(() => ({ rows: currencyRows(config), synced: fromConfig }));
  let rows = state.rows;
  if (fromConfig !== state.synced && fromConfig !== JSON.stringify(withCurrencyRows(config, rows).currencies)) {
    rows = currencyRows(config);
    setState({ rows, synced: fromConfig });
  }
  const errors = rows.map((r) => currencyRowErrors(r, rows, config.currency));
  const valid = errors.every((e) => !e.code && !e.rate);
  useReportInvalid(!valid);

  function change(next: CurrencyRow[]) {
    const ok = next.every((r) => {
      const e = currencyRowErrors(r, next, config.currency);
      return !e.code && !e.rate;
    });
    const written = ok ? JSON.stringify(withCurrencyRows(config, next).currencies) : state.synced;
    setState({ rows: next, synced: written });
    if (ok) edit((c) => withCurrencyRows(c, next));
  }
  return {
    rows,
    errors,
    add: () => change([...rows, { code: "", rate: "1", memberPrices: true }]),
    update: (i: number, patch: Partial<CurrencyRow>) => change(rows.map((r, j) => (j === i ? { ...r, ...patch } : r))),
    remove: (i: number) => change(rows.filter((_, j) => j !== i)),
  };
}
