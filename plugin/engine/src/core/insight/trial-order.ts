import { z } from "zod";
import type { OrderPaidEvent } from "../events/schema.ts";
import { CustomerId, OrderId } from "../ids.ts";
import { ok, type Result } from "../result.ts";

const minor = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const id = z.string().min(1).max(200);

/** A hypothetical order for a rule trial, as the admin's tryRule takes it (amounts in minor units). */
export const TrialOrder = z.strictObject({
  subtotal: minor.describe("merchandise after discounts"),
  currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as USD"),
  lines: z
    .array(
      z.strictObject({
        variantId: id.optional(),
        productId: id.optional(),
        collectionIds: z.array(id).default([]),
        quantity: z.number().int().positive(),
        price: minor.describe("unit price"),
      }),
    )
    .min(1)
    .optional(),
  shipping: minor.default(0),
  discount: minor.default(0).describe("order-level discount"),
  at: z.iso.datetime({ offset: true }).optional(),
});
export type TrialOrder = z.infer<typeof TrialOrder>;

export interface TrialInputError {
  code: "InvalidTrialOrder";
  message: string;
  /** The offending field, as order.lines.0.price. */
  field: string;
}

/**
 * The order as the earn path sees a paid order. Without lines it is one line worth subtotal +
 * discount; with lines, subtotal must be what they come to after the discount.
 */
export function trialEvent(raw: unknown, now: Date): Result<OrderPaidEvent, TrialInputError> {
  const parsed = TrialOrder.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = ["order", ...(issue?.path ?? [])].join(".");
    return { ok: false, error: { code: "InvalidTrialOrder", message: `${field}: ${issue?.message ?? "invalid"}`, field } };
  }
  const o = parsed.data;
  const lines = (o.lines ?? [{ collectionIds: [], quantity: 1, price: o.subtotal + o.discount }]).map((l, i) => ({
    lineId: `line-${i + 1}`,
    productId: "productId" in l ? l.productId : undefined,
    variantId: "variantId" in l ? l.variantId : undefined,
    collectionIds: l.collectionIds,
    quantity: l.quantity,
    unitPrice: l.price,
    discount: 0,
    memberSaving: 0,
  }));
  const total = lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
  if (o.lines && Math.max(0, total - o.discount) !== o.subtotal)
    return {
      ok: false,
      error: {
        code: "InvalidTrialOrder",
        message: `order.subtotal: ${o.subtotal} is not what the lines come to after the discount (${Math.max(0, total - o.discount)})`,
        field: "order.subtotal",
      },
    };
  return ok({
    type: "order.paid",
    orderId: OrderId.parse("trial"),
    customerId: CustomerId.parse("trial"),
    occurredAt: o.at ? new Date(o.at) : now,
    currency: o.currency,
    lines,
    shippingDiscount: 0,
    orderDiscount: o.discount,
    shipping: o.shipping,
    tax: 0,
  });
}
