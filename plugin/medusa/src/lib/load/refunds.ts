import type { MedusaContainer } from "@medusajs/framework/types";
import type { MedusaRefund } from "../mapper";
import { majorOf, minorOf } from "../money";
import { merchandiseShare } from "../refund-share";
import { merchandiseOf, ORDER_LINE_FIELDS, type OrderLine } from "../returned-lines";
import { graph, one } from "./query";

type Container = Pick<MedusaContainer, "resolve">;

/**
 * Every refund of a payment (the `payment.refunded` event names only the payment) as Kinship
 * refunds of its order's merchandise, keyed by the refund's id: the ones already applied are
 * recognised as duplicates. Empty when the payment belongs to no order (a cart's).
 */
export async function loadPaymentRefunds(container: Container, paymentId: string): Promise<MedusaRefund[]> {
  const payment = await one(
    container,
    "payment",
    [
      "id",
      "currency_code",
      "payment_collection_id",
      "payment_collection.amount",
      "payment_collection.raw_amount",
      "refunds.id",
      "refunds.amount",
      "refunds.raw_amount",
      "refunds.created_at",
    ],
    paymentId,
  );
  if (!payment) return [];
  const links = await graph(container, "order_payment_collection", ["order_id", "payment_collection_id"], {
    payment_collection_id: payment.payment_collection_id,
  });
  const orderId = links.find((l) => l.payment_collection_id === payment.payment_collection_id)?.order_id;
  if (typeof orderId !== "string") return [];
  const order = await one(container, "order", ["id", "currency_code", ...ORDER_LINE_FIELDS], orderId);
  if (!order) return [];
  const currency = String(order.currency_code);
  // What the order asked to be paid: Medusa lowers the order's own total by the credit line a refund creates.
  const collection = (payment.payment_collection ?? {}) as Record<string, unknown>;
  const total = minorOf(collection.raw_amount ?? collection.amount, currency);
  // The merchandise as placed (the earning base): the order's own item_total drops once items come back.
  const merchandise = merchandiseOf((order.items ?? []) as OrderLine[], currency);
  const refunds = (payment.refunds ?? []) as { id: string; amount: unknown; raw_amount?: unknown; created_at: string | Date }[];
  return refunds.map((r) => ({
    order_id: orderId,
    refund_id: r.id,
    currency_code: currency,
    occurred_at: r.created_at,
    amount: majorOf(merchandiseShare(minorOf(r.raw_amount ?? r.amount, currency), total, merchandise), currency),
  }));
}
