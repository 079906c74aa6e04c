import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultProgramConfig, type Engine, type ProgramConfigInput, validateConfig } from "../../src/index.ts";
import { openTestEngine } from "../support/backends.ts";
import { custom, order } from "../support/events.ts";
import { campaignProgram } from "./support.ts";

/** A chargeback reported as a custom event takes 1,000 growth away; tiers go down after 10 days' grace. */
const base = defaultProgramConfig("USD");
const config: ProgramConfigInput = {
  ...base,
  tierPolicy: { graceDays: 10 },
  rules: [
    ...base.rules,
    { id: "chargeback", name: "Chargeback", trigger: "custom:chargeback", reward: { growth: { fixed: -1000 } } },
    {
      id: "abuse",
      name: "Abusive review",
      trigger: "custom:review.flagged",
      reward: { growth: { fixed: -300 } },
      cap: { growth: 100, period: "month" },
    },
  ],
};

describe("growth deductions from rules (postgres)", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine("postgres");
  });
  afterAll(async () => {
    await engine.close();
  });

  it("a chargeback as a custom event takes growth away once; the tier follows after grace", async () => {
    const p = await campaignProgram(engine, config);
    await p.given("2027-01-05T00:00:00Z", order("o1", "c", "2027-01-05T00:00:00Z", [{ price: 250_000 }]));
    expect(await p.member("c")).toMatchObject({ growth: 2500, tier: "gold", available: 2500 });

    await p.given("2027-01-10T00:00:00Z", custom("chargeback", "c", "2027-01-10T00:00:00Z", "cb-1"));
    expect(
      await engine.apply(p.key, custom("chargeback", "c", "2027-01-10T00:00:00Z", "cb-1"), new Date("2027-01-10T01:00:00Z")),
    ).toMatchObject({
      ok: false,
      error: { code: "AlreadyApplied" },
    });
    // Points are untouched; growth 1,500 is below gold (2,000), but a deduction never downgrades on the spot.
    expect(await p.member("c")).toMatchObject({ growth: 1500, tier: "gold", available: 2500, downgradeDueAt: null });

    await p.maintain("2027-01-11T00:00:00Z");
    expect(await p.member("c")).toMatchObject({ tier: "gold", downgradeDueAt: new Date("2027-01-21T00:00:00Z") });
    await p.maintain("2027-01-20T23:59:59Z");
    expect((await p.member("c")).tier).toBe("gold");
    await p.maintain("2027-01-21T00:00:00Z");
    expect(await p.member("c")).toMatchObject({ tier: "silver", growth: 1500, downgradeDueAt: null });
    expect((await p.outbox("tier.changed")).map((m) => [m.payload.from, m.payload.to, m.payload.reason])).toEqual([
      ["member", "gold", "upgrade"],
      ["gold", "silver", "downgrade"],
    ]);

    // A cap limits what a rule earns, never what it takes away.
    await p.given("2027-01-22T00:00:00Z", custom("review.flagged", "c", "2027-01-22T00:00:00Z", "rf-1"));
    expect((await p.member("c")).growth).toBe(1200);
    expect(await engine.verify(p.key)).toEqual([]);
  });

  it("the config: a deduction needs a custom trigger; points are never negative; positive and per-unit rewards are unchanged", () => {
    const withRule = (rule: unknown) => validateConfig({ ...base, rules: [rule] });
    expect(withRule({ id: "x", name: "x", trigger: "custom:chargeback", reward: { growth: { fixed: -5 } } }).ok).toBe(true);
    const onOrder = withRule({ id: "x", name: "x", trigger: "order.paid", reward: { growth: { fixed: -5 } } });
    expect(onOrder.ok).toBe(false);
    expect(onOrder.ok ? [] : onOrder.error.issues).toEqual([
      "rules.0.reward.growth: a growth deduction (negative fixed growth) needs a custom trigger",
    ]);
    expect(withRule({ id: "x", name: "x", trigger: "customer.created", reward: { growth: { fixed: -5 } } }).ok).toBe(false);
    expect(withRule({ id: "x", name: "x", trigger: "custom:chargeback", reward: { points: { fixed: -5 } } }).ok).toBe(false);
    expect(withRule({ id: "x", name: "x", trigger: "order.paid", reward: { growth: { perUnit: -1 } } }).ok).toBe(false);
    expect(withRule({ id: "x", name: "x", trigger: "order.paid", reward: { points: { perUnit: 2 }, growth: { perUnit: 1 } } }).ok).toBe(
      true,
    );
    expect(withRule({ id: "x", name: "x", trigger: "custom:visit", reward: { growth: { fixed: 1.5 } } }).ok).toBe(false);
  });

  it("campaign config cross-checks: stamp card rewards exist, ids and keys are unique", () => {
    const check = (campaigns: unknown, rewards: unknown[] = []) => {
      const r = validateConfig({ ...base, rewards, campaigns });
      return r.ok ? [] : r.error.issues;
    };
    const reward = { id: "r1", name: "Five off", cost: 500, kind: "amountOff", value: 500 };
    const card = (id: string, rewardId: string) => ({ id, name: id, stamps: 5, reward: { rewardId } });
    expect(check({ stampCards: [card("a", "r1")] }, [reward])).toEqual([]);
    expect(check({ stampCards: [card("a", "nope")] }, [reward])).toEqual(["campaigns.stampCards.0.reward.rewardId: unknown reward nope"]);
    expect(check({ stampCards: [card("a", "r1"), card("a", "r1")] }, [reward])).toEqual([
      "campaigns.stampCards: duplicate stamp card id a",
    ]);
    const nth = { id: "n", name: "n", every: 3, points: 10 };
    expect(check({ nthOrder: [nth, nth] })).toEqual(["campaigns.nthOrder: duplicate nth-order id n"]);
    const badge = { key: "b", name: "b", when: { orders: 1 } };
    expect(check({ badges: [badge, badge] })).toEqual(["campaigns.badges: duplicate badge key b"]);
  });
});
