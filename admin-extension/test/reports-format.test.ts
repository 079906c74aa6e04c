import { describe, expect, it } from "vitest";
import { rollForwardCsv } from "../shared/finance.ts";
import { firstSegmentWithMembers, rfmText, segmentByTier } from "../shared/insight.ts";
import { formatLong, formatLongMoney, longToDecimal, toBigInt } from "../shared/long.ts";

const zero = { opening: "0", issued: "0", redeemed: "0", expired: "0", reversed: "0", adjusted: "0", other: "0", closing: "0" };

describe("Long figures (decimal strings) in the admin", () => {
  it("formats and converts past 2^53 exactly, negatives, and currencies with 0 or 3 decimals", () => {
    expect(formatLong("9007199254740993", "en-US")).toBe("9,007,199,254,740,993");
    expect(longToDecimal("-150", "USD")).toBe("-1.50");
    expect(longToDecimal("5", "USD")).toBe("0.05");
    expect(longToDecimal("500", "JPY")).toBe("500");
    expect(longToDecimal("1234", "KWD")).toBe("1.234");
    expect(formatLongMoney("900719925474099312", "USD", "en-US")).toBe("$9,007,199,254,740,993.12");
    expect(() => toBigInt("1.5")).toThrow("not an integer: 1.5");
    expect(() => toBigInt("12abc")).toThrow("not an integer: 12abc");
  });

  it("the roll-forward CSV: a row per day then the total, points then money, exact, with a reconciled column", () => {
    const day = (period: string, issued: string, closing: string, reconciled = true) => ({
      period,
      ...zero,
      issued,
      closing,
      reconciled,
      money: { currency: "USD", ...zero, issued: issued === "0" ? "0" : `${issued}0`, closing: `${closing}0` },
    });
    const csv = rollForwardCsv({
      currency: "USD",
      days: [day("2026-05-01", "9007199254740993", "9007199254740993"), day("2026-05-02", "0", "9007199254740993", false)],
      total: day("2026-05", "9007199254740993", "9007199254740993", false),
    });
    expect(csv.split("\r\n")).toEqual([
      "period,opening_points,issued_points,redeemed_points,expired_points,reversed_points,adjusted_points,other_points,closing_points,opening_usd,issued_usd,redeemed_usd,expired_usd,reversed_usd,adjusted_usd,other_usd,closing_usd,reconciled",
      "2026-05-01,0,9007199254740993,0,0,0,0,0,9007199254740993,0.00,900719925474099.30,0.00,0.00,0.00,0.00,0.00,900719925474099.30,yes",
      "2026-05-02,0,0,0,0,0,0,0,9007199254740993,0.00,0.00,0.00,0.00,0.00,0.00,0.00,900719925474099.30,no",
      "2026-05 total,0,9007199254740993,0,0,0,0,0,9007199254740993,0.00,900719925474099.30,0.00,0.00,0.00,0.00,0.00,900719925474099.30,no",
      "",
    ]);
  });
});

describe("insight helpers", () => {
  it("segment × tier: the program's tiers in order, a tier the program no longer has after them, zeros filled in", () => {
    const rows = segmentByTier(
      [
        { tier: "gold", segment: "CHAMPIONS", members: 2 },
        { tier: "old", segment: "LAPSED", members: 1 },
      ],
      [
        { key: "member", name: "Member" },
        { key: "gold", name: "Gold" },
      ],
    );
    expect(rows.map((r) => [r.name, r.counts.CHAMPIONS, r.counts.LAPSED, r.total])).toEqual([
      ["Member", 0, 0, 0],
      ["Gold", 2, 0, 2],
      ["old", 0, 1, 1],
    ]);
  });

  it("the list opens on the best segment with members; scores read R · F · M, or no orders", () => {
    expect(firstSegmentWithMembers(undefined)).toBe("CHAMPIONS");
    expect(
      firstSegmentWithMembers([
        { segment: "LAPSED", members: 3, sales: "0" },
        { segment: "LOYAL", members: 0, sales: "0" },
      ]),
    ).toBe("LAPSED");
    expect(rfmText({ recency: 5, frequency: 3, monetary: 1 })).toBe("R 5 · F 3 · M 1");
    expect(rfmText({ recency: null, frequency: null, monetary: null })).toBe("No orders");
  });
});
