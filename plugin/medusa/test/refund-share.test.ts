import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { merchandiseShare } from "../src/lib/refund-share";

describe("the merchandise share of a payment refund", () => {
  it("is the refund's share of the order total, applied to the merchandise", () => {
    expect(merchandiseShare(5500, 11000, 10000)).toBe(5000); // 55.00 of 110.00 (10.00 shipping): half the merchandise
    expect(merchandiseShare(11000, 11000, 10000)).toBe(10000);
    expect(merchandiseShare(1, 3, 1)).toBe(0); // 0.33… rounds to 0
    expect(merchandiseShare(2, 3, 1)).toBe(1); // 0.66… rounds to 1
    expect(merchandiseShare(0, 11000, 10000)).toBe(0);
    expect(merchandiseShare(500, 0, 0)).toBe(0);
  });

  it("never exceeds the merchandise, grows with the refund, and a refund of everything is all of it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 20_000_000 }),
        (total, merch, a) => {
          const merchandise = Math.min(merch, total);
          const small = merchandiseShare(Math.min(a, total), total, merchandise);
          const big = merchandiseShare(Math.min(a + 1, total), total, merchandise);
          expect(small).toBeGreaterThanOrEqual(0);
          expect(small).toBeLessThanOrEqual(merchandise);
          expect(big).toBeGreaterThanOrEqual(small);
          expect(merchandiseShare(total, total, merchandise)).toBe(merchandise);
        },
      ),
    );
  });

  it("refuses amounts that are not integer minor units", () => {
    expect(() => merchandiseShare(55.5, 110, 100)).toThrow(/refund must be a non-negative integer/);
    expect(() => merchandiseShare(5, -1, 100)).toThrow(/orderTotal/);
  });
});
