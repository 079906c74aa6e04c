import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memberMessages, memberMessagesZhCN } from "../src/core/member-messages.ts";
import { dayText, MAX_DOTS, membershipView, referralView, stampView, validBirthday } from "../src/core/member-view.ts";
import { messages } from "../src/core/messages.ts";
import { notPaying, paying, referral } from "./support/api.ts";

const m = { ...messages, ...memberMessages };

describe("membership, stamp and referral views", () => {
  it("every English word has a Simplified Chinese one, with the same placeholders", () => {
    expect(Object.keys(memberMessagesZhCN).sort()).toEqual(Object.keys(memberMessages).sort());
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [k, en] of Object.entries(memberMessages))
      expect(holes(memberMessagesZhCN[k as keyof typeof memberMessages]), k).toEqual(holes(en));
  });

  it("the saved headline is the sum of its parts, and says whether it beats the fee", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10_000_000 }), { minLength: 4, maxLength: 4 }), fc.nat({ max: 1_000_000 }), (parts, fee) => {
        const [memberPrices, freeShipping, rewards, perks] = parts as [number, number, number, number];
        const total = memberPrices + freeShipping + rewards + perks;
        const data = structuredClone(paying);
        if (!data.me?.membership) throw new Error("fixture");
        data.me.membership.value = { currency: "USD", fee, memberPrices, freeShipping, rewards, perks, total, exceedsFee: total > fee };
        const v = membershipView(data, m, "en-US");
        const cents = (s: string) => Math.round(Number(s.replace(/[^\d.]/g, "")) * 100);
        expect(v.saved?.parts.map((p) => cents(p.amount)).reduce((a, b) => a + b, 0)).toBe(total);
        expect(v.saved?.text).toBe(`You saved ${dollars(total)} on a ${dollars(fee)} membership`);
        expect(v.saved?.exceedsFee).toBe(total > fee);
        expect(v.plans).toEqual([]);
      }),
    );
  });

  it("plans are offered per period in the plan's currency", () => {
    const data = notPaying();
    data.program.plans.push({
      key: "monthly",
      name: "Monthly",
      price: 990,
      currency: "EUR",
      period: "MONTH",
      tier: null,
      freeShipping: false,
    });
    expect(membershipView(data, m, "en-US").plans.map((p) => p.price)).toEqual(["$99.00 a year", "€9.90 a month"]);
    expect(membershipView(data, { ...messages, ...memberMessagesZhCN }, "zh-CN").plans.map((p) => p.price)).toEqual([
      "每年 US$99.00",
      "每月 €9.90",
    ]);
  });

  it("stamp cards: as many dots as stamps, the collected ones filled; long cards in words only", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 100 }), fc.nat({ max: 120 }), fc.nat({ max: 50 }), (stamps, collected, completed) => {
        const v = stampView({ id: "c", name: "Card", stamps, collected, completed }, m, "en-US");
        const shown = Math.min(collected, stamps);
        if (stamps <= MAX_DOTS) {
          expect([...v.dots]).toHaveLength(stamps);
          expect(v.dots.replace(/○/g, "")).toHaveLength(shown);
        } else expect(v.dots).toBe("");
        expect(v.progress).toBe(`${shown} of ${stamps}`);
        expect(v.filled === undefined).toBe(completed === 0);
      }),
    );
  });

  it("referral offers in each reward kind; null without a referral program or for a guest", () => {
    const offer = (kind: "AMOUNT_OFF" | "PERCENT_OFF" | "FREE_SHIPPING", value: number) =>
      referralView(
        { ...referral, program: { currency: "USD", referral: { refereeRewardKind: kind, refereeRewardValue: value, referrerPoints: 1 } } },
        m,
        "en-US",
      )?.offer;
    expect(offer("AMOUNT_OFF", 1000)).toBe("Friends get $10.00 off with their first order; you earn 1 point.");
    expect(offer("PERCENT_OFF", 15)).toBe("Friends get 15% off with their first order; you earn 1 point.");
    expect(offer("FREE_SHIPPING", 0)).toBe("Friends get free shipping with their first order; you earn 1 point.");
    expect(referralView({ ...referral, program: { currency: "USD", referral: null } }, m)?.offer).toBeUndefined();
    expect(referralView({ me: null, program: referral.program }, m)).toBeNull();
  });

  it("birthdays: real calendar days from 1900 to today only", () => {
    const today = new Date("2026-12-05T12:00:00Z");
    expect(["2000-02-29", "1900-01-01", "2026-12-05"].map((d) => validBirthday(d, today))).toEqual([true, true, true]);
    expect(["2001-02-29", "1990-13-01", "1899-12-31", "2026-12-06", "05/12/1990", ""].map((d) => validBirthday(d, today))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(dayText("2000-02-29", "en-US")).toBe("Feb 29, 2000");
  });
});

function dollars(cents: number): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);
}
