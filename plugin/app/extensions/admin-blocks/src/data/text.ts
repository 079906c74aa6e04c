import type { LedgerLine } from "./types.ts";

const number = new Intl.NumberFormat("en-US");

/** A signed number of points, as a ledger column shows it. */
export const signed = (n: number): string => (n > 0 ? `+${number.format(n)}` : number.format(n));

/** The points a ledger line moved, available and pending together. */
export const linePoints = (line: LedgerLine): number => line.available + line.pending;

const KINDS: Record<string, string> = {
  earn: "Earned",
  reverse: "Reversed",
  expire: "Expired",
  spend: "Redeemed",
  unspend: "Redemption undone",
  adjust: "Adjusted",
  adjustment: "Adjusted",
  mature: "Now available",
};

/** A ledger kind in words; one this version does not know shows as the engine names it. */
export const kindLabel = (kind: string): string => KINDS[kind] ?? kind;

/** Long reasons (refund notes, order ids) are cut to fit the block; the full text stays in a tooltip. */
export const REASON_MAX = 40;

/** `text` cut to `max` characters with an ellipsis, or as it is when it fits; never splits a surrogate pair. */
export function truncate(text: string, max = REASON_MAX): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}
