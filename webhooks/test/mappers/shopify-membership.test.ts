import { parseEvent } from "@kinship/engine";
import { LosslessNumber } from "lossless-json";
import { describe, expect, it } from "vitest";
import { mapShopify } from "../../src/mappers/index.ts";
import { MEMBER_PRICE_TITLE } from "../../src/mappers/shopify.ts";
import { type Body, variant } from "./fixtures.ts";

function order(mutate: (o: Body) => void): Body {
  const m = mapShopify("orders/paid", variant("orders-paid-customer.json", mutate));
  if (m.kind !== "apply") throw new Error(`expected apply, got ${JSON.stringify(m)}`);
  const parsed = parseEvent(m.inputs[0]);
  expect(parsed.ok ? "ok" : parsed.error.message).toBe("ok");
  return m.inputs[0];
}

/** The sample order with Kinship's member-price discount as a third application, allocated 12.34 on the first line. */
function withMemberPrice(o: Body, application: Record<string, unknown>): void {
  o.discount_applications.push({ target_type: "line_item", type: "automatic", value: "12.34", value_type: "fixed_amount", ...application });
  o.line_items[0].discount_allocations.push({ amount: "12.34", discount_application_index: 2 });
}

describe("orders/paid: what paid membership reads", () => {
  it("memberSaving is the part of a line's discount that Kinship's member-price discount allocated", () => {
    const e = order((o) => withMemberPrice(o, { title: MEMBER_PRICE_TITLE }));
    expect(e.lines[0].discount).toBe(1304 + 1234);
    expect(e.lines[0].memberSaving).toBe(1234);
    expect(e.lines[1].memberSaving).toBeUndefined();
  });

  it("recognises the Discount Function's '<tier> member price' message, and no other automatic or manual discount", () => {
    expect(order((o) => withMemberPrice(o, { title: "Gold member price" })).lines[0].memberSaving).toBe(1234);
    expect(order((o) => withMemberPrice(o, { title: "Summer sale" })).lines[0].memberSaving).toBeUndefined();
    expect(order((o) => withMemberPrice(o, { title: MEMBER_PRICE_TITLE, type: "manual" })).lines[0].memberSaving).toBeUndefined();
  });

  it("sellingPlanId is the line's selling_plan_id (64-bit ids exact), absent when null", () => {
    const e = order((o) => {
      o.line_items[0].selling_plan_id = new LosslessNumber("690933227794411");
      o.line_items[1].selling_plan_id = null;
    });
    expect(e.lines[0].sellingPlanId).toBe("690933227794411");
    expect(e.lines[1].sellingPlanId).toBeUndefined();
  });

  it("shippingDiscount is the sum of the shipping lines' discount allocations, at most the shipping", () => {
    const e = order((o) => {
      o.shipping_lines[0].discount_allocations = [{ amount: "6.00", discount_application_index: 0 }, { amount: "4.00" }];
    });
    expect(e.shipping).toBe(1000);
    expect(e.shippingDiscount).toBe(1000);
    expect(order(() => {}).shippingDiscount).toBeUndefined();
  });
});
