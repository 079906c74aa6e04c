import { describe, expect, it } from "vitest";
import { onboardingSteps, themeEmbedLink } from "../shared/onboarding.ts";
import type { ProgramConfig } from "../shared/program-config.ts";
import { applyBasics, basicsForm } from "../shared/settings-basics.ts";

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

describe("the Settings form", () => {
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
});

describe("the onboarding checklist", () => {
  it("each step from the program's real state", () => {
    const fresh = onboardingSteps({ program: { version: 1, config }, audit: [], themeEmbed: "unknown", memberPricesActive: false });
    expect(fresh.map((s) => [s.key, s.state])).toEqual([
      ["basics", "todo"],
      ["tiers", "todo"],
      ["themeEmbed", "unknown"],
      ["memberPrices", "todo"],
      ["reward", "todo"],
    ]);
    const done = onboardingSteps({
      program: {
        version: 3,
        config: {
          ...config,
          tiers: [...config.tiers, { key: "gold", name: "Gold", threshold: 1000 }],
          rewards: [{ id: "r", name: "5 off", cost: 500, kind: "amountOff", value: 500 }],
        },
      },
      audit: [],
      themeEmbed: "on",
      memberPricesActive: true,
    });
    expect(done.every((s) => s.state === "done")).toBe(true);
    // Version 1 with an audit entry that changed the basics (a program imported at a later version) counts too.
    const audited = onboardingSteps({
      program: { version: 1, config },
      audit: [{ action: "config.update", before: config, after: { ...config, name: "New" } }],
      themeEmbed: "off",
      memberPricesActive: false,
    });
    expect(audited.find((s) => s.key === "basics")?.state).toBe("done");
    expect(audited.find((s) => s.key === "themeEmbed")?.state).toBe("todo");
  });

  it("links to the theme editor with the launcher embed ready to turn on", () => {
    expect(themeEmbedLink("corner.myshopify.com", "abc123")).toBe(
      "https://corner.myshopify.com/admin/themes/current/editor?context=apps&activateAppId=abc123/kinship-launcher",
    );
  });
});
