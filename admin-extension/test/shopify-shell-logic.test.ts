import { describe, expect, it } from "vitest";
import { onboardingSteps, themeEmbedLink } from "../shared/onboarding.ts";
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
