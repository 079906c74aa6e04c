import { describe, expect, it } from "vitest";
import type { EarnRule } from "../shared/program-config.ts";
import { formatScheduleDate, parseDaysOfMonth, parseScheduleDate, schedulePatch } from "../shared/schedule.ts";
import { buildTrialOrder, emptyTrialLine } from "../shared/trial-order.ts";

const rule: EarnRule = { id: "r", name: "R", trigger: "order.paid", reward: { points: { perUnit: 1 } } };

describe("schedule dates and days", () => {
  it("a date is midnight in the schedule's zone, and reads back as the same date", () => {
    expect(parseScheduleDate("2026-07-01", "Europe/Paris")).toEqual({ ok: true, value: "2026-06-30T22:00:00.000Z" });
    expect(parseScheduleDate("2026-07-01", undefined)).toEqual({ ok: true, value: "2026-07-01T00:00:00.000Z" });
    expect(formatScheduleDate("2026-06-30T22:00:00.000Z", "Europe/Paris")).toBe("2026-07-01");
    expect(parseScheduleDate("2026-02-30", "UTC")).toEqual({ ok: false, message: "Enter a date like 2026-07-01" });
    expect(parseScheduleDate("July 1st", "UTC").ok).toBe(false);
  });

  it("days of the month: whole days 1 to 31, each once, in order", () => {
    expect(parseDaysOfMonth("15, 1 31,1")).toEqual({ ok: true, value: [1, 15, 31] });
    expect(parseDaysOfMonth("")).toEqual({ ok: true, value: [] });
    expect(parseDaysOfMonth("0, 32").ok).toBe(false);
    expect(parseDaysOfMonth("1.5").ok).toBe(false);
  });

  it("an emptied part leaves the schedule; nothing left removes it", () => {
    const withFrom = { ...rule, ...schedulePatch(rule, { from: "2026-07-01T00:00:00.000Z", daysOfMonth: [1] }) };
    expect(withFrom.schedule).toEqual({ from: "2026-07-01T00:00:00.000Z", daysOfMonth: [1] });
    const noDays = { ...withFrom, ...schedulePatch(withFrom, { daysOfMonth: [] }) };
    expect(noDays.schedule).toEqual({ from: "2026-07-01T00:00:00.000Z" });
    expect(schedulePatch(noDays, { from: undefined })).toEqual({ schedule: undefined });
  });
});

describe("the try-out order", () => {
  it("builds the order in minor units, the date in the program's zone, lines only when given", () => {
    expect(buildTrialOrder({ subtotal: "120.5", currency: "usd", at: "2026-06-01T12:00", lines: [] }, "Europe/Paris")).toEqual({
      ok: true,
      order: { subtotal: 12050, currency: "USD", at: "2026-06-01T10:00:00.000Z" },
    });
    const line = { ...emptyTrialLine(), productId: "p1", collectionIds: "c1, c2", quantity: "2", price: "5" };
    expect(buildTrialOrder({ subtotal: "1000", currency: "JPY", at: "", lines: [line] }, undefined)).toEqual({
      ok: true,
      order: { subtotal: 1000, currency: "JPY", lines: [{ productId: "p1", collectionIds: ["c1", "c2"], quantity: 2, price: 5 }] },
    });
  });

  it("every field that does not parse gets its own message, and no order is built", () => {
    const bad = buildTrialOrder(
      { subtotal: "12.345", currency: "USD", at: "soon", lines: [{ ...emptyTrialLine(), quantity: "0", price: "x" }] },
      "UTC",
    );
    expect(bad).toEqual({
      ok: false,
      errors: {
        subtotal: "USD amounts have at most 2 decimals",
        at: "Enter a date and time, like 2026-06-01T12:00",
        lines: [
          {
            quantity: "Enter a quantity of 1 or more",
            price: "Enter an amount in USD, like 12.50",
            productId: "Enter a product, variant or collection ID",
          },
        ],
      },
    });
    expect(buildTrialOrder({ subtotal: "10", currency: "DOLLARS", at: "", lines: [] }, "UTC")).toEqual({
      ok: false,
      errors: { currency: "Enter a three-letter currency code, like USD" },
    });
  });
});
