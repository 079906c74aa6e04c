import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultProgramConfig, type Engine, type ProgramConfigInput } from "../../src/index.ts";
import { openTestEngine } from "../support/backends.ts";
import { cancel, custom, order, refund } from "../support/events.ts";
import { campaignProgram } from "./support.ts";

/** Every 3rd order: 200 points; a coffee card (4 coffee orders of 5.00 or more: the reward's 250 points); any 2 orders: 50 points; badges. */
const config: ProgramConfigInput = {
  ...defaultProgramConfig("USD"),
  rewards: [{ id: "free-coffee", name: "Free coffee", cost: 250, kind: "amountOff", value: 500 }],
  campaigns: {
    nthOrder: [{ id: "third", name: "Every third order", every: 3, points: 200, growth: 5 }],
    stampCards: [
      { id: "coffee", name: "Coffee card", stamps: 4, minSubtotal: 500, productIds: ["coffee"], reward: { rewardId: "free-coffee" } },
      { id: "any", name: "Any two", stamps: 2, reward: { points: 50 } },
    ],
    badges: [
      { key: "first", name: "First order", when: { orders: 1 } },
      { key: "five", name: "Five orders", when: { orders: 5 } },
      { key: "big", name: "Big spender", when: { spent: 50_000 } },
      { key: "reviewer", name: "Reviewer", icon: "star", when: { event: "review.created", count: 2 } },
    ],
  },
};

const ordersArb = fc.array(fc.record({ coffee: fc.boolean(), price: fc.integer({ min: 100, max: 20_000 }) }), {
  minLength: 1,
  maxLength: 10,
});

describe("order campaigns (postgres)", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine("postgres");
  });
  afterAll(async () => {
    await engine.close();
  });

  it("nth-order, stamp cards and badges: exactly once per milestone, card and badge, whatever is redelivered and in whatever order", async () => {
    await fc.assert(
      fc.asyncProperty(
        ordersArb,
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 10, maxLength: 10 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        async (specs, copies, noise) => {
          const p = await campaignProgram(engine, config);
          const events = specs.map((s, i) =>
            order(`o${i}`, "c", new Date(Date.UTC(2027, 0, 1 + i)).toISOString(), [
              { price: s.price, product: s.coffee ? "coffee" : "bagel" },
            ]),
          );
          const deliveries = events.flatMap((e, i) =>
            Array.from({ length: copies[i] ?? 1 }, () => ({ e, r: noise.next().value as number })),
          );
          deliveries.sort((a, b) => a.r - b.r);
          await p.given("2027-03-01T00:00:00Z", ...deliveries.map((d) => d.e));

          const n = specs.length;
          const coffees = specs.filter((s) => s.coffee && s.price >= 500).length;
          const spent = specs.reduce((s, o) => s + o.price, 0);
          const keys = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
          expect((await p.lots("nth:")).map((l) => l.key).sort()).toEqual(keys("nth:c:third:", Math.floor(n / 3)).sort());
          const coffeeLots = await p.lots("stamp:c:coffee:");
          expect(coffeeLots.map((l) => l.key).sort()).toEqual(keys("stamp:c:coffee:", Math.floor(coffees / 4)).sort());
          expect(coffeeLots.every((l) => l.amount === 250)).toBe(true);
          expect((await p.lots("stamp:c:any:")).length).toBe(Math.floor(n / 2));
          const state = await engine.members.campaigns(p.id, "c");
          expect(state.orders).toBe(n);
          expect(state.spent).toBe(spent);
          expect(state.stamps.coffee ?? { collected: 0, completed: 0 }).toEqual({
            collected: coffees % 4,
            completed: Math.floor(coffees / 4),
          });
          const badges = ["first", ...(n >= 5 ? ["five"] : []), ...(spent >= 50_000 ? ["big"] : [])].sort();
          expect(Object.keys(state.badges).sort()).toEqual(badges);
          expect((await p.outbox("badge.earned")).map((m) => m.payload.badge).sort()).toEqual(badges);
          expect((await p.member("c")).growth).toBe(specs.reduce((s, o) => s + Math.floor(o.price / 100), 0) + 5 * Math.floor(n / 3));
        },
      ),
      { numRuns: 12 },
    );
  });

  it("a cancelled or fully refunded order stops counting; a milestone already given is not given again", async () => {
    const p = await campaignProgram(engine, config);
    const at = (d: number) => new Date(Date.UTC(2027, 0, d)).toISOString();
    await p.given(at(20), ...Array.from({ length: 6 }, (_, i) => order(`o${i + 1}`, "c", at(i + 1), [{ price: 1000 }])));
    expect((await p.lots("nth:")).map((l) => l.key)).toEqual(["nth:c:third:1", "nth:c:third:2"]);
    // The bonus for the 3rd order stays; o2 no longer counts, nor does o4 once refunded in full (a partial refund leaves o5 counted).
    await p.given(at(21), cancel("o2", at(21)), refund("r4", "o4", at(21), { amount: 1000 }), refund("r5", "o5", at(21), { amount: 400 }));
    await p.given(at(21), cancel("o2", at(21)), refund("r4", "o4", at(21), { amount: 1000 }));
    let state = await engine.members.campaigns(p.id, "c");
    expect([state.orders, state.spent]).toEqual([4, 4 * 1000 - 400]);
    await p.given(at(22), order("o7", "c", at(22), [{ price: 1000 }]), order("o8", "c", at(22), [{ price: 1000 }]));
    expect((await p.lots("nth:")).length).toBe(2);
    await p.given(at(23), order("o9", "c", at(23), [{ price: 1000 }]), order("o10", "c", at(23), [{ price: 1000 }]));
    expect((await p.lots("nth:")).length).toBe(2);
    await p.given(at(23), order("o11", "c", at(23), [{ price: 1000 }]));
    expect((await p.lots("nth:")).map((l) => l.key)).toEqual(["nth:c:third:1", "nth:c:third:2", "nth:c:third:3"]);
    // A cancellation that arrives before its order is held and applied with it: the order never counts.
    await p.given(at(24), cancel("o12", at(25)), order("o12", "c", at(24), [{ price: 1000 }]));
    state = await engine.members.campaigns(p.id, "c");
    expect(state.orders).toBe(9);
    expect(await engine.verify(p.key)).toEqual([]);
  });

  it("an event badge: custom events counted once each (a redelivered one is refused), awarded once, with its date", async () => {
    const p = await campaignProgram(engine, config);
    await p.given("2027-02-01T00:00:00Z", custom("review.created", "c", "2027-02-01T00:00:00Z", "r1"));
    expect(
      await engine.apply(p.key, custom("review.created", "c", "2027-02-01T00:00:00Z", "r1"), new Date("2027-02-01T01:00:00Z")),
    ).toMatchObject({
      ok: false,
      error: { code: "AlreadyApplied" },
    });
    expect((await engine.members.campaigns(p.id, "c")).badges).toEqual({});
    await p.given("2027-02-03T00:00:00Z", custom("review.created", "c", "2027-02-02T00:00:00Z", "r2"));
    await p.given("2027-02-04T00:00:00Z", custom("review.created", "c", "2027-02-04T00:00:00Z", "r3"));
    const state = await engine.members.campaigns(p.id, "c");
    expect(state.events).toEqual({ "review.created": 3 });
    expect(state.badges).toEqual({ reviewer: "2027-02-02T00:00:00.000Z" });
    expect((await p.outbox("badge.earned")).map((m) => m.payload)).toEqual([
      { customerId: "c", badge: "reviewer", name: "Reviewer", earnedAt: "2027-02-02T00:00:00.000Z" },
    ]);
  });
});
