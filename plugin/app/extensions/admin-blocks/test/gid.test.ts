import { mapShopify } from "@kinship/webhooks";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixture } from "../../../test/support.ts";
import { idOfGid } from "../src/data/gid.ts";
import { truncate } from "../src/data/text.ts";

const MAX_U64 = 2n ** 64n - 1n;
const u64 = fc.bigInt({ min: 1n, max: MAX_U64 });

describe("idOfGid", () => {
  it("keeps every digit of a 64-bit id (never through Number)", () => {
    fc.assert(
      fc.property(u64, (n) => {
        const id = idOfGid(`gid://shopify/Customer/${n}`, "Customer");
        expect(id).toBe(n.toString());
        expect(BigInt(id)).toBe(n);
        expect(idOfGid(`gid://shopify/Order/${n}`, "Order")).toBe(n.toString());
      }),
    );
  });

  it("gives the id the Shopify webhook mapper stores for the same customer and order", () => {
    const body = fixture("orders-paid-customer.json");
    fc.assert(
      fc.property(u64, u64, (customer, order) => {
        // Shopify sends ids as bare JSON numbers; the mapper keeps their exact text.
        const raw = body.replace("115310627314723954", customer.toString()).replace('"id": 820982911946154508', `"id": ${order}`);
        const mapped = mapShopify("orders/paid", raw);
        if (mapped.kind !== "apply") throw new Error(`expected apply, got ${mapped.kind}`);
        const paid = mapped.inputs[0] as { orderId: string; customerId: string | null };
        expect(idOfGid(`gid://shopify/Customer/${customer}`, "Customer")).toBe(paid.customerId);
        expect(idOfGid(`gid://shopify/Order/${order}`, "Order")).toBe(paid.orderId);
      }),
      { numRuns: 50 },
    );
  });

  it("refuses another resource's id, a malformed id and a missing one", () => {
    const bad = [
      ["gid://shopify/Order/123", "Customer"],
      ["gid://shopify/Customer/0123", "Customer"],
      ["gid://shopify/Customer/12.5", "Customer"],
      ["gid://shopify/Customer/", "Customer"],
      ["gid://shopify/Customer/123456789012345678901", "Customer"],
      ["123", "Order"],
      [undefined, "Order"],
      [123, "Order"],
    ] as const;
    for (const [gid, type] of bad) expect(() => idOfGid(gid, type), String(gid)).toThrow(`expected a ${type} id`);
  });
});

describe("truncate", () => {
  it("cuts long text to the limit with an ellipsis and leaves short text alone", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 120 }), fc.integer({ min: 2, max: 60 }), (text, max) => {
        const out = truncate(text, max);
        const length = [...text].length;
        if (length <= max) expect(out).toBe(text);
        else {
          expect([...out].length).toBeLessThanOrEqual(max);
          expect(out.endsWith("…")).toBe(true);
          expect(text.startsWith(out.slice(0, -1))).toBe(true);
        }
      }),
    );
  });
});
