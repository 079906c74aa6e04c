import type { Draft } from "./draft.ts";
import type { Consumption, Lot } from "./types.ts";

/** Draws up to `points` from the given lots in order; returns the consumption rows. */
export function drawFrom(draft: Draft, lots: Lot[], points: number): Consumption[] {
  const rows: Consumption[] = [];
  let left = points;
  for (const lot of lots) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    if (take === 0) continue;
    lot.remaining -= take;
    if (lot.remaining === 0 && lot.status === "available") lot.status = "consumed";
    draft.touchLot(lot);
    rows.push({ lotKey: lot.key, points: take });
    left -= take;
  }
  return rows;
}

export function sumPoints(rows: Consumption[]): number {
  return rows.reduce((s, r) => s + r.points, 0);
}
