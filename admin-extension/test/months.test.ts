import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currentMonth, formatMonth, monthRange, parseMonth } from "../shared/months.ts";

describe("settlement months in the program's time zone", () => {
  it("a month runs from midnight on the 1st to midnight on the next 1st, across DST changes and years", () => {
    expect(monthRange("2026-06", "UTC")).toEqual({ from: "2026-06-01T00:00:00.000Z", to: "2026-07-01T00:00:00.000Z" });
    expect(monthRange("2026-12")).toEqual({ from: "2026-12-01T00:00:00.000Z", to: "2027-01-01T00:00:00.000Z" });
    expect(monthRange("2026-03", "Europe/Paris")).toEqual({ from: "2026-02-28T23:00:00.000Z", to: "2026-03-31T22:00:00.000Z" });
    expect(monthRange("2026-11", "America/New_York")).toEqual({ from: "2026-11-01T04:00:00.000Z", to: "2026-12-01T05:00:00.000Z" });
    expect(monthRange("2026-01", "Asia/Kolkata")).toEqual({ from: "2025-12-31T18:30:00.000Z", to: "2026-01-31T18:30:00.000Z" });
    // Damascus, 2005: clocks jumped from midnight to 01:00 on April 1 and fell back from midnight to 23:00 on October 1
    expect(monthRange("2005-04", "Asia/Damascus")).toEqual({ from: "2005-03-31T22:00:00.000Z", to: "2005-04-30T21:00:00.000Z" });
    expect(monthRange("2005-10", "Asia/Damascus").from).toBe("2005-09-30T22:00:00.000Z");
    // Havana, 2015: clocks fell back from 01:00 to midnight on November 1: the month starts at the first midnight
    expect(monthRange("2015-11", "America/Havana").from).toBe("2015-11-01T04:00:00.000Z");
    // an unknown zone (the engine refuses it on save) reads as UTC
    expect(monthRange("2026-06", "Mars/Olympus")).toEqual(monthRange("2026-06", "UTC"));
  });

  it("the current month is the zone's: 23:30 UTC on May 31 is already June in Paris", () => {
    const at = new Date("2026-05-31T23:30:00Z");
    expect(currentMonth(at, "UTC")).toBe("2026-05");
    expect(currentMonth(at, "Europe/Paris")).toBe("2026-06");
    expect(currentMonth(at, "America/Los_Angeles")).toBe("2026-05");
  });

  it("property: a month's range starts at its first instant and holds every instant of it, in zones with DST gaps at midnight", () => {
    const zones = [
      "UTC",
      "Europe/Paris",
      "America/New_York",
      "America/Santiago",
      "America/Havana",
      "Asia/Damascus",
      "Australia/Lord_Howe",
      "Pacific/Chatham",
    ];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const month = currentMonth(new Date(ms), zone);
        const { from, to } = monthRange(month, zone);
        const start = Date.parse(from);
        expect(start).toBeLessThanOrEqual(ms);
        expect(ms).toBeLessThan(Date.parse(to));
        expect(currentMonth(new Date(start), zone)).toBe(month);
        expect(currentMonth(new Date(start - 1000), zone)).not.toBe(month);
      }),
      { numRuns: 300 },
    );
  });

  it("months as people type them, and as they read them", () => {
    expect(parseMonth(" 2026-6 ")).toEqual({ ok: true, value: "2026-06" });
    expect(parseMonth("2026-12")).toEqual({ ok: true, value: "2026-12" });
    for (const bad of ["", "2026-13", "2026-00", "June", "26-06", "2026/06"])
      expect(parseMonth(bad)).toEqual({ ok: false, message: "Enter a month like 2026-06" });
    expect(formatMonth("2026-06", "en-US")).toBe("June 2026");
  });
});
