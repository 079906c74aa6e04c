import { describe, expect, it } from "vitest";
import {
  defaultProgramConfig,
  evaluateTier,
  type Member,
  movesTier,
  overrideInForce,
  overrideTier,
  type ProgramConfig,
  validateConfig,
} from "../../src/core/index.ts";

function config(graceDays: number): ProgramConfig {
  const r = validateConfig({ ...defaultProgramConfig("USD"), tierPolicy: { graceDays } });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const NOW = new Date("2026-06-01T12:00:00Z");
const LATER = new Date("2026-07-01T12:00:00Z");
const END = new Date("2026-06-15T00:00:00Z");

/** A member on `tierKey` with `growth` (member 0, silver 500, gold 2000). */
function givenMember(tierKey: string, growth: number): Member {
  return {
    customerId: "c1",
    available: 0,
    pending: 0,
    debt: 0,
    growth,
    tierKey,
    tierSince: new Date("2026-01-01T00:00:00Z"),
    downgradeDueAt: null,
    lastActivityAt: null,
    profile: { email: null, firstName: null, lastName: null, birthday: null, tags: [], referralCode: null },
    profileUpdatedAt: null,
    createdAt: new Date("2026-01-01T00:00:00Z"),
    override: null,
  };
}

const hold = (tierKey: string | null, until: Date | null = null, reason = "VIP by hand") => ({ tierKey, until, reason, actor: "ana@shop" });

describe("tier override (core)", () => {
  it("setting one moves the member to the tier at once, with an 'override' change that platforms sync", () => {
    // given a Member with 100 growth and a 30-day grace
    const member = givenMember("member", 100);
    // when the owner holds them at gold until the 15th
    const changes = overrideTier(member, hold("gold", END), 100, config(30), NOW, "override:k1");
    // then they are gold now, held until the 15th, and the change moves them
    expect(changes).toEqual({
      ok: true,
      value: [{ key: "override:k1:override", from: "member", to: "gold", reason: "override", growth: 100, at: NOW }],
    });
    expect(member).toMatchObject({
      tierKey: "gold",
      tierSince: NOW,
      override: { tierKey: "gold", until: END, reason: "VIP by hand", setAt: NOW },
    });
    expect(changes.ok && changes.value.every(movesTier)).toBe(true);
  });

  it("while it holds, evaluations neither upgrade nor downgrade nor start a grace period", () => {
    // given a member held at silver with no end
    const member = givenMember("member", 0);
    overrideTier(member, hold("silver"), 0, config(30), NOW, "override:k1");
    // when growth would make them gold at an earn, or Member at maintenance
    const atEarn = evaluateTier(member, 5000, config(30), LATER, "upgradeOnly", "order:o1");
    const atMaintenance = evaluateTier(member, 0, config(30), LATER, "full", "evaluate:c1");
    // then nothing changes
    expect([atEarn, atMaintenance]).toEqual([[], []]);
    expect(member).toMatchObject({ tierKey: "silver", downgradeDueAt: null });
    expect(overrideInForce(member, config(30), LATER)?.tierKey).toBe("silver");
  });

  it("once it ran out, maintenance ends it and the tier follows growth with the usual grace", () => {
    // given a member held at gold until the 15th whose growth only earns silver
    const member = givenMember("member", 600);
    overrideTier(member, hold("gold", END), 600, config(30), NOW, "override:k1");
    expect(overrideInForce(member, config(30), END)).toBeNull();
    // when an earn after the end sees it: it may lift the member, never end the hold
    expect(evaluateTier(member, 600, config(30), LATER, "upgradeOnly", "order:o2")).toEqual([]);
    expect(member.override).not.toBeNull();
    // when maintenance evaluates after the end
    const changes = evaluateTier(member, 600, config(30), LATER, "full", "evaluate:c1");
    // then the hold ends and the grace period starts: still gold for 30 days
    expect(changes.map((c) => [c.reason, c.from, c.to])).toEqual([
      ["override_ended", "gold", "gold"],
      ["grace_started", "gold", "gold"],
    ]);
    expect(member).toMatchObject({ tierKey: "gold", override: null, downgradeDueAt: new Date("2026-07-31T12:00:00Z") });
    expect(changes.some(movesTier)).toBe(false);
  });

  it("without grace, the hold's end moves the member down at once (an 'override_ended' move)", () => {
    // given a gold hold that ran out over silver growth, no grace
    const member = givenMember("member", 600);
    overrideTier(member, hold("gold", END), 600, config(0), NOW, "override:k1");
    // when maintenance runs
    const changes = evaluateTier(member, 600, config(0), LATER, "full", "evaluate:c1");
    // then silver at once
    expect(changes).toEqual([
      { key: "evaluate:c1:override_ended", from: "gold", to: "silver", reason: "override_ended", growth: 600, at: LATER },
    ]);
    expect(member).toMatchObject({ tierKey: "silver", override: null });
  });

  it("clearing it lets growth decide again: up at once when growth is above the held tier", () => {
    // given a member held down at Member whose growth earns gold
    const member = givenMember("gold", 2500);
    overrideTier(member, hold("member"), 2500, config(30), NOW, "override:k1");
    expect(member.tierKey).toBe("member");
    // when the owner clears it
    const changes = overrideTier(member, hold(null), 2500, config(30), LATER, "override:k2");
    // then gold again
    expect(changes.ok && changes.value.map((c) => [c.reason, c.from, c.to])).toEqual([["override_ended", "member", "gold"]]);
    expect(member).toMatchObject({ tierKey: "gold", override: null });
  });

  it("clearing when there is none changes nothing", () => {
    const member = givenMember("silver", 600);
    expect(overrideTier(member, hold(null), 600, config(30), NOW, "override:k1")).toEqual({ ok: true, value: [] });
    expect(member).toEqual(givenMember("silver", 600));
  });

  it("refuses an unknown tier, an end in the past and a missing or too long reason, changing nothing", () => {
    const member = givenMember("member", 0);
    const refused = [
      overrideTier(member, hold("platinum"), 0, config(30), NOW, "k"),
      overrideTier(member, hold("gold", NOW), 0, config(30), NOW, "k"),
      overrideTier(member, hold("gold", null, "   "), 0, config(30), NOW, "k"),
      overrideTier(member, hold("gold", null, "x".repeat(501)), 0, config(30), NOW, "k"),
    ];
    expect(refused.map((r) => !r.ok && [r.error.code, r.error.message])).toEqual([
      ["UnknownTier", 'no tier "platinum" in this program (its tiers: member, silver, gold)'],
      ["InvalidOverride", "until (2026-06-01T12:00:00.000Z) must be in the future"],
      ["InvalidOverride", "reason must be 1 to 500 characters"],
      ["InvalidOverride", "reason must be 1 to 500 characters"],
    ]);
    expect(member).toEqual(givenMember("member", 0));
  });

  it("a hold on a tier the config no longer has is not in force", () => {
    const member = givenMember("member", 0);
    overrideTier(member, hold("gold"), 0, config(30), NOW, "k");
    const withoutGold = { ...config(30), tiers: config(30).tiers.filter((t) => t.key !== "gold") };
    expect(overrideInForce(member, withoutGold, NOW)).toBeNull();
  });
});
