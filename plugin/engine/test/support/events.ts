/** Builders for the events and commands the scenarios read like. Amounts are minor units. */

let seq = 0;

export function order(
  orderId: string,
  customerId: string | null,
  at: string,
  lines: { id?: string; price: number; qty?: number; discount?: number; product?: string; collections?: string[] }[],
  extra: Record<string, unknown> = {},
) {
  return {
    type: "order.paid",
    orderId,
    customerId,
    occurredAt: at,
    currency: "USD",
    lines: lines.map((l, i) => ({
      lineId: l.id ?? `${orderId}-${i + 1}`,
      productId: l.product,
      collectionIds: l.collections ?? [],
      quantity: l.qty ?? 1,
      unitPrice: l.price,
      discount: l.discount ?? 0,
    })),
    shipping: 500,
    tax: 300,
    ...extra,
  };
}

export function refund(refundId: string, orderId: string, at: string, what: { lines?: { id: string; amount: number }[]; amount?: number }) {
  return {
    type: "refund.created",
    refundId,
    orderId,
    occurredAt: at,
    lines: (what.lines ?? []).map((l) => ({ lineId: l.id, quantity: 1, amount: l.amount })),
    amount: what.amount ?? 0,
  };
}

export function cancel(orderId: string, at: string) {
  return { type: "order.cancelled", orderId, occurredAt: at };
}

export function spend(customerId: string, points: number, key = `spend-${++seq}`) {
  return { type: "spend", key, customerId, points, reason: "reward redemption" };
}

export function adjust(customerId: string, points: number, opts: { growth?: number; reason?: string; actor?: string; key?: string } = {}) {
  return {
    type: "adjust",
    key: opts.key ?? `adjust-${++seq}`,
    customerId,
    points,
    growth: opts.growth ?? 0,
    reason: opts.reason ?? "goodwill",
    actor: opts.actor ?? "admin@example.com",
  };
}

export function customerCreated(customerId: string, at: string, extra: Record<string, unknown> = {}) {
  return { type: "customer.created", customerId, occurredAt: at, ...extra };
}

export function custom(name: string, customerId: string, at: string, key: string, payload: Record<string, unknown> = {}) {
  return { type: "custom", name, customerId, occurredAt: at, key, payload };
}
