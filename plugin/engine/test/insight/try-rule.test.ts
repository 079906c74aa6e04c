import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { programConfig } from "../../../../test/support/program-fixture.ts";
import { type Engine, executeAdmin, ProgramConfig, tryRule } from "../../src/index.ts";
import { codeOf, field, json } from "../api/support.ts";
import { openTestEngine, uniqueProgramKey } from "../support/backends.ts";

const NOW = new Date("2026-06-03T12:00:00Z");
const config = ProgramConfig.parse(programConfig({ timezone: "Europe/Berlin" }));

const doubleWeekends = {
  id: "weekend",
  name: "Double points at weekends on orders over 100.00",
  trigger: "order.paid",
  condition: { ">": [{ var: "event.subtotal" }, 10000] },
  reward: { points: { perUnit: 2 } },
  tierMultipliers: { gold: 1.5 },
  cap: { points: 300, period: "month" },
  schedule: { daysOfWeek: [6, 7] },
};

describe("tryRule (pure)", () => {
  it("a Saturday order of 123.45 for a Gold member: every step, the reward worked out, the cap applied", () => {
    const trial = tryRule(config, doubleWeekends, { subtotal: 12345, currency: "USD", at: "2026-06-06T10:00:00Z" }, "gold", NOW);
    expect(trial).toEqual({
      ok: true,
      value: {
        applies: true,
        points: 300,
        growth: 0,
        steps: [
          { check: "trigger", passed: true, detail: "the rule earns on order.paid" },
          { check: "currency", passed: true, detail: "the order is in USD, the program's currency" },
          {
            check: "schedule",
            passed: true,
            detail: "on Sat, Sun, in Europe/Berlin; the order at 2026-06-06 12:00 Sat (Europe/Berlin) is inside it",
          },
          { check: "condition", passed: true, detail: '{">":[{"var":"event.subtotal"},10000]} gives true over { event, member }' },
          { check: "reward", passed: true, detail: "2 points per 1.00 of 123.45 eligible = 246" },
          { check: "tierMultiplier", passed: true, detail: "Gold ×1.5: 246 → 369 points" },
          {
            check: "cap",
            passed: true,
            detail: "at most 300 points per member per month; a trial has no earlier usage: it limits 369 points to 300, 0 growth to 0",
          },
        ],
      },
    });
  });

  it("a weekday order below the condition: the schedule and the condition say why nothing is earned", () => {
    const trial = tryRule(config, doubleWeekends, { subtotal: 5000, currency: "USD", at: "2026-06-03T10:00:00Z" }, null, NOW);
    if (!trial.ok) throw new Error(trial.error.message);
    expect(trial.value.applies).toBe(false);
    expect(trial.value.points).toBe(0);
    expect(trial.value.steps.filter((s) => !s.passed).map((s) => [s.check, s.detail])).toEqual([
      ["schedule", "on Sat, Sun, in Europe/Berlin; the order at 2026-06-03 12:00 Wed (Europe/Berlin) is outside it"],
      ["condition", '{">":[{"var":"event.subtotal"},10000]} gives false over { event, member }'],
      ["reward", "no reward: the rule does not apply to this order"],
    ]);
  });

  it("lines: only the rule's collections count, the order discount shared in proportion; another currency earns nothing", () => {
    const rule = {
      id: "sale",
      name: "Sale",
      trigger: "order.paid",
      lines: { collectionIds: ["sale"] },
      reward: { points: { perUnit: 1 } },
    };
    const order = {
      subtotal: 9000,
      currency: "USD",
      discount: 1000,
      lines: [
        { productId: "p1", collectionIds: ["sale"], quantity: 2, price: 2500 },
        { productId: "p2", quantity: 1, price: 5000 },
      ],
    };
    const trial = tryRule(config, rule, order, null, NOW);
    if (!trial.ok) throw new Error(trial.error.message);
    expect(trial.value.points).toBe(45);
    expect(trial.value.steps.find((s) => s.check === "reward")?.detail).toBe("1 points per 1.00 of 45.00 eligible (lines line-1) = 45");
    const euros = tryRule(config, rule, { ...order, currency: "EUR" }, null, NOW);
    expect(euros.ok && [euros.value.applies, euros.value.points, euros.value.steps[1]?.passed]).toEqual([false, 0, false]);
  });

  it("a bad rule answers InvalidConfig with the rule's issues; a bad order names its field; an unknown tier is refused", () => {
    expect(
      tryRule(config, { ...doubleWeekends, reward: {}, tierMultipliers: { diamond: 2 } }, { subtotal: 1, currency: "USD" }, null, NOW),
    ).toEqual({
      ok: false,
      error: {
        code: "InvalidConfig",
        message: "invalid rule: rule.reward: a reward needs points or growth; rule.tierMultipliers.diamond: unknown tier diamond",
        issues: ["rule.reward: a reward needs points or growth", "rule.tierMultipliers.diamond: unknown tier diamond"],
      },
    });
    const bad = (order: unknown) => {
      const r = tryRule(config, doubleWeekends, order, null, NOW);
      return r.ok ? null : r.error.message;
    };
    expect(bad({ subtotal: -1, currency: "USD" })).toMatch(/^order\.subtotal: /);
    expect(bad({ subtotal: 100, currency: "usd" })).toBe("order.currency: an ISO 4217 code such as USD");
    expect(bad({ subtotal: 100, currency: "USD", lines: [{ quantity: 1, price: 1.5 }] })).toMatch(/^order\.lines\.0\.price: /);
    expect(bad({ subtotal: 100, currency: "USD", lines: [{ quantity: 1, price: 90 }] })).toBe(
      "order.subtotal: 100 is not what the lines come to after the discount (90)",
    );
    expect(bad({ subtotal: 100, currency: "USD", tip: 5 })).toMatch(/^order: .*tip/);
    expect(tryRule(config, doubleWeekends, { subtotal: 1, currency: "USD" }, "diamond", NOW)).toMatchObject({
      ok: false,
      error: { code: "UnknownTier" },
    });
  });
});

/** Random order rules the earn path supports, with the conditions and schedules an owner writes. */
const ruleArb = fc.record({
  id: fc.constant("trial"),
  name: fc.constant("Trial"),
  trigger: fc.constant("order.paid"),
  reward: fc.oneof(
    fc.record({ points: fc.record({ perUnit: fc.integer({ min: 1, max: 1000 }).map((n) => n / 100) }) }),
    fc.record({
      points: fc.record({ fixed: fc.integer({ min: 0, max: 500 }) }),
      growth: fc.record({ fixed: fc.integer({ min: 0, max: 50 }) }),
    }),
    fc.record({ points: fc.record({ multiplier: fc.integer({ min: 101, max: 300 }).map((n) => n / 100) }) }),
  ),
  condition: fc.option(
    fc.integer({ min: 0, max: 20000 }).map((n) => ({ ">=": [{ var: "event.subtotal" }, n] })),
    { nil: undefined },
  ),
  lines: fc.option(fc.record({ collectionIds: fc.constant(["sale"]) }), { nil: undefined }),
  cap: fc.option(fc.record({ points: fc.integer({ min: 0, max: 300 }), period: fc.constantFrom("day", "month", "lifetime") }), {
    nil: undefined,
  }),
  schedule: fc.option(fc.record({ daysOfWeek: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }) }), {
    nil: undefined,
  }),
});

const orderArb = fc.record({
  lines: fc.array(fc.record({ sale: fc.boolean(), quantity: fc.integer({ min: 1, max: 3 }), price: fc.integer({ min: 0, max: 20000 }) }), {
    minLength: 1,
    maxLength: 4,
  }),
  discount: fc.integer({ min: 0, max: 2000 }),
  day: fc.integer({ min: 1, max: 28 }),
});

describe("tryRule and the real earn path (PGlite)", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine("pglite");
  });
  afterAll(() => engine.close());

  it("for random rules and orders, the trial's points and growth are what engine.apply awards a new member with that one rule", async () => {
    await fc.assert(
      fc.asyncProperty(ruleArb, orderArb, async (rule, o) => {
        const program = uniqueProgramKey("trial");
        const created = await engine.createProgram({
          key: program,
          platform: "custom",
          config: { ...config, rules: [rule] },
          actor: "t",
          now: NOW,
        });
        if (!created.ok) throw new Error(created.error.message);
        const at = `2026-05-${String(o.day).padStart(2, "0")}T10:00:00Z`;
        const total = o.lines.reduce((s, l) => s + l.quantity * l.price, 0);
        const subtotal = Math.max(0, total - o.discount);
        const lines = o.lines.map((l) => ({ collectionIds: l.sale ? ["sale"] : [], quantity: l.quantity, price: l.price }));
        const trial = tryRule(created.value.config, rule, { subtotal, currency: "USD", discount: o.discount, lines, at }, null, NOW);
        if (!trial.ok) throw new Error(trial.error.message);
        const paid = {
          type: "order.paid",
          orderId: "o1",
          customerId: "c1",
          occurredAt: at,
          currency: "USD",
          lines: o.lines.map((l, i) => ({
            lineId: `line-${i + 1}`,
            collectionIds: l.sale ? ["sale"] : [],
            quantity: l.quantity,
            unitPrice: l.price,
          })),
          orderDiscount: o.discount,
        };
        const applied = await engine.apply(program, paid, NOW);
        if (!applied.ok) throw new Error(applied.error.message);
        const member = await engine.member(program, "c1", NOW);
        if (!member.ok) throw new Error(member.error.message);
        const earned = member.value.points.available + member.value.points.pending;
        expect([trial.value.points, trial.value.growth]).toEqual([earned, member.value.growth]);
        expect(trial.value.applies).toBe(earned > 0 || member.value.growth > 0);
      }),
      { numRuns: 60, seed: 1515 },
    );
  });
});

describe("tryRule over the admin API", () => {
  let engine: Engine;
  let program: string;
  beforeAll(async () => {
    engine = await openTestEngine("pglite");
    program = uniqueProgramKey("try-api");
    const created = await engine.createProgram({ key: program, platform: "custom", config, actor: "t", now: NOW });
    if (!created.ok) throw new Error(created.error.message);
  });
  afterAll(() => engine.close());

  const TRY = `query Try($rule: JSON!, $order: JSON!, $tier: ID) { tryRule(rule: $rule, order: $order, tier: $tier) {
    applies points growth steps { check passed detail } } }`;
  const ask = (variables: Record<string, unknown>) => executeAdmin(engine, { program, actor: "ops", now: NOW }, { query: TRY, variables });

  it("answers the trial; a bad order is BAD_USER_INPUT naming the field, a bad rule InvalidConfig with issues", async () => {
    const trial = field<{ applies: boolean; points: number }>(
      await ask({ rule: doubleWeekends, order: { subtotal: 12345, currency: "USD", at: "2026-06-06T10:00:00Z" }, tier: "silver" }),
      "tryRule",
    );
    expect([trial.applies, trial.points]).toEqual([true, 246]);
    const badOrder = json(await ask({ rule: doubleWeekends, order: { subtotal: "12", currency: "USD" } }));
    expect(badOrder.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^order\.subtotal: /),
      extensions: { code: "BAD_USER_INPUT" },
    });
    const badRule = json(await ask({ rule: { ...doubleWeekends, trigger: "order.shipped" }, order: { subtotal: 1, currency: "USD" } }));
    expect(badRule.errors?.[0]?.extensions).toMatchObject({
      code: "InvalidConfig",
      issues: expect.arrayContaining([expect.stringMatching(/^rule\.trigger: /)]),
    });
    expect(codeOf(await ask({ rule: doubleWeekends, order: { subtotal: 1, currency: "USD" }, tier: "diamond" }))).toBe("BAD_USER_INPUT");
  });
});
