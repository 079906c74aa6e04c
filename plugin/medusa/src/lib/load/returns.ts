import type { MedusaContainer } from "@medusajs/framework/types";
import type { MedusaRefund } from "../mapper";
import { majorOf } from "../money";
import { ORDER_LINE_FIELDS, type OrderLine, type ReturnedItem, returnedLines } from "../returned-lines";
import { one } from "./query";

/** A received return as a Kinship refund of the returned lines, keyed by the return's id. */
export async function loadReceivedReturn(container: Pick<MedusaContainer, "resolve">, returnId: string): Promise<MedusaRefund | null> {
  const ret = await one(
    container,
    "return",
    ["id", "order_id", "received_at", "created_at", "items.item_id", "items.quantity", "items.received_quantity"],
    returnId,
  );
  if (!ret) return null;
  const order = await one(container, "order", ["id", "currency_code", ...ORDER_LINE_FIELDS], String(ret.order_id));
  if (!order) return null;
  const currency = String(order.currency_code);
  const lines = returnedLines((order.items ?? []) as OrderLine[], (ret.items ?? []) as ReturnedItem[], currency);
  return {
    order_id: String(order.id),
    return_id: String(ret.id),
    currency_code: currency,
    occurred_at: (ret.received_at ?? ret.created_at) as string,
    items: lines.map((l) => ({ item_id: l.itemId, quantity: l.quantity, amount: majorOf(l.amount, currency) })),
  };
}
