import { describe, expect, it } from "vitest";
import {
  applyBasics,
  basicsForm,
  basicsOf,
  basicsProblems,
  expiryOfKind,
  expiryProblem,
  parseWholeInRange,
  updateBasics,
  windowOfKind,
} from "../shared/program-basics.ts";
import type { ProgramConfig } from "../shared/program-config.ts";

const config: ProgramConfig = {
  name: "Club",
  currency: "USD",
  timezone: "UTC",
  pointValue: { points: 100, money: 100 },
  pendingDays: 0,
  expiry: { kind: "none" },
  growth: { window: { kind: "lifetime" } },
  tierPolicy: { graceDays: 30 },
  tiers: [{ key: "member", name: "Member", threshold: 0 }],
  rules: [],
  rewards: [],
};

describe("the basics as typed values (Medusa's Program tab)", () => {
  it("reads the engine's defaults for what an older config leaves out, and edits carry every other field along", () => {
    expect(basicsOf({ currency: "USD", tiers: [], rules: [], rewards: [] })).toEqual({
      name: "Kinship rewards",
      timezone: "UTC",
      pointValue: { points: 100, money: 100 },
      pendingDays: 0,
      expiry: { kind: "none" },
      window: { kind: "lifetime" },
      graceDays: 30,
    });
    const next = updateBasics(config, { window: { kind: "rolling", months: 6 }, graceDays: 7 });
    expect(next).toEqual({ ...config, growth: { window: { kind: "rolling", months: 6 } }, tierPolicy: { graceDays: 7 } });
    expect(config.tierPolicy).toEqual({ graceDays: 30 });
  });

  it("switching the expiry or window kind keeps what was typed where the new kind has it", () => {
    expect(expiryOfKind({ kind: "afterEarn", days: 90 }, "inactivity")).toEqual({ kind: "inactivity", days: 90 });
    expect(expiryOfKind({ kind: "none" }, "afterEarn")).toEqual({ kind: "afterEarn", days: 365 });
    expect(windowOfKind({ kind: "rolling", months: 6 }, "calendarYear")).toEqual({ kind: "calendarYear" });
    expect(windowOfKind({ kind: "lifetime" }, "rolling")).toEqual({ kind: "rolling", months: 12 });
  });

  it("says what is wrong with the name, the time zone and the expiry; whole numbers in range", () => {
    const basics = basicsOf(config);
    expect(basicsProblems(basics)).toEqual({});
    expect(basicsProblems({ ...basics, name: " ", timezone: "Mars/Olympus" })).toEqual({
      name: "Enter the program's name",
      timezone: "Enter a time zone such as Europe/Paris or America/New_York",
    });
    expect(expiryProblem({ expiry: { kind: "afterEarn", days: 30 }, pendingDays: 30 })).toMatch(/^Points must not expire/);
    expect(expiryProblem({ expiry: { kind: "inactivity", days: 30 }, pendingDays: 30 })).toBeUndefined();
    expect(parseWholeInRange(0, 365)("400")).toEqual({ ok: false, message: "Enter a whole number from 0 to 365" });
    expect(parseWholeInRange(0, 365)(" 14 ")).toEqual({ ok: true, value: 14 });
  });
});

describe("the basics as a form of strings (Shopify's Settings screen)", () => {
  it("round-trips the config's basics, money as a decimal of the currency", () => {
    const form = basicsForm({ ...config, currency: "JPY", pointValue: { points: 10, money: 5 } });
    expect(form).toMatchObject({ currency: "JPY", pointValuePoints: "10", pointValueMoney: "5", windowMonths: "12" });
    expect(applyBasics(config, basicsForm(config))).toEqual({ config, errors: {} });
  });

  it("checks every field and says what is wrong, leaving the config as it was", () => {
    const form = {
      ...basicsForm(config),
      name: " ",
      pointValuePoints: "0",
      pointValueMoney: "1.005",
      pendingDays: "400",
      expiryKind: "afterEarn" as const,
      expiryDays: "",
      windowKind: "rolling" as const,
      windowMonths: "121",
      graceDays: "-1",
    };
    const { config: unchanged, errors } = applyBasics(config, form);
    expect(unchanged).toBe(config);
    expect(errors).toEqual({
      name: "Enter the program's name",
      pointValuePoints: "Enter 1 to 1,000,000 points",
      pointValueMoney: "USD amounts have at most 2 decimals",
      pendingDays: "Enter 0 to 365 days",
      expiryDays: "Enter days as a whole number",
      windowMonths: "Enter 1 to 120 months",
      graceDays: "Enter days as a whole number",
    });
  });

  it("expiry after earning must outlast the pending days (the engine's own rule, checked first)", () => {
    const form = { ...basicsForm(config), pendingDays: "30", expiryKind: "afterEarn" as const, expiryDays: "30" };
    expect(applyBasics(config, form).errors.expiryDays).toMatch(/^Points must not expire before they become available/);
    const ok = applyBasics(config, { ...form, expiryDays: "365", windowKind: "rolling", windowMonths: "12", pointValueMoney: "2.5" });
    expect(ok.errors).toEqual({});
    expect(ok.config).toMatchObject({
      pendingDays: 30,
      expiry: { kind: "afterEarn", days: 365, roundToMonthEnd: false },
      growth: { window: { kind: "rolling", months: 12 } },
      pointValue: { points: 100, money: 250 },
    });
  });

  it("a time zone the browser does not know is refused (the same check as the Program tab)", () => {
    expect(applyBasics(config, { ...basicsForm(config), timezone: "Mars/Olympus" }).errors).toEqual({
      timezone: "Enter a time zone such as Europe/Paris or America/New_York",
    });
  });
});
