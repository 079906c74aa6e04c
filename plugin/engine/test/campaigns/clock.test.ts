import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultProgramConfig, type Engine, type ProgramConfigInput } from "../../src/index.ts";
import { backends, openTestEngine } from "../support/backends.ts";
import { customerCreated, order } from "../support/events.ts";
import { type CampaignProgram, campaignProgram, every } from "./support.ts";

/**
 * Birthdays, anniversaries and expiring-soon notices on the engine's clock: maintenance runs every
 * six hours for fourteen months (2027 is not a leap year, 2028 is), misses a fortnight in June, and
 * at a few instants runs twice at once. The program's zone, Pacific/Kiritimati, is UTC+14: its days
 * start ten hours before UTC's (at 10:00 UTC the day before).
 */
const ZONE = "Pacific/Kiritimati";
const config: ProgramConfigInput = {
  ...defaultProgramConfig("USD", ZONE),
  expiry: { kind: "afterEarn", days: 60 },
  campaigns: {
    birthday: { points: 500, growth: 0 },
    anniversary: { points: 300, growth: 10 },
    expiringNotice: { days: 7 },
  },
};

const GAP = { from: "2027-06-10T00:00:00.000Z", to: "2027-06-25T00:00:00.000Z" };
const TWICE = new Set(["2027-02-27T12:00:00.000Z", "2027-03-09T12:00:00.000Z", "2027-12-31T12:00:00.000Z", "2028-02-28T12:00:00.000Z"]);

describe("campaigns on the clock (postgres)", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine("postgres");
  });
  afterAll(async () => {
    await engine.close();
  });

  it("a year and more: birthdays once a year (29 February too), anniversaries, a missed fortnight, two clocks, expiring notices once", async () => {
    const p = await campaignProgram(engine, config);
    await p.given(
      "2027-01-01T00:00:00Z",
      customerCreated("leap", "2027-01-01T00:00:00Z", { birthday: "1996-02-29" }),
      customerCreated("kiri", "2027-01-01T00:00:00Z", { birthday: "1985-03-10" }),
      customerCreated("june", "2027-01-01T00:00:00Z", { birthday: "1990-06-15" }),
    );
    const orders = new Map([
      ["2027-02-01T00:00:00.000Z", order("o1", "kiri", "2027-02-01T00:00:00Z", [{ price: 12000 }])],
      ["2027-05-20T00:00:00.000Z", order("o2", "june", "2027-05-20T00:00:00Z", [{ price: 8000 }])],
      ["2027-09-01T00:00:00.000Z", order("o3", "leap", "2027-09-01T00:00:00Z", [{ price: 3000 }])],
    ]);
    for (const now of every(6, "2027-01-01T06:00:00Z", "2028-03-10T00:00:00Z")) {
      const iso = now.toISOString();
      if (iso >= GAP.from && iso < GAP.to) continue;
      if (iso === "2027-07-01T00:00:00.000Z")
        await p.given(now, customerCreated("late", "2027-07-01T00:00:00Z", { birthday: "1980-06-20" }));
      const o = orders.get(iso);
      if (o) await p.given(now, o);
      if (TWICE.has(iso)) await Promise.all([p.maintain(now), p.maintain(now)]);
      else await p.maintain(now);
    }

    const birthdays = await p.lots("birthday:");
    expect(birthdays.map((l) => [l.key, l.earnedAt, l.amount])).toEqual([
      // 28 February 2027 in Kiritimati (no 29th that year) starts at 10:00 UTC on the 27th.
      ["birthday:leap:2027", "2027-02-27T12:00:00.000Z", 500],
      // Kiritimati's 10 March starts at 10:00 UTC on 9 March: the 12:00 run gives it, not UTC's 10 March.
      ["birthday:kiri:2027", "2027-03-09T12:00:00.000Z", 500],
      // The clock was down from 10 to 25 June: the birthday of 15 June is given by the first run after.
      ["birthday:june:2027", "2027-06-25T00:00:00.000Z", 500],
      // 2028 is a leap year: 29 February itself, not the 28th.
      ["birthday:leap:2028", "2028-02-28T12:00:00.000Z", 500],
      ["birthday:kiri:2028", "2028-03-09T12:00:00.000Z", 500],
    ]);
    // `late` joined on 1 July 2027, after their birthday of 20 June: nothing for 2027.
    expect(birthdays.some((l) => l.customerId === "late")).toBe(false);

    const anniversaries = await p.lots("anniversary:");
    expect(anniversaries.map((l) => [l.key, l.earnedAt])).toEqual([
      ["anniversary:june:2028", "2027-12-31T12:00:00.000Z"],
      ["anniversary:kiri:2028", "2027-12-31T12:00:00.000Z"],
      ["anniversary:leap:2028", "2027-12-31T12:00:00.000Z"],
    ]);
    expect((await p.member("leap")).growth).toBe(10 + 30);

    // Expiring-soon: one notice per lot, in the seven days before it expires, with its points.
    const notices = await p.outbox("points.expiring");
    const expired = (await p.lots("")).filter((l) => new Date(l.earnedAt).getTime() + 60 * 86_400_000 < new Date("2028-03-10").getTime());
    const noticed = new Map(notices.map((n) => [n.payload.lotKey as string, n]));
    expect(notices).toHaveLength(noticed.size);
    for (const lot of expired) {
      const expiresAt = new Date(new Date(lot.earnedAt).getTime() + 60 * 86_400_000).toISOString();
      const n = noticed.get(lot.key);
      expect(n, lot.key).toBeDefined();
      expect(n?.payload).toEqual({ customerId: lot.customerId, points: lot.amount, lotKey: lot.key, expiresAt });
      const lead = new Date(expiresAt).getTime() - new Date(n?.createdAt ?? 0).getTime();
      expect(lead).toBeGreaterThan(0);
      expect(lead).toBeLessThanOrEqual(7 * 86_400_000);
    }
    expect(expired.length).toBeGreaterThanOrEqual(8);
    expect(await engine.verify(p.key)).toEqual([]);
  }, 600_000);
});

describe.each(backends)("birthday timing (%s)", (backend) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
  });
  afterAll(async () => {
    await engine.close();
  });

  it("the birthday starts at the zone's midnight, ahead of UTC's; reruns and a changed clock give it once", async () => {
    const p: CampaignProgram = await campaignProgram(engine, config);
    await p.given("2027-01-01T00:00:00Z", customerCreated("k", "2027-01-01T00:00:00Z", { birthday: "1985-03-10" }));
    await p.maintain("2027-03-09T09:59:59.999Z");
    expect(await p.lots("birthday:")).toEqual([]);
    await p.maintain("2027-03-09T10:00:00.000Z");
    await p.maintain("2027-03-09T10:00:00.000Z");
    await p.maintain("2027-03-10T23:00:00.000Z");
    // A clock that went back a day, and one far ahead (past the catch-up window: nothing late).
    await p.maintain("2027-03-09T11:00:00.000Z");
    await p.given("2027-03-09T12:00:00Z", { type: "campaigns", customerId: "k" });
    const lots = await p.lots("birthday:");
    expect(lots.map((l) => [l.key, l.earnedAt])).toEqual([["birthday:k:2027", "2027-03-09T10:00:00.000Z"]]);
    expect((await p.member("k")).available).toBe(500);
  });

  it("a birthday more than 30 days past when the clock comes back is not given late", async () => {
    const p = await campaignProgram(engine, config);
    await p.given("2027-01-01T00:00:00Z", customerCreated("k", "2027-01-01T00:00:00Z", { birthday: "1985-03-10" }));
    await p.maintain("2027-03-01T00:00:00Z");
    await p.maintain("2027-04-09T00:00:00Z");
    expect(await p.lots("birthday:")).toEqual([]);
    // One day inside the window is still given.
    const q = await campaignProgram(engine, config);
    await q.given("2027-01-01T00:00:00Z", customerCreated("k", "2027-01-01T00:00:00Z", { birthday: "1985-03-10" }));
    await q.maintain("2027-04-07T12:00:00Z");
    expect((await q.lots("birthday:")).map((l) => l.key)).toEqual(["birthday:k:2027"]);
  });
});
