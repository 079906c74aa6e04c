import { z } from "zod";
import { CustomerId, OrderId } from "../ids.ts";

const minor = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const id = z.string().min(1).max(200);

export const OrderLine = z.strictObject({
  lineId: id,
  productId: id.optional(),
  variantId: id.optional(),
  collectionIds: z.array(id).default([]),
  sku: z.string().max(200).optional(),
  quantity: z.number().int().positive(),
  unitPrice: minor.describe("minor units"),
  discount: minor.default(0).describe("total discount on the line, minor units"),
  memberSaving: minor
    .default(0)
    .describe(
      "what the member price took off this line, minor units (a Kinship discount at Shopify's checkout; list less member price on Medusa)",
    ),
  sellingPlanId: id.optional().describe("the Shopify selling plan the line was bought on (a membership plan's subscription)"),
});
export type OrderLine = z.infer<typeof OrderLine>;

/** A postal address as platforms send it; compared normalised for referral fraud. */
export const Address = z.strictObject({
  line1: z.string().max(300).optional(),
  line2: z.string().max(300).optional(),
  city: z.string().max(200).optional(),
  postalCode: z.string().max(40).optional(),
  country: z.string().max(80).optional(),
});
export type Address = z.infer<typeof Address>;

/** The shopper as the order knew them, for referral fraud checks (never shown). */
const OrderContact = z.strictObject({
  email: z.string().max(320).optional(),
  phone: z.string().max(64).optional(),
  shippingAddress: Address.optional(),
});

/** A referral code the storefront put on the cart (`?ref=`), with the browser it came from. */
const OrderReferral = z.strictObject({
  code: z.string().min(1).max(100),
  ip: z.string().max(64).optional(),
  deviceId: z.string().max(200).optional(),
});

const OrderPaid = z.strictObject({
  type: z.literal("order.paid"),
  key: id.optional(),
  orderId: OrderId,
  customerId: CustomerId.nullable(),
  occurredAt: instant,
  currency: z.string().regex(/^[A-Z]{3}$/),
  lines: z.array(OrderLine).min(1),
  orderDiscount: minor.default(0).describe("order-level discounts not already in the lines"),
  shipping: minor.default(0),
  shippingDiscount: minor.default(0).describe("shipping the order did not charge (a free-shipping code or plan), minor units"),
  tax: minor.default(0),
  contact: OrderContact.optional(),
  referral: OrderReferral.optional(),
});

const OrderCancelled = z.strictObject({
  type: z.literal("order.cancelled"),
  key: id.optional(),
  orderId: OrderId,
  occurredAt: instant,
});

const RefundCreated = z
  .strictObject({
    type: z.literal("refund.created"),
    key: id.optional(),
    refundId: id,
    orderId: OrderId,
    occurredAt: instant,
    lines: z.array(z.strictObject({ lineId: id, quantity: z.number().int().nonnegative(), amount: minor })).default([]),
    amount: minor.default(0).describe("refunded merchandise not tied to lines (no shipping, no tax)"),
  })
  .refine((r) => r.lines.length > 0 || r.amount > 0, "a refund needs lines or an amount");

const customerFields = {
  key: id.optional(),
  customerId: CustomerId,
  occurredAt: instant,
  email: z.email().nullable().optional(),
  firstName: z.string().max(200).nullable().optional(),
  lastName: z.string().max(200).nullable().optional(),
  birthday: z.iso.date().nullable().optional(),
  tags: z.array(z.string().max(255)).optional(),
  referralCode: z.string().max(100).nullable().optional(),
  phone: z.string().max(64).nullable().optional(),
};
const CustomerCreated = z.strictObject({ type: z.literal("customer.created"), ...customerFields });
const CustomerUpdated = z.strictObject({ type: z.literal("customer.updated"), ...customerFields });

const CustomEvent = z.strictObject({
  type: z.literal("custom"),
  key: id,
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/),
  customerId: CustomerId,
  occurredAt: instant,
  payload: z.record(z.string(), z.unknown()).default({}),
});

export const CommerceEvent = z.discriminatedUnion("type", [
  OrderPaid,
  OrderCancelled,
  RefundCreated,
  CustomerCreated,
  CustomerUpdated,
  CustomEvent,
]);
export type CommerceEvent = z.infer<typeof CommerceEvent>;
export type CommerceEventInput = z.input<typeof CommerceEvent>;
export type OrderPaidEvent = Extract<CommerceEvent, { type: "order.paid" }>;
export type RefundEvent = Extract<CommerceEvent, { type: "refund.created" }>;
export type CancelEvent = Extract<CommerceEvent, { type: "order.cancelled" }>;
export type CustomerEvent = Extract<CommerceEvent, { type: "customer.created" | "customer.updated" }>;
export type CustomCommerceEvent = Extract<CommerceEvent, { type: "custom" }>;

/** The unique key an event is applied under; redelivery of the same fact yields the same key. */
export function eventKey(e: CommerceEvent): string {
  // Senders choose custom keys: namespaced so they can never claim an order's or refund's key.
  if (e.type === "custom") return `custom:${e.key}`;
  if (e.key) return e.key;
  switch (e.type) {
    case "order.paid":
      return `order:${e.orderId}:paid`;
    case "order.cancelled":
      return `order:${e.orderId}:cancelled`;
    case "refund.created":
      return `refund:${e.refundId}`;
    case "customer.created":
    case "customer.updated":
      return `customer:${e.customerId}:${e.type}:${e.occurredAt.toISOString()}`;
  }
}
