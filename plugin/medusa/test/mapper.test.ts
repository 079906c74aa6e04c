import { parseEvent } from "@kinship/engine";
import { type Mapped, MappingError } from "@kinship/webhooks/mappers";
import { describe, expect, it } from "vitest";
import { type MedusaOrder, mapMedusa, mapMedusaCancel, mapMedusaCustomer, mapMedusaOrder, mapMedusaRefund } from "../src/lib/mapper";

/** A record the tests break on purpose. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into arbitrary record fields
type Body = any;

function expectEngineAccepts(m: Mapped): void {
  if (m.kind !== "apply") throw new Error(`expected apply, got ${JSON.stringify(m)}`);
  for (const input of m.inputs) {
    const r = parseEvent(input);
    expect(r.ok ? "ok" : r.error.message).toBe("ok");
  }
}

/** A BigNumber instance as @medusajs/utils builds it: the value lives behind getters. */
class FakeBigNumber {
  readonly #v: string;
  constructor(v: string) {
    this.#v = v;
  }
  get numeric(): number {
    return Number(this.#v);
  }
  get raw(): { value: string; precision: number } {
    return { value: this.#v, precision: 20 };
  }
  /** Like Medusa's BigNumber: a number in JSON (the plugin stores records as JSON). */
  toJSON(): number {
    return Number(this.#v);
  }
}

// An order as `query.graph` returns it with items.*, items.adjustments.*, items.variant.product.*
const order = (): MedusaOrder => ({
  id: "order_01JABCDEF",
  customer_id: "cus_01JXYZ",
  currency_code: "usd",
  created_at: new Date("2024-05-01T09:30:00.000Z"),
  items: [
    {
      id: "ordli_01A",
      product_id: "prod_01A",
      variant_id: "variant_01A",
      variant_sku: "TEE-BLK-M",
      quantity: 2,
      unit_price: 25,
      raw_unit_price: { value: "24.99", precision: 20 }, // raw wins over the number
      adjustments: [{ amount: 3.3333333333333335 }, { amount: "1.5" }],
      variant: { product: { collection_id: "pcol_01SUMMER" } },
    },
    {
      id: "ordli_01B",
      product_id: "prod_01B",
      quantity: { value: "1" },
      unit_price: new FakeBigNumber("12.5"),
      discount_total: 0,
    },
    {
      id: "ordli_01GIFT",
      product_id: "prod_gift",
      quantity: 1,
      unit_price: 50,
      variant: { product: { is_giftcard: true } },
    },
  ],
  shipping_subtotal: 4.95,
  shipping_total: 5.94,
  tax_total: "11.20",
});

describe("mapMedusaOrder", () => {
  it("maps an order with number, string, {value} and BigNumber amounts in major units", () => {
    const m = mapMedusaOrder(order());
    expect(m).toStrictEqual({
      kind: "apply",
      inputs: [
        {
          type: "order.paid",
          orderId: "order_01JABCDEF",
          customerId: "cus_01JXYZ",
          occurredAt: "2024-05-01T09:30:00.000Z",
          currency: "USD",
          lines: [
            {
              lineId: "ordli_01A",
              collectionIds: ["pcol_01SUMMER"],
              quantity: 2,
              unitPrice: 2499,
              discount: 333 + 150, // promotion splits carry extra precision: rounded half-up per adjustment
              productId: "prod_01A",
              variantId: "variant_01A",
              sku: "TEE-BLK-M",
            },
            { lineId: "ordli_01B", collectionIds: [], quantity: 1, unitPrice: 1250, discount: 0, productId: "prod_01B" },
          ],
          orderDiscount: 0,
          shipping: 495,
          tax: 1120,
        },
      ],
    });
    expectEngineAccepts(m);
  });

  it("uses discount_total when adjustments were not loaded, and the currency's exponent", () => {
    const m = mapMedusaOrder({
      id: "order_jp",
      customer_id: null,
      currency_code: "jpy",
      created_at: "2024-05-01T18:30:00+09:00",
      items: [{ id: "ordli_jp", quantity: 3, unit_price: 1500, discount_total: { value: "450" } }],
    });
    expect(m).toMatchObject({
      inputs: [
        {
          customerId: null,
          currency: "JPY",
          occurredAt: "2024-05-01T18:30:00+09:00",
          lines: [{ unitPrice: 1500, quantity: 3, discount: 450 }],
          shipping: 0,
          tax: 0,
        },
      ],
    });
    expectEngineAccepts(m);
  });

  it("ignores an order of gift cards only", () => {
    const o = order();
    o.items = o.items.slice(2);
    expect(mapMedusaOrder(o)).toEqual({ kind: "ignore", reason: expect.stringContaining("no lines that earn") });
  });

  it.each<[string, (o: Body) => void, RegExp]>([
    ["no id", (o) => delete o.id, /medusa order: id: /],
    ["a numeric customer id", (o) => (o.customer_id = 42), /customer_id: .*ids must be JSON strings/],
    ["a bad currency", (o) => (o.currency_code = "dollars"), /currency_code/],
    ["a garbage price", (o) => (o.items[1].unit_price = "twelve"), /items\.1\.unit_price: "twelve" is not a decimal/],
    ["a negative price", (o) => (o.items[1].unit_price = -1), /items\.1\.unit_price: .*negative/],
    ["a fractional quantity", (o) => (o.items[0].quantity = 1.5), /items\.0\.quantity: expected a whole quantity/],
    ["a date without offset", (o) => (o.created_at = "2024-05-01 09:30"), /created_at: expected a Date or an ISO 8601/],
    ["an invalid Date", (o) => (o.created_at = new Date("nope")), /created_at/],
    ["an amount object without value", (o) => (o.tax_total = { amount: 3 }), /tax_total: expected an amount/],
  ])("%s → MappingError", (_, mutate, message) => {
    const o = order() as unknown as Body;
    mutate(o);
    expect(() => mapMedusaOrder(o)).toThrow(MappingError);
    expect(() => mapMedusaOrder(o)).toThrow(message);
  });
});

describe("mapMedusaCancel", () => {
  it("maps to order.cancelled at canceled_at, else updated_at", () => {
    const m = mapMedusaCancel({ id: "order_01JABCDEF", canceled_at: new Date("2024-05-02T10:00:00Z"), updated_at: "2024-05-03T10:00:00Z" });
    expect(m).toStrictEqual({
      kind: "apply",
      inputs: [{ type: "order.cancelled", orderId: "order_01JABCDEF", occurredAt: "2024-05-02T10:00:00.000Z" }],
    });
    expectEngineAccepts(m);
    expect(mapMedusaCancel({ id: "o", updated_at: "2024-05-03T10:00:00Z" })).toMatchObject({
      inputs: [{ occurredAt: "2024-05-03T10:00:00Z" }],
    });
    expect(() => mapMedusaCancel({ id: "o" })).toThrow(/canceled_at: missing/);
  });
});

describe("mapMedusaRefund", () => {
  it("maps a received return's lines (major units) to refund.created keyed by the return id", () => {
    const m = mapMedusaRefund({
      order_id: "order_01JABCDEF",
      return_id: "ret_01R",
      currency_code: "usd",
      occurred_at: "2024-05-10T08:00:00Z",
      items: [{ item_id: "ordli_01A", quantity: 1, amount: { value: "22.5835" } }],
    });
    expect(m).toStrictEqual({
      kind: "apply",
      inputs: [
        {
          type: "refund.created",
          refundId: "ret_01R",
          orderId: "order_01JABCDEF",
          occurredAt: "2024-05-10T08:00:00Z",
          lines: [{ lineId: "ordli_01A", quantity: 1, amount: 2258 }],
          amount: 0,
        },
      ],
    });
    expectEngineAccepts(m);
  });

  it("maps an amount-only refund, ignores an empty one, and wants exactly one id", () => {
    const base = { order_id: "order_1", currency_code: "eur", occurred_at: new Date("2024-05-10T08:00:00Z") };
    const m = mapMedusaRefund({ ...base, refund_id: "ref_01", amount: 10 });
    expect(m).toMatchObject({ inputs: [{ refundId: "ref_01", lines: [], amount: 1000, occurredAt: "2024-05-10T08:00:00.000Z" }] });
    expectEngineAccepts(m);
    expect(mapMedusaRefund({ ...base, refund_id: "ref_02", amount: 0 })).toMatchObject({ kind: "ignore" });
    expect(() => mapMedusaRefund({ ...base, refund_id: "ref_03", return_id: "ret_03", amount: 1 })).toThrow(/not both/);
    expect(() => mapMedusaRefund({ ...base, amount: 1 })).toThrow(/refund_id: missing/);
  });
});

describe("mapMedusaCustomer", () => {
  const customer = {
    id: "cus_01JXYZ",
    email: "ada@example.com",
    first_name: "Ada",
    last_name: "Lovelace",
    created_at: new Date("2024-04-01T00:00:00Z"),
    updated_at: "2024-04-02T12:00:00+02:00",
  };

  it("maps created and updated customers at the matching timestamp", () => {
    const created = mapMedusaCustomer(customer, true);
    expect(created).toStrictEqual({
      kind: "apply",
      inputs: [
        {
          type: "customer.created",
          customerId: "cus_01JXYZ",
          occurredAt: "2024-04-01T00:00:00.000Z",
          email: "ada@example.com",
          firstName: "Ada",
          lastName: "Lovelace",
        },
      ],
    });
    expectEngineAccepts(created);
    const updated = mapMedusaCustomer({ ...customer, last_name: null }, false);
    expect(updated).toMatchObject({ inputs: [{ type: "customer.updated", occurredAt: "2024-04-02T12:00:00+02:00", lastName: null }] });
    expectEngineAccepts(updated);
  });

  it("refuses a customer without an id", () => {
    expect(() => mapMedusaCustomer({ ...customer, id: undefined }, true)).toThrow(/medusa customer: id/);
  });
});

describe("mapMedusa (the plugin's inbox rows)", () => {
  it("maps each topic the plugin stores with the mapper for its record", () => {
    expect(mapMedusa("order.placed", JSON.stringify(order()))).toEqual(mapMedusaOrder(JSON.parse(JSON.stringify(order()))));
    expect(mapMedusa("order.completed", JSON.stringify(order()))).toMatchObject({
      kind: "apply",
      inputs: [{ type: "order.paid", orderId: "order_01JABCDEF" }],
    });
    expect(mapMedusa("order.canceled", JSON.stringify({ id: "order_1", canceled_at: "2024-04-03T00:00:00Z" }))).toMatchObject({
      inputs: [{ type: "order.cancelled", orderId: "order_1" }],
    });
    const refund = { order_id: "order_1", refund_id: "ref_1", currency_code: "usd", occurred_at: "2024-04-03T00:00:00Z", amount: 50 };
    expect(mapMedusa("refund", JSON.stringify(refund))).toMatchObject({
      inputs: [{ type: "refund.created", refundId: "ref_1", amount: 5000 }],
    });
    const customer = { id: "cus_1", email: "a@example.com", created_at: "2024-04-01T00:00:00Z", updated_at: "2024-04-02T00:00:00Z" };
    expect(mapMedusa("customer.created", JSON.stringify(customer))).toMatchObject({
      inputs: [{ type: "customer.created", customerId: "cus_1" }],
    });
    expect(mapMedusa("customer.updated", JSON.stringify(customer))).toMatchObject({
      inputs: [{ type: "customer.updated", occurredAt: "2024-04-02T00:00:00Z" }],
    });
    expect(mapMedusa("customer.deleted", JSON.stringify({ id: "cus_1" }))).toEqual({ kind: "redact", customerId: "cus_1" });
    expect(() => mapMedusa("customer.deleted", JSON.stringify({}))).toThrow(MappingError);
  });

  it("ignores a topic it does not use and refuses a record that is not JSON", () => {
    expect(mapMedusa("product.updated", "{}")).toEqual({ kind: "ignore", reason: "medusa topic product.updated is not one Kinship uses" });
    expect(() => mapMedusa("order.placed", "{not json")).toThrow(MappingError);
  });
});

describe("Medusa orders: member savings, shipping discount, contact and referral", () => {
  it("reads them from the order and the metadata the cart passed on", () => {
    const o: Body = {
      ...order(),
      items: [{ id: "ordli_1", quantity: 3, unit_price: "18", compare_at_unit_price: new FakeBigNumber("20"), variant_id: "variant_1" }],
      shipping_discount_total: "4.99",
      email: " Ada.Lovelace+shop@Example.com ",
      shipping_address: { address_1: " 1 Main St ", city: "Springfield", postal_code: "12345", country_code: "us", phone: "+1 555 0100" },
      metadata: { kinship_ref: "abc123", kinship_device: "dev-9", other: 1 },
    };
    const m = mapMedusaOrder(o);
    expectEngineAccepts(m);
    expect(m.kind === "apply" && m.inputs[0]).toMatchObject({
      lines: [{ lineId: "ordli_1", unitPrice: 1800, memberSaving: 600 }],
      shippingDiscount: 499,
      contact: {
        email: "Ada.Lovelace+shop@Example.com",
        phone: "+1 555 0100",
        shippingAddress: { line1: "1 Main St", city: "Springfield", postalCode: "12345", country: "US" },
      },
      referral: { code: "abc123", deviceId: "dev-9" },
    });
  });

  it("leaves them out when the order has none (no compare-at price, nothing off shipping, no ref)", () => {
    const m = mapMedusaOrder({ ...order(), shipping_discount_total: 0, metadata: { kinship_ref: "  " }, shipping_address: null });
    const e = m.kind === "apply" ? (m.inputs[0] as Body) : null;
    expect(e.shippingDiscount).toBeUndefined();
    expect(e.referral).toBeUndefined();
    expect(e.contact).toBeUndefined();
    expect(e.lines.every((l: Body) => l.memberSaving === undefined)).toBe(true);
  });

  it("maps a stored custom event as the server's intake does, and refuses a bad one", () => {
    const body = { id: "rev_1", name: "review.created", customerId: "cus_1", occurredAt: "2026-11-23T10:00:00Z", payload: { stars: 5 } };
    const m = mapMedusa("custom", JSON.stringify(body));
    expectEngineAccepts(m);
    expect(m.kind === "apply" && m.inputs[0]).toMatchObject({ type: "custom", key: "rev_1", name: "review.created", customerId: "cus_1" });
    expect(() => mapMedusa("custom", JSON.stringify({ ...body, customerId: 7 }))).toThrow(MappingError);
  });
});
