import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engine, executeAdmin, executeStorefront, membershipValue } from "../../src/index.ts";
import { openTestEngine } from "../support/backends.ts";
import { apply, planProgram, seedPlanProgram } from "./support.ts";

const START = Date.parse("2025-12-01T00:00:00Z");
const PLAN_AT = "2026-01-01T00:00:00Z";
const NOW = "2026-12-31T00:00:00Z";
const SPAN = Date.parse("2026-12-30T00:00:00Z") - START;

/** A year of the plan "plus" (99.00 a year), three rewards and two partners with perk pools. */
function yearProgram(freeShipping: boolean) {
  const base = planProgram("immediately");
  return {
    ...base,
    plans: base.plans?.map((p) => ({ ...p, period: "year" as const, freeShipping })),
    rewards: [
      { id: "five", name: "5.00 off", cost: 100, kind: "amountOff" as const, value: 500 },
      { id: "pct", name: "10% off", cost: 100, kind: "percentOff" as const, value: 10 },
      { id: "ship", name: "Free shipping", cost: 100, kind: "freeShipping" as const, value: 0 },
    ],
    partners: [
      { key: "cafe", name: "Café", perk: "a coffee", settlementPrice: 250, claimLimit: { count: 1000, period: "lifetime" as const } },
      { key: "gym", name: "Gym", perk: "a day pass", settlementPrice: 1200, claimLimit: { count: 1000, period: "lifetime" as const } },
    ],
  };
}

const action = fc.oneof(
  fc.record({
    kind: fc.constant("order" as const),
    lines: fc.array(fc.record({ price: fc.integer({ min: 100, max: 50_000 }), saving: fc.integer({ min: 0, max: 5_000 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
    shipping: fc.integer({ min: 0, max: 2_000 }),
    shippingOff: fc.integer({ min: 0, max: 2_000 }),
  }),
  fc.record({ kind: fc.constant("redeem" as const), reward: fc.constantFrom("five", "pct", "ship"), confirm: fc.boolean() }),
  fc.record({ kind: fc.constant("claim" as const), partner: fc.constantFrom("cafe", "gym") }),
);
const year = fc.array(fc.record({ at: fc.integer({ min: 0, max: SPAN }), action }), { maxLength: 25 });

describe("value realised (Postgres)", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine("postgres");
  });
  afterAll(async () => {
    await engine.close();
  });

  it("membershipValue: total is the sum of the parts, and exceeds the fee only when greater", () => {
    const part = fc.integer({ min: 0, max: 1e9 });
    fc.assert(
      fc.property(part, part, part, part, part, (memberPrices, freeShipping, rewards, perks, fee) => {
        const v = membershipValue({ memberPrices, freeShipping, rewards, perks }, fee);
        expect(v.total).toBe(memberPrices + freeShipping + rewards + perks);
        expect(v.exceedsFee).toBe(v.total > fee);
      }),
    );
  });

  it("on a randomised year of orders, redemptions and perk claims, the value realised is the sum of its parts, each counted in the period", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(year, fc.boolean(), async (actions, freeShipping) => {
        run += 1;
        const p = await seedPlanProgram(engine, "immediately", yearProgram(freeShipping));
        for (const partner of ["cafe", "gym"]) {
          const codes = Array.from({ length: 30 }, (_, i) => `${partner.toUpperCase()}-${run}-${i}`);
          const imported = await engine.partners.importCodes({ program: p, partner, codes, actor: "setup", now: new Date(START) });
          expect(imported.ok).toBe(true);
        }
        await apply(
          engine,
          p,
          { type: "adjust", key: "float", customerId: "m", points: 100_000, growth: 0, reason: "float", actor: "t" },
          "2025-11-30T00:00:00Z",
        );
        const expected = { memberPrices: 0, freeShipping: 0, rewards: 0, perks: 0 };
        const timeline = [
          ...actions.map((a, i) => ({ ...a, i })),
          { at: Date.parse(PLAN_AT) - START, action: { kind: "plan" as const }, i: -1 },
        ].sort((a, b) => a.at - b.at || a.i - b.i);
        for (const { at: offset, action: a, i } of timeline) {
          const at = new Date(START + offset).toISOString();
          const counts = at >= PLAN_AT;
          if (a.kind === "plan") {
            await apply(engine, p, planLine("plan", at), at);
          } else if (a.kind === "order") {
            const lines = a.lines.map((l, j) => {
              const saving = Math.min(l.saving, l.price);
              return {
                lineId: `l${j}`,
                productId: "mug",
                collectionIds: [],
                quantity: 1,
                unitPrice: l.price,
                discount: saving,
                memberSaving: saving,
              };
            });
            const shippingOff = Math.min(a.shippingOff, a.shipping);
            const e = {
              type: "order.paid",
              orderId: `o${i}`,
              customerId: "m",
              occurredAt: at,
              currency: "USD",
              lines,
              shipping: a.shipping,
              shippingDiscount: shippingOff,
              tax: 0,
            };
            await apply(engine, p, e, at);
            if (counts) {
              expected.memberPrices += lines.reduce((s, l) => s + l.memberSaving, 0);
              if (freeShipping) expected.freeShipping += shippingOff;
            }
          } else if (a.kind === "redeem") {
            const key = `redeem-${i}`;
            const reserved = await engine.redemptions.reserve({ program: p, customerId: "m", rewardId: a.reward, key, now: new Date(at) });
            expect(reserved.ok).toBe(true);
            const settled = a.confirm
              ? await engine.redemptions.confirm({ program: p, key, now: new Date(at), code: `CODE-${i}`, platformRef: null })
              : await engine.redemptions.cancel({ program: p, key, now: new Date(at), error: "platform refused" });
            expect(settled.ok).toBe(true);
            if (counts && a.confirm && a.reward === "five") expected.rewards += 500;
          } else {
            const claimed = await engine.partners.claim({
              program: p,
              customerId: "m",
              partner: a.partner,
              key: `claim-${i}`,
              now: new Date(at),
            });
            expect(claimed.ok).toBe(true);
            if (counts) expected.perks += a.partner === "cafe" ? 250 : 1200;
          }
        }
        const total = expected.memberPrices + expected.freeShipping + expected.rewards + expected.perks;
        const value = await memberValue(engine, p);
        expect(value).toEqual({
          ...expected,
          fee: 9900,
          total,
          exceedsFee: total > 9900,
          from: "2026-01-01T00:00:00.000Z",
          to: "2026-12-31T00:00:00.000Z",
          currency: "USD",
        });
        const admin = await executeAdmin(
          engine,
          { program: p, actor: "t", now: new Date(NOW) },
          {
            query:
              "{ plans { plan { key } active valueExceedsFee } dashboard { membership { paying valueExceedsFee shareExceedingFee } } }",
          },
        );
        const exceeds = total > 9900 ? 1 : 0;
        expect(JSON.parse(JSON.stringify(admin)).data).toEqual({
          plans: [{ plan: { key: "plus" }, active: 1, valueExceedsFee: exceeds }],
          dashboard: { membership: { paying: 1, valueExceedsFee: exceeds, shareExceedingFee: exceeds } },
        });
      }),
      { numRuns: 8 },
    );
  });
});

function planLine(orderId: string, at: string) {
  return {
    type: "order.paid",
    orderId,
    customerId: "m",
    occurredAt: at,
    currency: "USD",
    lines: [{ lineId: `${orderId}-plan`, productId: "plus-plan", collectionIds: [], quantity: 1, unitPrice: 9900 }],
  };
}

async function memberValue(engine: Engine, program: string) {
  const r = await executeStorefront(
    engine,
    { program, customerId: "m", now: new Date(NOW) },
    { query: "{ me { membership { value { from to currency fee memberPrices freeShipping rewards perks total exceedsFee } } } }" },
  );
  const data = JSON.parse(JSON.stringify(r));
  if (data.errors) throw new Error(JSON.stringify(data.errors));
  return data.data.me.membership.value;
}
