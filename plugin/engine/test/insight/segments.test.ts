import { describe, expect, it } from "vitest";
import { insightDue, lastTwelveMonths, quintiles, type RfmFacts, segmentOf } from "../../src/core/index.ts";

const NOW = new Date("2026-06-01T00:00:00Z");
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const facts = (over: Partial<RfmFacts>): RfmFacts => ({
  recency: 3,
  frequency: 3,
  monetary: 3,
  orders: 3,
  firstOrderAt: ago(200),
  lastOrderAt: ago(60),
  joinedAt: ago(200),
  ...over,
});

describe("segment rules (core)", () => {
  it("takes the first rule that holds", () => {
    const cases: [Partial<RfmFacts>, string][] = [
      [{ recency: 5, frequency: 5, monetary: 5, firstOrderAt: ago(10) }, "new"],
      [{ recency: null, frequency: null, monetary: null, orders: 0, firstOrderAt: null, lastOrderAt: null, joinedAt: ago(29) }, "new"],
      [{ orders: 1, firstOrderAt: ago(40), lastOrderAt: ago(40), joinedAt: ago(20) }, "new"],
      [{ orders: 2, firstOrderAt: ago(40), joinedAt: ago(20) }, "regular"],
      [{ recency: 2, frequency: 5, monetary: 5, lastOrderAt: ago(366) }, "lapsed"],
      [{ recency: 5, frequency: 4, monetary: 4 }, "champions"],
      [{ recency: 2, frequency: 5, monetary: 1 }, "at_risk"],
      [{ recency: 1, frequency: 1, monetary: 3 }, "at_risk"],
      [{ recency: 3, frequency: 4, monetary: 1 }, "loyal"],
      [{ recency: 5, frequency: 5, monetary: 3 }, "loyal"],
      [{ recency: 1, frequency: 2, monetary: 2 }, "lapsed"],
      [{ recency: 2, frequency: 2, monetary: 2 }, "regular"],
      [{ recency: null, frequency: null, monetary: null, orders: 0, firstOrderAt: null, lastOrderAt: null, joinedAt: ago(400) }, "regular"],
    ];
    expect(cases.map(([f]) => segmentOf(facts(f), NOW))).toEqual(cases.map(([, s]) => s));
  });

  it("quintiles: ntile(5) over distinct values; equal values share the lowest score of their run", () => {
    expect(quintiles([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(quintiles([1, 1, 1, 2, 3, 4, 5, 6, 7, 8])).toEqual([1, 1, 1, 2, 3, 3, 4, 4, 5, 5]);
    expect(quintiles([7])).toEqual([1]);
    expect(quintiles([3, 3, 3])).toEqual([1, 1, 1]);
  });

  it("is due once per day in the program's zone", () => {
    const tokyoEvening = new Date("2026-06-01T14:59:00Z");
    expect(insightDue(null, NOW, "Asia/Tokyo")).toBe(true);
    expect(insightDue(new Date("2026-06-01T00:00:00Z"), tokyoEvening, "Asia/Tokyo")).toBe(false);
    expect(insightDue(tokyoEvening, new Date("2026-06-01T15:00:00Z"), "Asia/Tokyo")).toBe(true);
    expect(insightDue(tokyoEvening, new Date("2026-06-01T15:00:00Z"), "UTC")).toBe(false);
  });

  it("defaults the views to twelve months: from the start of the month eleven months back, in the zone", () => {
    expect(lastTwelveMonths(new Date("2026-06-01T03:00:00Z"), "Asia/Tokyo").from).toEqual(new Date("2025-06-30T15:00:00Z"));
  });
});
