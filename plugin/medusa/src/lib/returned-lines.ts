import { countOf, minorOf } from "./money";

export interface OrderLine {
  id: string;
  quantity?: unknown;
  raw_quantity?: unknown;
  detail?: { quantity?: unknown; raw_quantity?: unknown } | null;
  unit_price: unknown;
  adjustments?: { amount: unknown }[] | null;
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
    const orderedAs = line.raw_quantity ?? line.quantity ?? line.detail?.raw_quantity ?? line.detail?.quantity;
    const ordered = countOf(orderedAs);
    const back = countOf(r.received_quantity ?? r.quantity);
    if (!Number.isInteger(ordered) || ordered <= 0 || !Number.isInteger(back) || back < 0 || back > ordered)
      throw new Error(
        `returned item ${r.item_id}: ${JSON.stringify(r.received_quantity ?? r.quantity)} of ${JSON.stringify(orderedAs)} is not a returnable quantity`,
      );
    if (back === 0) return [];
    const discount = (line.adjustments ?? []).reduce((s, a) => s + minorOf(a.amount, currency), 0);
    const net = BigInt(Math.max(0, minorOf(line.unit_price, currency) * ordered - discount));
    const amount = Number((2n * net * BigInt(back) + BigInt(ordered)) / (2n * BigInt(ordered)));
    return [{ itemId: r.item_id, quantity: back, amount }];
  });
}
