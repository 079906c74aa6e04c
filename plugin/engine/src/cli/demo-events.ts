const DAY_MS = 86_400_000;

export const DEMO_PROGRAM = "demo.myshopify.com";

/** Customer ids are strings (platform ids are 64-bit); these look like Shopify's. */
export const DEMO_CUSTOMERS = { ada: "7602385453215", grace: "7602385453216", alan: "7602385453217" } as const;

/**
 * A small story, dated relative to `now` but with stable keys, so a rerun only finds duplicates:
 * three customers, four orders (one cancelled, one partly refunded), a guest order, and a spend.
 */
export function demoEvents(now: Date): unknown[] {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const { ada, grace, alan } = DEMO_CUSTOMERS;
  const order = (orderId: string, customerId: string | null, days: number, lines: object[], orderDiscount = 0) => ({
    type: "order.paid",
    orderId,
    customerId,
    occurredAt: ago(days),
    currency: "USD",
    lines,
    orderDiscount,
    shipping: 595,
    tax: 0,
  });
  return [
    customer("demo:customer:ada", ada, ago(60), "Ada", "Lovelace", ["newsletter"]),
    customer("demo:customer:grace", grace, ago(55), "Grace", "Hopper", []),
    customer("demo:customer:alan", alan, ago(20), "Alan", "Turing", []),
    // $98.00 + ($29.00 − $5.00 line discount) = $122.00 → 122 points
    order("1001", ada, 45, [
      { lineId: "1001-1", productId: "linen-shirt", quantity: 2, unitPrice: 4900 },
      { lineId: "1001-2", productId: "canvas-tote", quantity: 1, unitPrice: 2900, discount: 500 },
    ]),
    // $1,899.00 + 2 × $75.00 = $2,049.00 → 2049 points: Gold
    order("1002", grace, 40, [
      { lineId: "1002-1", productId: "wool-coat", quantity: 1, unitPrice: 189900 },
      { lineId: "1002-2", productId: "scarf", quantity: 2, unitPrice: 7500 },
    ]),
    // one scarf comes back: −75, under Gold's 2000 again (the tier has a grace period)
    {
      type: "refund.created",
      refundId: "r-1002-1",
      orderId: "1002",
      occurredAt: ago(12),
      lines: [{ lineId: "1002-2", quantity: 1, amount: 7500 }],
    },
    // 4 × $129.00 − 10% order discount = $464.40 → 464 points: Ada reaches Silver (586)
    order("1003", ada, 10, [{ lineId: "1003-1", productId: "desk-lamp", quantity: 4, unitPrice: 12900 }], 5160),
    order("1004", alan, 5, [{ lineId: "1004-1", productId: "notebook", quantity: 1, unitPrice: 2599 }]),
    { type: "order.cancelled", orderId: "1004", occurredAt: ago(2) },
    // a guest checkout earns nobody anything
    order("1005", null, 3, [{ lineId: "1005-1", productId: "mug", quantity: 1, unitPrice: 1800 }]),
    { type: "spend", key: "demo:spend:ada-1", customerId: ada, points: 300, reason: "$3.00 off order 1006", actor: "demo" },
  ];
}

function customer(key: string, customerId: string, occurredAt: string, firstName: string, lastName: string, tags: string[]) {
  return {
    type: "customer.created",
    key,
    customerId,
    occurredAt,
    email: `${firstName.toLowerCase()}@example.com`,
    firstName,
    lastName,
    tags,
  };
}
