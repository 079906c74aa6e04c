import { validateConfig } from "@kinship/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { benefits, partners, programConfig, rewards } from "../../test/support/program-fixture.ts";
import {
  addMemberPrice,
  addPartner,
  addReward,
  addRule,
  addTier,
  decimalToMinor,
  duplicateKeyIssues,
  formatMoney,
  issueLocation,
  issueSection,
  issuesAt,
  issuesUnder,
  minorToDecimal,
  moveItem,
  movePartner,
  moveRule,
  moveTier,
  parseIdList,
  parseIssues,
  removePartner,
  removeTier,
  rewardKindPatch,
  setTierMultiplier,
  toggleWeekday,
  uniqueKey,
  updateMemberPrice,
  updatePartner,
  updatePartnerClaimLimit,
  updateReward,
  updateRule,
  updateTier,
  updateTierBadge,
} from "../shared/config-edit.ts";
import { parseFactor, parsePercent, parsePointsDelta, parseWholeNumber } from "../shared/parse.ts";
import type { ProgramConfig } from "../shared/program-config.ts";

function base(): ProgramConfig {
  const parsed = validateConfig(
    programConfig({
      rules: [
        { id: "base", name: "Base", trigger: "order.paid", reward: { points: { perUnit: 1 } }, tierMultipliers: { gold: 2, silver: 1.5 } },
        { id: "welcome", name: "Welcome", trigger: "customer.created", reward: { points: { fixed: 200 } } },
      ],
      benefits: [benefits.goldTenPercent],
      rewards: [rewards.goldShipping],
      partners: [partners.cafe],
    }),
  );
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value as unknown as ProgramConfig;
}

/** Edits never touch their input: a frozen config goes in, a new one comes out. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe("editing a program config", () => {
  it("renaming a tier's key carries its multipliers, member prices and rewards along, and the engine accepts it", () => {
    const before = deepFreeze(base());
    const after = updateTier(before, 2, { key: "vip", name: "VIP" });
    expect(after.tiers[2]).toMatchObject({ key: "vip", name: "VIP", threshold: 2000 });
    expect(after.rules[0]?.tierMultipliers).toEqual({ vip: 2, silver: 1.5 });
    expect(after.benefits?.[0]?.minTier).toBe("vip");
    expect(after.rewards?.[0]?.minTier).toBe("vip");
    expect(after.partners?.[0]?.minTier).toBe("vip");
    expect(before.tiers[2]?.key).toBe("gold");
    expect(validateConfig(after).ok).toBe(true);
  });

  it("a new tier sits above the top one with a fresh key; removing one drops its multipliers but leaves references for the engine to flag", () => {
    const config = deepFreeze(base());
    const added = addTier(addTier(config));
    expect(added.tiers.map((t) => [t.key, t.threshold])).toEqual([
      ["member", 0],
      ["silver", 500],
      ["gold", 2000],
      ["new-tier", 3000],
      ["new-tier-2", 4000],
    ]);
    expect(validateConfig(added).ok).toBe(true);
    const removed = removeTier(config, 2);
    expect(removed.tiers.map((t) => t.key)).toEqual(["member", "silver"]);
    expect(removed.rules[0]?.tierMultipliers).toEqual({ silver: 1.5 });
    const result = validateConfig(removed);
    expect(result.ok || parseIssues(result.error.issues)).toEqual([
      { path: "benefits.0.minTier", message: "unknown tier gold" },
      { path: "rewards.0.minTier", message: "unknown tier gold" },
      { path: "partners.0.minTier", message: "unknown tier gold" },
    ]);
  });

  it("moving a tier below the next one is the engine's threshold issue, found at its field", () => {
    const moved = moveTier(deepFreeze(base()), 2, 1);
    expect(moved.tiers.map((t) => t.key)).toEqual(["member", "gold", "silver"]);
    const result = validateConfig(moved);
    if (result.ok) throw new Error("expected issues");
    const issues = parseIssues(result.error.issues);
    expect(issuesAt(issues, "tiers", 2, "threshold")).toEqual(["tier thresholds must increase"]);
    expect(issuesAt(issues, "tiers", 1, "threshold")).toEqual([]);
    expect(issueLocation(moved, issues[0] as (typeof issues)[number])).toBe("Tier “Silver” › threshold");
  });

  it("badges, rules, schedules, multipliers and caps change immutably", () => {
    const config = deepFreeze(base());
    const badged = updateTierBadge(config, 0, { color: "#000000" });
    expect(badged.tiers[0]?.badge).toEqual({ label: "Member", color: "#000000" });
    const withRule = addRule(config);
    expect(withRule.rules[2]).toEqual({
      id: "new-rule",
      name: "New rule",
      trigger: "order.paid",
      reward: { points: { perUnit: 1 } },
      enabled: true,
    });
    const rule = config.rules[0];
    if (!rule) throw new Error("no rule");
    let edited = updateRule(config, 0, setTierMultiplier(rule, "gold", undefined));
    edited = updateRule(edited, 0, toggleWeekday(edited.rules[0] as typeof rule, 3, true));
    edited = updateRule(edited, 0, toggleWeekday(edited.rules[0] as typeof rule, 1, true));
    edited = updateRule(edited, 0, { cap: { period: "week", points: 50 } });
    expect(edited.rules[0]).toMatchObject({
      tierMultipliers: { silver: 1.5 },
      schedule: { daysOfWeek: [1, 3] },
      cap: { period: "week", points: 50 },
    });
    edited = updateRule(edited, 0, toggleWeekday(edited.rules[0] as typeof rule, 1, false));
    edited = updateRule(edited, 0, toggleWeekday(edited.rules[0] as typeof rule, 3, false));
    edited = updateRule(edited, 0, { cap: undefined, condition: undefined });
    expect(edited.rules[0]).not.toHaveProperty("schedule");
    expect(edited.rules[0]).not.toHaveProperty("cap");
    expect(moveRule(edited, 0, 1).rules.map((r) => r.id)).toEqual(["welcome", "base"]);
    expect(validateConfig(edited).ok).toBe(true);
  });

  it("rewards and member prices: new ones are valid, kind switches carry a value that kind accepts", () => {
    const config = deepFreeze(base());
    let next = addReward(addMemberPrice(config));
    next = updateReward(next, 1, rewardKindPatch("percentOff", 100));
    expect(next.rewards?.[1]).toEqual({ id: "new-reward", name: "New reward", cost: 500, kind: "percentOff", value: 10, enabled: true });
    next = updateReward(next, 1, { kind: "freeShipping", value: 999 });
    expect(next.rewards?.[1]?.value).toBe(0);
    next = updateMemberPrice(next, 1, { scope: { variantIds: ["variant_1"] }, discount: { fixedPrice: 1299 } });
    expect(next.benefits?.[1]).toEqual({
      id: "new-member-price",
      name: "New member price",
      kind: "memberPrice",
      minTier: "silver",
      scope: { variantIds: ["variant_1"] },
      discount: { fixedPrice: 1299 },
    });
    expect(validateConfig(next).ok).toBe(true);
  });

  it("partners: a new one waits for its perk; claim limits, moves and removals; a duplicate key lands on the fields that have it", () => {
    const config = deepFreeze(base());
    let next = addPartner(config);
    expect(next.partners?.[1]).toEqual({
      key: "new-partner",
      name: "New partner",
      perk: "",
      claimLimit: { count: 1, period: "lifetime" },
      settlementPrice: 0,
      enabled: true,
    });
    const undescribed = validateConfig(next);
    expect(undescribed.ok || parseIssues(undescribed.error.issues).map((i) => i.path)).toEqual(["partners.1.perk"]);

    next = updatePartner(next, 1, { perk: "One ticket", minTier: "silver", settlementPrice: 700 });
    next = updatePartnerClaimLimit(next, 1, { count: 2 });
    next = updatePartnerClaimLimit(next, 1, { period: "year" });
    next = updatePartner(next, 1, { minTier: undefined });
    expect(next.partners?.[1]).toEqual({
      key: "new-partner",
      name: "New partner",
      perk: "One ticket",
      claimLimit: { count: 2, period: "year" },
      settlementPrice: 700,
      enabled: true,
    });
    expect(validateConfig(next).ok).toBe(true);
    // a partner saved without a claim limit gets the engine's default under the changed field
    const bare = { ...config, partners: [{ key: "cinema", name: "Lux Cinema", perk: "One ticket" }] };
    expect(updatePartnerClaimLimit(bare, 0, { count: 3 }).partners?.[0]?.claimLimit).toEqual({ count: 3, period: "lifetime" });
    expect(movePartner(next, 1, 0).partners?.map((p) => p.key)).toEqual(["new-partner", "cafe"]);
    expect(removePartner(next, 0).partners?.map((p) => p.key)).toEqual(["new-partner"]);

    const twice = updatePartner(next, 1, { key: "cafe" });
    const refused = validateConfig(twice);
    if (refused.ok) throw new Error("expected issues");
    const issues = parseIssues(refused.error.issues);
    expect(issues).toEqual([{ path: "partners", message: "duplicate partner key cafe" }]);
    expect(duplicateKeyIssues(issues, "partners", "cafe")).toEqual(["duplicate partner key cafe"]);
    expect(duplicateKeyIssues(issues, "partners", "caf")).toEqual([]);
    expect(issues.map(issueSection)).toEqual(["partners"]);
    expect(issueLocation(twice, issues[0] as (typeof issues)[number])).toBe("Partners");
    expect(issueLocation(twice, { path: "partners.1.claimLimit.count", message: "x" })).toBe("Partner “New partner” › claimLimit › count");
  });

  it("keys, id lists, moves and issue paths", () => {
    expect(uniqueKey("Gold Plus!", ["gold-plus"])).toBe("gold-plus-2");
    expect(uniqueKey("Été", [])).toBe("ete");
    expect(uniqueKey("***", [])).toBe("item");
    expect(parseIdList(" a, b\n\nc,a ")).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 0, 9)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 2, -1)).toEqual(["c", "a", "b"]);
    const issues = parseIssues(["(root): broken", "rules.0.reward: a reward needs points or growth", "rules.0.reward.points: x: y"]);
    expect(issues).toEqual([
      { path: "", message: "broken" },
      { path: "rules.0.reward", message: "a reward needs points or growth" },
      { path: "rules.0.reward.points", message: "x: y" },
    ]);
    expect(issuesUnder(issues, "rules", 0, "reward").map((i) => i.message)).toEqual(["a reward needs points or growth", "x: y"]);
    expect(issueLocation(base(), { path: "currency", message: "unknown currency" })).toBe("Program › currency");
  });
});

describe("money and numbers typed by people", () => {
  it("converts decimal amounts to minor units exactly, per currency", () => {
    expect(decimalToMinor("100", "USD")).toEqual({ ok: true, value: 10000 });
    expect(decimalToMinor("0.1", "USD")).toEqual({ ok: true, value: 10 });
    expect(decimalToMinor("19.99", "USD")).toEqual({ ok: true, value: 1999 });
    expect(decimalToMinor("1.500", "USD")).toEqual({ ok: true, value: 150 });
    expect(decimalToMinor(".5", "USD")).toEqual({ ok: true, value: 50 });
    expect(decimalToMinor("1.234", "KWD")).toEqual({ ok: true, value: 1234 });
    expect(decimalToMinor("500", "JPY")).toEqual({ ok: true, value: 500 });
    expect(decimalToMinor("5.5", "JPY")).toEqual({ ok: false, message: "JPY amounts have no decimals" });
    expect(decimalToMinor("1.005", "USD")).toEqual({ ok: false, message: "USD amounts have at most 2 decimals" });
    for (const bad of ["", ".", "-1", "1,000", "1e3", "$5", "abc"])
      expect(decimalToMinor(bad, "USD")).toEqual({ ok: false, message: "Enter an amount in USD, like 12.50" });
    expect(decimalToMinor("90071992547409.92", "USD")).toEqual({ ok: false, message: "That amount is too large" });
    expect(minorToDecimal(5, "USD")).toBe("0.05");
    expect(minorToDecimal(-150, "USD")).toBe("-1.50");
    expect(minorToDecimal(1234, "KWD")).toBe("1.234");
    expect(formatMoney(199999999999999, "USD", "en-US")).toBe("$1,999,999,999,999.99");
  });

  it("property: every amount of minor units survives decimal text and back", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom("USD", "EUR", "JPY", "KWD", "CLF"),
        (minor, currency) => {
          expect(decimalToMinor(minorToDecimal(minor, currency), currency)).toEqual({ ok: true, value: minor });
        },
      ),
    );
  });

  it("points, whole numbers, factors and percentages", () => {
    expect(parsePointsDelta("+250")).toEqual({ ok: true, value: 250 });
    expect(parsePointsDelta(" -50 ")).toEqual({ ok: true, value: -50 });
    expect(parsePointsDelta("\u221250")).toEqual({ ok: true, value: -50 });
    expect(parsePointsDelta("0")).toEqual({ ok: false, message: "Enter a number other than 0" });
    expect(parsePointsDelta("2.5").ok).toBe(false);
    expect(parseWholeNumber("500")).toEqual({ ok: true, value: 500 });
    expect(parseWholeNumber("-1").ok).toBe(false);
    expect(parseFactor("1.5")).toEqual({ ok: true, value: 1.5 });
    expect(parseFactor("1.555").ok).toBe(false);
    expect(parseFactor("0").ok).toBe(false);
    expect(parsePercent("12.5%")).toEqual({ ok: true, value: 12.5 });
    expect(parsePercent("12.5", true).ok).toBe(false);
    expect(parsePercent("101").ok).toBe(false);
  });
});
