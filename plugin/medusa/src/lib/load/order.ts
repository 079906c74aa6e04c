import type { MedusaContainer } from "@medusajs/framework/types";
import { one } from "./query";

/** What the Medusa order mapper reads (../mapper.ts). */
export const ORDER_FIELDS = [
  "id",
  "customer_id",
  "currency_code",
  "created_at",
  "shipping_subtotal",
  "shipping_total",
  "shipping_discount_total",
  "tax_total",
  "email",
  "metadata",
  "shipping_address.address_1",
  "shipping_address.address_2",
  "shipping_address.city",
  "shipping_address.postal_code",
  "shipping_address.country_code",
  "shipping_address.phone",
  "items.id",
  "items.product_id",
  "items.variant_id",
  "items.variant_sku",
  "items.quantity",
  "items.raw_quantity",
  "items.unit_price",
  "items.raw_unit_price",
  "items.compare_at_unit_price",
  "items.raw_compare_at_unit_price",
  "items.is_giftcard",
  "items.adjustments.amount",
  "items.adjustments.raw_amount",
  "items.variant.product.collection_id",
  "items.variant.product.is_giftcard",
];

export function loadOrder(container: Pick<MedusaContainer, "resolve">, id: string) {
  return one(container, "order", ORDER_FIELDS, id);
}

export function loadCanceledOrder(container: Pick<MedusaContainer, "resolve">, id: string) {
  return one(container, "order", ["id", "canceled_at", "updated_at", "status"], id);
}
