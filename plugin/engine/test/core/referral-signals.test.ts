import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Referrals } from "../../src/core/config/referrals.ts";
import {
  contactPrints,
  normaliseAddress,
  normaliseEmail,
  normalisePhone,
  type ReferralFacts,
  referralSignals,
  review,
} from "../../src/core/index.ts";

const config = Referrals.parse({ enabled: true, cap: { count: 2, period: "month" }, sessionDays: 30 });
const AT = new Date("2026-03-10T12:00:00Z");
const clean: ReferralFacts = {
  referrerCustomerId: "ada",
  refereeCustomerId: "bob",
  referee: [contactPrints({ email: "bob@example.com", phone: "415 555 0134" })],
  referrer: [contactPrints({ email: "ada@gmail.com", phone: "020 7946 0001" })],
  ip: "198.51.100.1",
  deviceId: "dev-bob",
  referrerSessions: [{ kind: "ip", value: "203.0.113.7", seenAt: AT }],
  priorReferrals: [],
  at: AT,
};

describe("referral normalisation", () => {
  it("emails: case, +aliases and gmail dots (googlemail is gmail) do not tell two mailboxes apart", () => {
    expect(normaliseEmail(" Ada.Lovelace+shop@GoogleMail.com ")).toBe("adalovelace@gmail.com");
    expect(normaliseEmail("a.b+x@example.com")).toBe("a.b@example.com");
    expect(normaliseEmail("not-an-email")).toBeNull();
  });

  it("phones are their digits; addresses their letters and digits", () => {
    expect(normalisePhone("+44 (20) 7946-0001")).toBe("442079460001");
    expect(normalisePhone("12")).toBeNull();
    expect(normaliseAddress({ line1: " 12 Analytical Row. ", city: "LONDON", postalCode: "n1 9gu" })).toBe(
      normaliseAddress({ line1: "12 analytical row", city: "London,", postalCode: "N19GU" }),
    );
  });

  it("an alias of a gmail address is the same email, whatever its dots, case and tag (property)", () => {
    const local = fc.stringMatching(/^[a-z][a-z0-9]{1,10}$/);
    fc.assert(
      fc.property(local, fc.stringMatching(/^[a-z0-9]{0,6}$/), fc.array(fc.nat(20), { maxLength: 3 }), (name, tag, dots) => {
        let dotted = name;
        for (const d of dots) {
          const i = 1 + (d % (dotted.length - 1 || 1));
          dotted = `${dotted.slice(0, i)}.${dotted.slice(i)}`.replace("..", ".");
        }
        const alias = `${dotted.toUpperCase()}${tag ? `+${tag}` : ""}@googlemail.com`;
        expect(contactPrints({ email: alias }).email).toBe(contactPrints({ email: `${name}@gmail.com` }).email);
      }),
    );
  });
});

describe("referralSignals", () => {
  it("clean facts raise nothing; each check is caught alone", () => {
    expect(referralSignals(clean, config, "UTC")).toEqual([]);
    const one = (facts: Partial<ReferralFacts>) => referralSignals({ ...clean, ...facts }, config, "UTC").map((s) => s.name);
    expect(one({ refereeCustomerId: "ada" })).toEqual(["self_referral"]);
    expect(one({ referee: [contactPrints({ email: "A.DA+x@gmail.com" })] })).toEqual(["same_email"]);
    expect(one({ referee: [contactPrints({ phone: "(020) 7946 0001" })] })).toEqual(["same_phone"]);
    expect(one({ ip: "203.0.113.7" })).toEqual(["same_ip"]);
    expect(one({ deviceId: "d1", referrerSessions: [{ kind: "device", value: "d1", seenAt: AT }] })).toEqual(["same_device"]);
    expect(one({ priorReferrals: [new Date("2026-03-01T00:00:00Z"), new Date("2026-03-09T00:00:00Z")] })).toEqual(["cap_reached"]);
    expect(one({ priorReferrals: [new Date("2026-02-01T00:00:00Z"), new Date("2026-02-09T00:00:00Z")] })).toEqual([]);
  });

  it("the owner's review: the same decision is answered as it is, the opposite one refused", () => {
    expect(review("FLAGGED", true)).toEqual({ to: "APPROVED" });
    expect(review("FLAGGED", false)).toEqual({ to: "REJECTED" });
    expect(review("APPROVED", true)).toBe("same");
    expect(review("APPROVED", false)).toBe("refused");
    expect(review("REJECTED", false)).toBe("same");
    expect(review("REJECTED", true)).toBe("refused");
    expect(review("VOID", true)).toBe("refused");
    expect(review("PAID", false)).toBe("refused");
  });
});
