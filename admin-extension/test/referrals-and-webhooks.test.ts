import { validateConfig } from "@kinship/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { programConfig } from "../../test/support/program-fixture.ts";
import type { ProgramConfig } from "../shared/program-config.ts";
import {
  canReview,
  flaggedFirst,
  REFERRAL_DEFAULTS,
  refereeRewardText,
  referralErrors,
  referralSettings,
  reviewNote,
  signalLabel,
  updateReferrals,
} from "../shared/referrals.ts";
import type { Referral } from "../shared/types.ts";
import {
  emptyEndpointForm,
  endpointErrors,
  endpointInput,
  endpointUrlError,
  lastAnswer,
  replayable,
  toggleTopic,
  topicLabel,
} from "../shared/webhooks.ts";

function base(): ProgramConfig {
  const parsed = validateConfig(programConfig());
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value as unknown as ProgramConfig;
}

const referral = (id: string, status: Referral["status"], createdAt: string): Referral => ({
  id,
  code: "ANNA-7",
  referrerId: "c-anna",
  refereeId: `c-${id}`,
  orderId: `o-${id}`,
  status,
  signals: status === "FLAGGED" ? [{ name: "same_email", detail: "a.nna+x@gmail.com ~ anna@gmail.com" }] : [],
  welcomeCode: null,
  points: 0,
  createdAt,
  payableAt: createdAt,
  decidedAt: null,
  decidedBy: null,
  note: null,
});

describe("referral settings", () => {
  it("a program without referrals shows the engine's defaults (off); a change writes the whole section, which the engine takes", () => {
    const config = base();
    expect(referralSettings(config)).toEqual(REFERRAL_DEFAULTS);
    const on = updateReferrals(config, { enabled: true, referrerReward: { points: 750 }, cap: { count: 3, period: "week" } });
    expect(on.referrals).toEqual({
      enabled: true,
      refereeReward: { kind: "amountOff", value: 1000, minimumOrder: 0 },
      referrerReward: { points: 750, growth: 0 },
      cap: { count: 3, period: "week" },
      sessionDays: 30,
    });
    const parsed = validateConfig(on);
    expect(parsed.ok && parsed.value.referrals).toEqual(on.referrals);
  });

  it("switching the referee reward's kind gives it a sensible value; field checks match what the engine refuses", () => {
    const percent = updateReferrals(base(), { refereeReward: { kind: "percentOff" } });
    expect(referralSettings(percent).refereeReward).toEqual({ kind: "percentOff", value: 10, minimumOrder: 0 });
    expect(refereeRewardText(referralSettings(percent).refereeReward, "USD")).toBe("10% off");
    expect(refereeRewardText({ kind: "amountOff", value: 1250, minimumOrder: 0 }, "USD")).toBe("$12.50 off");
    expect(
      refereeRewardText(referralSettings(updateReferrals(base(), { refereeReward: { kind: "freeShipping" } })).refereeReward, "USD"),
    ).toBe("Free shipping");
    const bad = updateReferrals(base(), { cap: { count: 0 }, sessionDays: 400 });
    expect(referralErrors(referralSettings(bad))).toEqual({ capCount: "Enter 1 to 1,000 referrals", sessionDays: "Enter 1 to 365 days" });
    expect(validateConfig(bad).ok).toBe(false);
  });

  it("settings with no field error are accepted by the engine (property)", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.constantFrom("amountOff" as const, "percentOff" as const, "freeShipping" as const),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: -1, max: 1200 }),
        fc.integer({ min: -1, max: 400 }),
        (enabled, kind, value, count, sessionDays) => {
          const config = updateReferrals(base(), { enabled, refereeReward: { kind, value }, cap: { count }, sessionDays });
          if (Object.keys(referralErrors(referralSettings(config))).length === 0) expect(validateConfig(config).ok).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the referral review queue", () => {
  it("flagged first, then newest; only flagged rows take a decision; a note is trimmed and limited", () => {
    const rows = [
      referral("a", "PAID", "2026-12-01T10:00:00Z"),
      referral("b", "FLAGGED", "2026-11-01T10:00:00Z"),
      referral("c", "PENDING", "2026-12-03T10:00:00Z"),
      referral("d", "FLAGGED", "2026-12-02T10:00:00Z"),
    ];
    expect(flaggedFirst(rows).map((r) => r.id)).toEqual(["d", "b", "c", "a"]);
    expect(rows.map((r) => r.id)).toEqual(["a", "b", "c", "d"]);
    expect(rows.filter(canReview).map((r) => r.id)).toEqual(["b", "d"]);
    expect(signalLabel("same_email")).toBe("Same email as the referrer");
    expect(signalLabel("new_signal")).toBe("new_signal");
    expect(reviewNote("  looks like her sister  ")).toEqual({ ok: true, note: "looks like her sister" });
    expect(reviewNote("   ")).toEqual({ ok: true, note: null });
    expect(reviewNote("x".repeat(501))).toEqual({ ok: false, message: "Keep the note to 500 characters" });
  });
});

describe("webhook endpoint form", () => {
  const topics = ["points.earned", "tier.changed", "referral.flagged"];

  it("https anywhere, http only to this machine, at least one known topic", () => {
    expect(endpointUrlError("https://hooks.example.com/kinship")).toBeNull();
    expect(endpointUrlError("http://127.0.0.1:4000/in")).toBeNull();
    expect(endpointUrlError("http://localhost/in")).toBeNull();
    expect(endpointUrlError("http://hooks.example.com/in")).toBe("Use https (http only for localhost)");
    expect(endpointUrlError("ftp://example.com")).toBe("Use an https URL");
    expect(endpointUrlError("hooks.example.com")).toBe("Enter a full URL, like https://hooks.example.com/kinship");
    expect(endpointUrlError("  ")).toBe("Enter the URL that receives the events");
    expect(endpointErrors(emptyEndpointForm(), topics)).toEqual({
      url: "Enter the URL that receives the events",
      topics: "Choose at least one event",
    });
    expect(endpointErrors({ url: "https://x.example", topics: ["points.spent"], description: "" }, topics)).toEqual({
      topics: "Unknown event points.spent",
    });
    expect(endpointInput({ url: " https://x.example/h ", topics: ["tier.changed"], description: "  " })).toEqual({
      url: "https://x.example/h",
      topics: ["tier.changed"],
      description: null,
    });
  });

  it("topics keep the engine's order whatever order they are ticked in (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...topics), fc.boolean()), { maxLength: 12 }), (clicks) => {
        let selected: string[] = [];
        const expected = new Set<string>();
        for (const [topic, on] of clicks) {
          selected = toggleTopic(selected, topic, on, topics);
          if (on) expected.add(topic);
          else expected.delete(topic);
        }
        expect(selected).toEqual(topics.filter((t) => expected.has(t)));
      }),
    );
    expect(topicLabel("membership.renewal_due")).toBe("Membership renewal due");
  });

  it("only selected dead deliveries are replayed; the last answer in words", () => {
    const deliveries = [
      { id: "1", status: "DEAD" as const },
      { id: "2", status: "DELIVERED" as const },
      { id: "3", status: "DEAD" as const },
    ];
    expect(replayable(new Set(["1", "2"]), deliveries)).toEqual(["1"]);
    expect(lastAnswer({ lastStatus: 503, lastError: null })).toBe("HTTP 503");
    expect(lastAnswer({ lastStatus: null, lastError: "timed out after 10 s" })).toBe("timed out after 10 s");
    expect(lastAnswer({ lastStatus: null, lastError: null })).toBe("—");
  });
});
