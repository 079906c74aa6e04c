import { countOf, minorOf } from "./money";

export interface OrderLine {
  id: string;
  quantity?: unknown;
  raw_quantity?: unknown;
  detail?: { quantity?: unknown; raw_quantity?: unknown } | null;
  unit_price: unknown;
  adjustments?: { amount: unknown }[] | null;
  is_giftcard?: boolean | null;
}

/** The fields of an order's lines these functions read, for Medusa's Query. */
export const ORDER_LINE_FIELDS = [
  "items.id",
  "items.quantity",
  "items.raw_quantity",
  // Once the order has changed (a return), Query carries the quantity only on the order item.
  "items.detail.quantity",
  "items.detail.raw_quantity",
  "items.unit_price",
  "items.adjustments.amount",
  "items.is_giftcard",
];

/** The quantity the customer ordered (returns do not lower it); NaN when Query gave none. */
function orderedOf(line: OrderLine): { as: unknown; count: number } {
  const as = line.raw_quantity ?? line.quantity ?? line.detail?.raw_quantity ?? line.detail?.quantity;
  return { as, count: countOf(as) };
}

/** A line's price after its discounts for the quantity ordered, in minor units (never below 0). */
function lineNet(line: OrderLine, ordered: number, currency: string): bigint {
  const discount = (line.adjustments ?? []).reduce((s, a) => s + minorOf(a.amount, currency), 0);
  return BigInt(Math.max(0, minorOf(line.unit_price, currency) * ordered - discount));
}

/**
 * What the order's merchandise came to when it was placed — the base its points were earned on
 * (gift cards earn nothing) — whatever returns happened since. Minor units.
 */
export function merchandiseOf(lines: readonly OrderLine[], currency: string): number {
  let total = 0n;
  for (const line of lines) {
    if (line.is_giftcard) continue;
    const ordered = orderedOf(line);
    if (!Number.isInteger(ordered.count) || ordered.count < 0)
      throw new Error(`order line ${line.id}: ${JSON.stringify(ordered.as)} is not a quantity`);
    total += lineNet(line, ordered.count, currency);
  }
  return Number(total);
}

export interface ReturnedItem {
  item_id: string;
  quantity: unknown;
  received_quantity?: unknown;
}

/**
 * What a received return gives back, per order line, in minor units: the line's price after its
 * discounts × returned quantity / ordered quantity (half up). Lines not on the order are refused.
 */
export function returnedLines(lines: readonly OrderLine[], returned: readonly ReturnedItem[], currency: string) {
  const byId = new Map(lines.map((l) => [l.id, l]));
  return returned.flatMap((r) => {
    const line = byId.get(r.item_id);
    if (!line) throw new Error(`returned item ${r.item_id} is not a line of the order`);
    const { as: orderedAs, count: ordered } = orderedOf(line);
    const back = countOf(r.received_quantity ?? r.quantity);
    if (!Number.isInteger(ordered) || ordered <= 0 || !Number.isInteger(back) || back < 0 || back > ordered)
      throw new Error(
        `returned item ${r.item_id}: ${JSON.stringify(r.received_quantity ?? r.quantity)} of ${JSON.stringify(orderedAs)} is not a returnable quantity`,
      );
    if (back === 0) return [];
    const net = lineNet(line, ordered, currency);
    const amount = Number((2n * net * BigInt(back) + BigInt(ordered)) / (2n * BigInt(ordered)));
    return [{ itemId: r.item_id, quantity: back, amount }];
  });
}
