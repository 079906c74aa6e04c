import { parseEvent } from "@kinship/engine";
import { toMinor } from "@kinship/engine/core";
import { parse } from "lossless-json";
import { describe, expect, it } from "vitest";
import { type Mapped, MappingError, mapShopify } from "../../src/mappers/index.ts";
import { type Body, fixture, variant } from "./fixtures.ts";

function inputs(m: Mapped): Body[] {
  if (m.kind !== "apply") throw new Error(`expected apply, got ${JSON.stringify(m)}`);
  return m.inputs;
}

/** Every engine input a mapper produced must pass the engine's own parser. */
function expectEngineAccepts(m: Mapped): void {
  for (const input of inputs(m)) {
    const r = parseEvent(input);
    expect(r.ok ? "ok" : r.error.message).toBe("ok");
  }
}

describe("orders/paid", () => {
  const paid = mapShopify("orders/paid", fixture("orders-paid-customer.json"));

  it("maps a customer's paid order with discount allocations exactly", () => {
    expect(paid).toStrictEqual({
      kind: "apply",
      inputs: [
        {
          type: "order.paid",
          orderId: "820982911946154508",
          customerId: "115310627314723954",
          occurredAt: "2024-03-14T10:15:07-04:00",
          currency: "USD",
          lines: [
            {
              lineId: "487817672276298554",
              collectionIds: [],
              quantity: 1,
              unitPrice: 8999,
              discount: 1304, // 9.00 line promo + 4.04 of SAVE20, not total_discount (9.00)
              productId: "788032119674292922",
              variantId: "642667041472713922",
              sku: "SKU2006-001",
            },
            {
              lineId: "976318377106520349",
              collectionIds: [],
              quantity: 2,
              unitPrice: 15999,
              discount: 1596,
              productId: "788032119674292922",
              sku: "SKU2006-020",
            },
          ],
          orderDiscount: 0,
          shipping: 1000,
          tax: 3048,
          contact: {
            email: "jon@example.com",
            shippingAddress: { line1: "123 Shipping Street", city: "Shippington", postalCode: "40003", country: "US" },
          },
        },
      ],
    });
  });

  it("reads the referral the storefront put on the cart (note_attributes kinship_ref, kinship_device) and the order's browser_ip", () => {
    const body = JSON.parse(fixture("orders-paid-customer.json"));
    body.browser_ip = "198.51.100.20";
    body.phone = " +1 415 555 0134 ";
    body.note_attributes = [
      { name: "gift_note", value: "hi" },
      { name: "kinship_ref", value: " ab12CD34ef56 " },
      { name: "kinship_device", value: "dev-9" },
    ];
    const [e] = inputs(mapShopify("orders/paid", JSON.stringify(body)));
    expect(e?.referral).toEqual({ code: "ab12CD34ef56", ip: "198.51.100.20", deviceId: "dev-9" });
    expect(e?.contact).toMatchObject({ email: "jon@example.com", phone: "+1 415 555 0134" });
    expectEngineAccepts(mapShopify("orders/paid", JSON.stringify(body)));
    body.note_attributes = [{ name: "kinship_ref", value: "" }];
    expect(inputs(mapShopify("orders/paid", JSON.stringify(body)))[0]?.referral).toBeUndefined();
  });

  it("keeps 64-bit ids exact where JSON.parse would not", () => {
    const [e] = inputs(paid);
    expect(JSON.parse(fixture("orders-paid-customer.json")).id).toBe(820982911946154500); // what the lossy parser sees
    expect(e.orderId).toBe("820982911946154508");
    expect(e.customerId).toBe("115310627314723954");
    expect(e.lines.map((l: { lineId: string }) => l.lineId)).toEqual(["487817672276298554", "976318377106520349"]);
  });

  it("has lines whose net sum is the order's subtotal_price", () => {
    const [e] = inputs(paid);
    const body = parse(fixture("orders-paid-customer.json")) as { subtotal_price: string; currency: string };
    const net = e.lines.reduce(
      (s: number, l: { unitPrice: number; quantity: number; discount: number }) => s + l.unitPrice * l.quantity - l.discount,
      0,
    );
    expect(net - e.orderDiscount).toBe(toMinor(body.subtotal_price, body.currency));
    expect(net).toBe(38097);
  });

  it("leaves key undefined so the engine's order:<id>:paid applies, and the engine accepts it", () => {
    expect("key" in inputs(paid)[0]).toBe(false);
    expectEngineAccepts(paid);
  });

  it("maps Shopify's raw generic sample (five lines, no allocations)", () => {
    const m = mapShopify("orders/paid", fixture("orders-paid.json"));
    const [e] = inputs(m);
    expect(e).toMatchObject({ orderId: "820982911946154508", customerId: "115310627314723954", occurredAt: "2021-12-31T19:00:00-05:00" });
    expect(e.lines).toStrictEqual([
      {
        lineId: "487817672276298554",
        collectionIds: [],
        quantity: 1,
        unitPrice: 8999,
        discount: 0,
        productId: "788032119674292922",
        sku: "SKU2006-001",
      },
      { lineId: "789012345678901234", collectionIds: [], quantity: 1, unitPrice: 1999, discount: 0, sku: "LENS-PROTECT-2YR" },
      { lineId: "890123456789012345", collectionIds: [], quantity: 1, unitPrice: 2499, discount: 0, sku: "CASE-LEATHER-PREM" },
      {
        lineId: "976318377106520349",
        collectionIds: [],
        quantity: 1,
        unitPrice: 15999,
        discount: 0,
        productId: "788032119674292922",
        sku: "SKU2006-020",
      },
      {
        lineId: "315789986012684393",
        collectionIds: [],
        quantity: 1,
        unitPrice: 11999,
        discount: 0,
        productId: "788032119674292922",
        sku: "SKU2006-035",
      },
    ]);
    expect(e).toMatchObject({ orderDiscount: 0, shipping: 1000, tax: 0 });
    expectEngineAccepts(m);
  });

  it("passes a guest order on with customerId null", () => {
    for (const mutate of [(o: { customer: unknown }) => (o.customer = null), (o: { customer?: unknown }) => delete o.customer]) {
      const m = mapShopify("orders/paid", variant("orders-paid-customer.json", mutate));
      expect(inputs(m)[0].customerId).toBeNull();
      expectEngineAccepts(m);
    }
  });

  it("leaves gift card lines out, and ignores an order of gift cards only", () => {
    const one = mapShopify(
      "orders/paid",
      variant("orders-paid-customer.json", (o) => (o.line_items[0].gift_card = true)),
    );
    expect(inputs(one)[0].lines.map((l: { lineId: string }) => l.lineId)).toEqual(["976318377106520349"]);
    const all = mapShopify(
      "orders/paid",
      variant("orders-paid-customer.json", (o) => {
        for (const li of o.line_items) li.gift_card = true;
      }),
    );
    expect(all).toEqual({ kind: "ignore", reason: expect.stringContaining("no lines that earn") });
  });

  it("falls back to total_discount without allocations, created_at without processed_at, the shipping set without lines", () => {
    const m = mapShopify(
      "orders/paid",
      variant("orders-paid-customer.json", (o) => {
        o.line_items[0].discount_allocations = [];
        o.processed_at = null;
        o.shipping_lines = [];
      }),
    );
    const [e] = inputs(m);
    expect(e.lines[0].discount).toBe(900);
    expect(e.occurredAt).toBe("2024-03-14T10:15:00-04:00");
    expect(e.shipping).toBe(1000);
  });

  it("accepts the GraphQL spelling of the topic", () => {
    expect(mapShopify("ORDERS_PAID", fixture("orders-paid-customer.json"))).toStrictEqual(paid);
  });
});

describe("orders/cancelled", () => {
  it("maps Shopify's sample to order.cancelled at cancelled_at", () => {
    const m = mapShopify("orders/cancelled", fixture("orders-cancelled.json"));
    expect(m).toStrictEqual({
      kind: "apply",
      inputs: [{ type: "order.cancelled", orderId: "820982911946154508", occurredAt: "2021-12-31T19:00:00-05:00" }],
    });
    expectEngineAccepts(m);
  });

  it("refuses a cancellation without cancelled_at", () => {
    expect(() => mapShopify("orders/cancelled", fixture("orders-paid-customer.json"))).toThrow(/cancelled_at: missing/);
  });
});

describe("refunds/create", () => {
  const expected = {
    kind: "apply",
    inputs: [
      {
        type: "refund.created",
        refundId: "890088186047892319",
        orderId: "820982911946154508",
        occurredAt: "2021-12-31T19:00:00-05:00",
        lines: [
          { lineId: "487817672276298554", quantity: 1, amount: 8999 },
          { lineId: "789012345678901234", quantity: 1, amount: 1999 },
          { lineId: "890123456789012345", quantity: 1, amount: 2499 },
          { lineId: "976318377106520349", quantity: 1, amount: 15999 },
          { lineId: "315789986012684393", quantity: 1, amount: 11999 },
        ],
      },
    ],
  };

  it("maps Shopify's sample to refund.created with per-line merchandise amounts", () => {
    const m = mapShopify("refunds/create", fixture("refunds-create.json"));
    expect(m).toStrictEqual(expected);
    expectEngineAccepts(m);
  });

  it("reads the JSON-number subtotal losslessly when subtotal_set is absent", () => {
    const m = mapShopify(
      "refunds/create",
      variant("refunds-create.json", (r) => {
        for (const it of r.refund_line_items) delete it.subtotal_set;
      }),
    );
    expect(m).toStrictEqual(expected);
  });

  it("ignores refunds with no merchandise lines (shipping or adjustments only) and leaves gift cards out", () => {
    const none = mapShopify(
      "refunds/create",
      variant("refunds-create.json", (r) => {
        r.refund_line_items = [];
        r.order_adjustments = [{ id: 1, amount: "-10.00", kind: "shipping_refund", order_id: r.order_id, refund_id: r.id }];
      }),
    );
    expect(none).toEqual({ kind: "ignore", reason: expect.stringContaining("no merchandise") });
    const gift = mapShopify(
      "refunds/create",
      variant("refunds-create.json", (r) => (r.refund_line_items[0].line_item.gift_card = true)),
    );
    expect(inputs(gift)[0].lines).toHaveLength(4);
  });
});

describe("customers/create and customers/update", () => {
  it("maps Shopify's customers/create sample", () => {
    const m = mapShopify("customers/create", fixture("customers-create.json"));
    expect(m).toStrictEqual({
      kind: "apply",
      inputs: [
        {
          type: "customer.created",
          customerId: "706405506930370084",
          occurredAt: "2021-12-31T19:00:00-05:00",
          email: "bob@biller.com",
          firstName: "Bob",
          lastName: "Biller",
        },
      ],
    });
    expectEngineAccepts(m);
  });

  it("maps an update at updated_at, splitting and trimming tags", () => {
    const m = mapShopify("customers/update", fixture("customers-update.json"));
    expect(m).toStrictEqual({
      kind: "apply",
      inputs: [
        {
          type: "customer.updated",
          customerId: "706405506930370084",
          occurredAt: "2024-03-15T08:30:00-04:00",
          email: "robert.biller@example.com",
          firstName: "Robert",
          lastName: "Biller",
          tags: ["vip", "newsletter", "Gold Member"],
        },
      ],
    });
    expectEngineAccepts(m);
  });

  it("maps empty tags to [], a null email to null, and drops an address the engine would refuse", () => {
    const m = mapShopify(
      "customers/update",
      variant("customers-update.json", (c) => {
        c.tags = " , ";
        c.email = null;
        c.first_name = null;
      }),
    );
    expect(inputs(m)[0]).toMatchObject({ tags: [], email: null, firstName: null });
    const odd = mapShopify(
      "customers/update",
      variant("customers-update.json", (c) => (c.email = "not an email")),
    );
    expect("email" in inputs(odd)[0]).toBe(false);
    expectEngineAccepts(odd);
  });

  it("requires updated_at on an update", () => {
    expect(() =>
      mapShopify(
        "customers/update",
        variant("customers-update.json", (c) => delete c.updated_at),
      ),
    ).toThrow(/updated_at: missing/);
  });
});

describe("compliance and lifecycle topics", () => {
  it("customers/data_request → export", () => {
    expect(mapShopify("customers/data_request", fixture("customers-data-request.json"))).toStrictEqual({
      kind: "export",
      customerId: "191167",
      requestRef: "9999",
    });
    const noRef = variant("customers-data-request.json", (b) => delete b.data_request);
    expect(mapShopify("customers/data_request", noRef)).toMatchObject({ requestRef: null });
  });

  it("customers/redact → redact", () => {
    expect(mapShopify("customers/redact", fixture("customers-redact.json"))).toStrictEqual({ kind: "redact", customerId: "191167" });
  });

  it("shop/redact → redactShop, app/uninstalled → uninstalled", () => {
    expect(mapShopify("shop/redact", fixture("shop-redact.json"))).toStrictEqual({ kind: "redactShop" });
    expect(mapShopify("app/uninstalled", '{"id": 548380009, "name": "Super Toys", "domain": "super.myshopify.com"}')).toStrictEqual({
      kind: "uninstalled",
    });
  });

  it("app/scopes_update → scopes: what the shop grants now, as of updated_at", () => {
    const body =
      '{"id": 820982911946154508, "shop_id": 548380009, "previous": ["read_orders", "read_customers"], "current": ["read_orders"], "updated_at": "2026-12-01T10:00:00-05:00"}';
    expect(mapShopify("app/scopes_update", body)).toStrictEqual({
      kind: "scopes",
      granted: ["read_orders"],
      at: "2026-12-01T10:00:00-05:00",
    });
    expect(mapShopify("APP_SCOPES_UPDATE", body)).toMatchObject({ kind: "scopes" });
    expect(mapShopify("app/scopes_update", '{"current": [], "updated_at": "2026-12-01T15:00:00Z"}')).toStrictEqual({
      kind: "scopes",
      granted: [],
      at: "2026-12-01T15:00:00Z",
    });
  });

  it.each([
    ["no current", '{"previous": [], "updated_at": "2026-12-01T15:00:00Z"}', /current: /],
    ["current as one string", '{"current": "read_orders", "updated_at": "2026-12-01T15:00:00Z"}', /current: /],
    [
      "a scope that is not one",
      '{"current": ["read orders"], "updated_at": "2026-12-01T15:00:00Z"}',
      /current\.0: expected an access scope/,
    ],
    ["no updated_at", '{"current": ["read_orders"]}', /updated_at: /],
    [
      "an updated_at without its zone",
      '{"current": ["read_orders"], "updated_at": "2026-12-01T15:00:00"}',
      /updated_at: expected an ISO 8601/,
    ],
  ])("app/scopes_update with %s is a MappingError naming the field", (_name, body, message) => {
    expect(() => mapShopify("app/scopes_update", body)).toThrow(MappingError);
    expect(() => mapShopify("app/scopes_update", body)).toThrow(message);
  });

  it("a compliance body without its customer is an error", () => {
    expect(() => mapShopify("customers/redact", '{"shop_id": 954889}')).toThrow(/customer/);
  });
});

describe("unknown topics and malformed payloads", () => {
  it("ignores topics Kinship does not use", () => {
    expect(mapShopify("inventory_levels/update", "{}")).toEqual({
      kind: "ignore",
      reason: expect.stringContaining("inventory_levels/update"),
    });
  });

  it.each([
    ["orders/paid", "", /malformed JSON/],
    ["orders/paid", "{", /malformed JSON/],
    ["orders/paid", '{"id": 1, "id": 2}', /malformed JSON.*Duplicate key/],
    ["orders/paid", "null", /shopify orders\/paid: \(root\)/],
    ["refunds/create", "[]", /\(root\)/],
    ["customers/create", '{"id": 1', /malformed JSON/],
    ["shop/redact", "not json", /malformed JSON/],
    ["app/uninstalled", "42", /\(root\)/],
  ])("%s %j → MappingError", (topic, body, message) => {
    expect(() => mapShopify(topic, body)).toThrow(MappingError);
    expect(() => mapShopify(topic, body)).toThrow(message);
  });

  it.each<[string, (o: Body) => void, RegExp]>([
    ["no id", (o) => delete o.id, /\bid: expected an id/],
    ["a boolean id", (o) => (o.id = true), /\bid: expected an id.*boolean/],
    ["a negative id", (o) => (o.id = -5), /\bid: expected an id/],
    ["no currency", (o) => delete o.currency, /currency/],
    ["no line_items", (o) => delete o.line_items, /line_items/],
    ["a garbage price", (o) => (o.line_items[1].price = "1,99"), /line_items\.1\.price: "1,99" is not a decimal/],
    ["a price with too many decimals", (o) => (o.line_items[0].price = "89.995"), /line_items\.0\.price: .*more than 2 decimals/],
    ["a fractional quantity", (o) => (o.line_items[0].quantity = 1.5), /line_items\.0\.quantity: expected a non-negative integer/],
    [
      "a negative allocation",
      (o) => (o.line_items[0].discount_allocations[0].amount = "-9.00"),
      /discount_allocations\.0\.amount: .*negative/,
    ],
    [
      "no processed_at nor created_at",
      (o) => {
        o.processed_at = null;
        o.created_at = null;
      },
      /processed_at: missing/,
    ],
    ["a date without offset", (o) => (o.processed_at = "2024-03-14T10:15:07"), /processed_at: expected an ISO 8601/],
  ])("orders/paid with %s → MappingError naming the field", (_, mutate, message) => {
    const body = variant("orders-paid-customer.json", mutate);
    expect(() => mapShopify("orders/paid", body)).toThrow(MappingError);
    expect(() => mapShopify("orders/paid", body)).toThrow(message);
  });

  it("refunds/create with a bad line amount names the line", () => {
    const body = variant("refunds-create.json", (r) => (r.refund_line_items[2].subtotal_set.shop_money.amount = "abc"));
    expect(() => mapShopify("refunds/create", body)).toThrow(/refund_line_items\.2\.subtotal_set\.shop_money\.amount/);
  });
});
