import type { MedusaRefund } from "@kinship/webhooks/mappers";
import type { MedusaContainer } from "@medusajs/framework/types";
import { majorOf } from "../money";
import { type OrderLine, type ReturnedItem, returnedLines } from "../returned-lines";
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
  const order = await one(
    container,
    "order",
    // An order line's quantity lives in its order item (`detail`); once the order has changed
    // (a return), Query no longer puts it on the line itself.
    [
      "id",
      "currency_code",
      "items.id",
      "items.quantity",
      "items.raw_quantity",
      "items.detail.quantity",
      "items.detail.raw_quantity",
      "items.unit_price",
      "items.adjustments.amount",
    ],
    String(ret.order_id),
  );
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
