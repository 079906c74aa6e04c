import { describe, expect, it } from "vitest";
import { merchandiseOf, returnedLines } from "../src/lib/returned-lines";

const lines = [
  { id: "ordli_tee", quantity: 3, unit_price: 20, adjustments: [{ amount: 6 }] }, // 60.00 − 6.00 = 54.00 for 3
  { id: "ordli_cap", quantity: 1, unit_price: 12.5, adjustments: [] },
];

describe("what a received return gives back", () => {
  it("is each returned line's price after its discounts, for the quantity received", () => {
    expect(returnedLines(lines, [{ item_id: "ordli_tee", quantity: 2, received_quantity: 1 }], "usd")).toEqual([
      { itemId: "ordli_tee", quantity: 1, amount: 1800 },
    ]);
    expect(
      returnedLines(
        lines,
        [
          { item_id: "ordli_tee", quantity: 3 },
          { item_id: "ordli_cap", quantity: 1 },
        ],
        "usd",
      ),
    ).toEqual([
      { itemId: "ordli_tee", quantity: 3, amount: 5400 },
      { itemId: "ordli_cap", quantity: 1, amount: 1250 },
    ]);
    expect(returnedLines(lines, [{ item_id: "ordli_cap", quantity: 1, received_quantity: 0 }], "usd")).toEqual([]);
  });

  it("reads quantities as Medusa's Query gives them: a line's raw_quantity (a BigNumber's raw form), the return's numbers", () => {
    const line = {
      id: "ordli_tee",
      raw_quantity: { value: "3", precision: 20 },
      unit_price: 20,
      adjustments: [{ amount: { value: "6" } }],
    };
    const asQueried = [line];
    expect(returnedLines(asQueried, [{ item_id: "ordli_tee", quantity: 1, received_quantity: { value: "1" } }], "usd")).toEqual([
      { itemId: "ordli_tee", quantity: 1, amount: 1800 },
    ]);
    // Once the order has changed, only the order item (`detail`) carries the quantity.
    expect(
      returnedLines(
        [{ id: "ordli_tee", unit_price: 20, detail: { raw_quantity: { value: "2" } } }],
        [{ item_id: "ordli_tee", quantity: 1 }],
        "usd",
      ),
    ).toEqual([{ itemId: "ordli_tee", quantity: 1, amount: 2000 }]);
    expect(() => returnedLines([{ id: "ordli_tee", unit_price: 20 }], [{ item_id: "ordli_tee", quantity: 1 }], "usd")).toThrow(
      /1 of undefined is not a returnable quantity/,
    );
    expect(() => returnedLines([{ ...line, raw_quantity: "2.5" }], [{ item_id: "ordli_tee", quantity: 1 }], "usd")).toThrow(
      /not a returnable quantity/,
    );
  });

  it("refuses lines the order does not have and quantities it did not order", () => {
    expect(() => returnedLines(lines, [{ item_id: "ordli_other", quantity: 1 }], "usd")).toThrow(/not a line of the order/);
    expect(() => returnedLines(lines, [{ item_id: "ordli_cap", quantity: 2 }], "usd")).toThrow(/2 of 1 is not a returnable quantity/);
  });
});

describe("what an order's merchandise came to when it was placed", () => {
  it("is every line's price after its discounts for the quantity ordered, returns or not; gift cards earn nothing", () => {
    expect(merchandiseOf(lines, "usd")).toBe(5400 + 1250);
    const afterAReturn = [
      { id: "ordli_tee", unit_price: 100, detail: { raw_quantity: { value: "2" } } },
      { id: "ordli_card", unit_price: 50, quantity: 1, is_giftcard: true },
    ];
    expect(merchandiseOf(afterAReturn, "usd")).toBe(20000);
    expect(() => merchandiseOf([{ id: "ordli_x", unit_price: 1 }], "usd")).toThrow(/ordli_x: undefined is not a quantity/);
  });
});
