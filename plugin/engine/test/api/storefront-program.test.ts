import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { programConfig } from "../../../../test/support/program-fixture.ts";
import { type Engine, executeStorefront } from "../../src/index.ts";
import { type BackendName, backends, openTestEngine, uniqueProgramKey } from "../support/backends.ts";
import { json, NOW } from "./support.ts";

const PROGRAM = "{ program { name currency waysToEarn { id name trigger pointsPerUnit points multiplier } } }";

/** Every kind of earn rule, plus the ones a shopper must not see (disabled, schedule ended). */
const rules = [
  { id: "base", name: "1 point per $1", trigger: "order.paid", reward: { points: { perUnit: 1 }, growth: { perUnit: 1 } } },
  { id: "signup", name: "Join: 50 points", trigger: "customer.created", reward: { points: { fixed: 50 } } },
  { id: "review", name: "Write a review", trigger: "custom:review.created", reward: { points: { fixed: 20 } }, priority: -1 },
  { id: "double", name: "Double points weekends", trigger: "order.paid", reward: { points: { multiplier: 2 } }, priority: 5 },
  { id: "tier-only", name: "Spend counts towards your tier", trigger: "order.paid", reward: { growth: { perUnit: 1 } } },
  { id: "off", name: "Retired", trigger: "order.paid", reward: { points: { fixed: 5 } }, enabled: false },
  {
    id: "ended",
    name: "Spring bonus",
    trigger: "order.paid",
    reward: { points: { fixed: 100 } },
    schedule: { from: "2026-03-01T00:00:00Z", to: "2026-06-01T12:00:00Z" },
  },
  {
    id: "soon",
    name: "Summer bonus",
    trigger: "order.paid",
    reward: { points: { fixed: 100 } },
    schedule: { from: "2026-07-01T00:00:00Z", to: "2026-08-01T00:00:00Z" },
  },
];

describe.each<BackendName>(backends)("storefront GraphQL: program (%s)", (backend) => {
  let engine: Engine;
  let program: string;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
    program = uniqueProgramKey("sfprog");
    const config = programConfig({ name: "Acme Club", currency: "EUR", rules: rules as never });
    const created = await engine.createProgram({ key: program, platform: "shopify", config, actor: "setup", now: NOW });
    if (!created.ok) throw new Error(created.error.message);
  });
  afterAll(() => engine.close());

  const ask = (customerId: string | null) => executeStorefront(engine, { program, customerId, now: NOW }, { query: PROGRAM });

  it("names the program and lists its ways to earn, highest priority first, without disabled or ended rules", async () => {
    const way = (
      id: string,
      name: string,
      trigger: string,
      amount: Partial<Record<"pointsPerUnit" | "points" | "multiplier", number>>,
    ) => ({
      id,
      name,
      trigger,
      pointsPerUnit: null,
      points: null,
      multiplier: null,
      ...amount,
    });
    const expected = {
      data: {
        program: {
          name: "Acme Club",
          currency: "EUR",
          waysToEarn: [
            way("double", "Double points weekends", "order.paid", { multiplier: 2 }),
            way("base", "1 point per $1", "order.paid", { pointsPerUnit: 1 }),
            way("signup", "Join: 50 points", "customer.created", { points: 50 }),
            way("tier-only", "Spend counts towards your tier", "order.paid", {}),
            way("soon", "Summer bonus", "order.paid", { points: 100 }),
            way("review", "Write a review", "custom:review.created", { points: 20 }),
          ],
        },
      },
    };
    // The same for a guest and for anyone signed in (no member record needed).
    expect(json(await ask(null))).toEqual(expected);
    expect(json(await ask("someone"))).toEqual(expected);
  });

  it("an unknown program is an error, not an empty program", async () => {
    const result = json(await executeStorefront(engine, { program: "no-such-program", customerId: null, now: NOW }, { query: PROGRAM }));
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/no-such-program|program/i);
  });
});
