import { defaultProgramConfig } from "@kinship/engine";
import fc from "fast-check";
import type { RuleGroupType, RuleType } from "react-querybuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConditionContext, conditionFields, conditionToQuery, emptyQuery, queryToCondition } from "../shared/rule-builder.ts";
import { NOW, openShop, openTestEngine, order } from "./support/shop.ts";

const ctx: ConditionContext = {
  currency: "USD",
  tiers: [
    { key: "member", name: "Member" },
    { key: "silver", name: "Silver" },
    { key: "gold", name: "Gold" },
  ],
  trigger: "order.paid",
};

function condition(query: RuleGroupType, context = ctx) {
  const result = queryToCondition(query, context);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.condition;
}

const rule = (field: string, operator: string, value: unknown): RuleType => ({ field, operator, value });

describe("the condition builder's model", () => {
  it("'subtotal ≥ 100.00 and tier is gold' becomes the JsonLogic the engine reads, in minor units", () => {
    const query: RuleGroupType = { combinator: "and", rules: [rule("event.subtotal", ">=", "100.00"), rule("member.tier", "=", "gold")] };
    expect(condition(query)).toEqual({ and: [{ ">=": [{ var: "event.subtotal" }, 10000] }, { "==": [{ var: "member.tier" }, "gold"] }] });
  });

  it("one condition is written bare, as the README's own rules are; no condition is no JsonLogic at all", () => {
    expect(condition({ combinator: "and", rules: [rule("event.subtotal", ">=", "100")] })).toEqual({
      ">=": [{ var: "event.subtotal" }, 10000],
    });
    // groups of one inside groups of one, too (found by the property below)
    const nested: RuleGroupType = { combinator: "or", rules: [{ combinator: "and", rules: [rule("member.tags", "contains", "!")] }] };
    expect(condition(nested)).toEqual({ in: ["!", { var: "member.tags" }] });
    expect(conditionToQuery({ and: [{ or: [{ in: ["!", { var: "member.tags" }] }] }] }, ctx).ok).toBe(true);
    expect(condition(emptyQuery())).toBeUndefined();
    expect(conditionToQuery(undefined, ctx)).toEqual({ ok: true, query: emptyQuery() });
    expect(conditionToQuery({}, ctx)).toEqual({ ok: true, query: emptyQuery() });
  });

  it("reads the README's condition back with its amount in dollars, and a JPY amount without decimals", () => {
    const readme = conditionToQuery({ ">=": [{ var: "event.subtotal" }, 10000] }, ctx);
    expect(readme.ok && readme.query.rules).toMatchObject([{ field: "event.subtotal", operator: ">=", value: "100.00" }]);
    const yen = conditionToQuery({ ">": [{ var: "event.subtotal" }, 5000] }, { ...ctx, currency: "JPY" });
    expect(yen.ok && yen.query.rules).toMatchObject([{ value: "5000" }]);
    expect(condition({ combinator: "and", rules: [rule("event.subtotal", "between", ["0.10", "0.29"])] })).toEqual({
      "<=": [10, { var: "event.subtotal" }, 29],
    });
  });

  it("lists, tags and counts: tier is one of, tags include, number of lines", () => {
    const query: RuleGroupType = {
      combinator: "or",
      not: true,
      rules: [
        rule("member.tier", "notIn", ["silver", "gold"]),
        rule("member.tags", "contains", "vip"),
        { combinator: "and", rules: [rule("event.lines.length", ">", "2"), rule("event.currency", "=", "USD")] },
      ],
    };
    expect(condition(query)).toEqual({
      "!": {
        or: [
          { "!": { in: [{ var: "member.tier" }, ["silver", "gold"]] } },
          { in: ["vip", { var: "member.tags" }] },
          { and: [{ ">": [{ var: "event.lines.length" }, 2] }, { "==": [{ var: "event.currency" }, "USD"] }] },
        ],
      },
    });
  });

  it("reports values that do not parse next to their rule, instead of writing anything", () => {
    const result = queryToCondition(
      {
        combinator: "and",
        rules: [
          rule("event.subtotal", ">=", "12.345"),
          { combinator: "or", rules: [rule("member.tier", "=", "diamond"), rule("member.tags", "contains", " ")] },
          rule("event.lines.length", "contains", "2"),
        ],
      },
      ctx,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: [0], message: "USD amounts have at most 2 decimals" },
        { path: [1, 0], message: "Choose a tier" },
        { path: [1, 1], message: "Enter a tag" },
        { path: [2], message: '"includes" does not apply to Number of order lines' },
      ],
    });
  });

  it("refuses JsonLogic it cannot show exactly, so the screen can offer the raw JSON", () => {
    const refused = [
      { some: [{ var: "event.lines" }, { "==": [{ var: "productId" }, "tee"] }] },
      { ">=": [{ var: "event.subtotal" }, 99.5] },
      { "==": [{ var: "member.tags" }, "vip"] },
      { "==": [{ var: "member.birthday" }, "2000-01-01"] },
      { and: [{ ">=": [{ var: "event.subtotal" }, 100] }, { "==": [{ var: "event.payload.stars" }, 5] }] },
    ];
    for (const c of refused) expect(conditionToQuery(c, ctx).ok, JSON.stringify(c)).toBe(false);
    // order fields mean nothing to a welcome rule
    expect(conditionToQuery({ ">=": [{ var: "event.subtotal" }, 100] }, { ...ctx, trigger: "customer.created" }).ok).toBe(false);
    expect(conditionFields({ ...ctx, trigger: "customer.created" }).map((f) => f.name)).toEqual([
      "member.tier",
      "member.tags",
      "member.growth",
    ]);
  });

  it("property: any query built from the allowed fields survives JsonLogic → query → JsonLogic unchanged", () => {
    fc.assert(
      fc.property(arbitraryGroup(3), fc.constantFrom("USD", "JPY", "KWD"), (query, currency) => {
        const context = { ...ctx, currency };
        const first = queryToCondition(withCurrency(query, currency), context);
        if (!first.ok) throw new Error(`generated an invalid query: ${JSON.stringify(first.errors)}`);
        const back = conditionToQuery(first.condition, context);
        if (!back.ok) throw new Error(`could not read back ${JSON.stringify(first.condition)}: ${back.reason}`);
        expect(queryToCondition(back.query, context)).toEqual(first);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("the JsonLogic the builder writes, evaluated by the engine", () => {
  let engine: Awaited<ReturnType<typeof openTestEngine>>;
  beforeAll(async () => {
    engine = await openTestEngine();
  });
  afterAll(() => engine.close());

  it("each field reads what the engine passes in: subtotal, line count, currency, tier, tags, growth", async () => {
    const built = (id: string, query: RuleGroupType, points: number) => ({
      id,
      name: id,
      trigger: "order.paid",
      condition: condition(query),
      reward: { points: { fixed: points } },
    });
    const one = (r: RuleType): RuleGroupType => ({ combinator: "and", rules: [r] });
    const shop = await openShop(engine, {
      config: {
        ...defaultProgramConfig("USD"),
        rules: [
          built("subtotal-between", one(rule("event.subtotal", "between", ["50.00", "60.00"])), 1),
          built("two-lines", one(rule("event.lines.length", ">=", "2")), 2),
          built("three-lines", one(rule("event.lines.length", ">=", "3")), 4),
          built("usd", one(rule("event.currency", "=", "USD")), 8),
          built("member-tier", one(rule("member.tier", "in", ["member", "silver"])), 16),
          built("gold", one(rule("member.tier", "=", "gold")), 32),
          built("vip", one(rule("member.tags", "contains", "vip")), 64),
          built("no-vip", one(rule("member.tags", "doesNotContain", "vip")), 128),
          built("growth", one(rule("member.growth", "<", "1")), 256),
        ],
      },
    });
    await shop.apply({ type: "customer.created", customerId: "cus_tags", occurredAt: "2026-05-01T10:00:00Z", tags: ["vip", "wholesale"] });
    await shop.apply(order("o-1", "cus_tags", "2026-05-20T10:00:00Z", [{ price: 3000 }, { price: 2500 }]));
    const member = await engine.member(shop.program, "cus_tags", NOW);
    if (!member.ok) throw new Error(member.error.message);
    expect(member.value.points.available).toBe(1 + 2 + 8 + 16 + 64 + 256);
  });
});

// ---- generators ---------------------------------------------------------------------------------

const money = fc.nat({ max: 10_000_000 });
const count = fc.nat({ max: 500 }).map(String);
const tier = fc.constantFrom("member", "silver", "gold");
const tag = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== "");

/** Money is generated in minor units and written as the builder shows it, per currency (fixed up in withCurrency). */
const MONEY = "__money:";

function arbitraryRule(): fc.Arbitrary<RuleType> {
  const numeric = (field: string, value: fc.Arbitrary<string>) =>
    fc.oneof(
      fc.tuple(fc.constantFrom("=", "!=", "<", "<=", ">", ">="), value).map(([op, v]) => rule(field, op, v)),
      fc.tuple(value, value).map(([a, b]) => rule(field, "between", [a, b])),
    );
  const moneyValue = money.map((m) => `${MONEY}${m}`);
  return fc.oneof(
    numeric("event.subtotal", moneyValue),
    numeric("event.shipping", moneyValue),
    numeric("event.orderDiscount", moneyValue),
    numeric("event.lines.length", count),
    numeric("member.growth", count),
    fc.tuple(fc.constantFrom("=", "!="), fc.constantFrom("USD", "EUR")).map(([op, v]) => rule("event.currency", op, v)),
    fc.tuple(fc.constantFrom("=", "!="), tier).map(([op, v]) => rule("member.tier", op, v)),
    fc
      .tuple(fc.constantFrom("in", "notIn"), fc.uniqueArray(tier, { minLength: 1, maxLength: 3 }))
      .map(([op, v]) => rule("member.tier", op, v)),
    fc.tuple(fc.constantFrom("contains", "doesNotContain"), tag).map(([op, v]) => rule("member.tags", op, v)),
  );
}

function arbitraryGroup(depth: number): fc.Arbitrary<RuleGroupType> {
  const child: fc.Arbitrary<RuleType | RuleGroupType> =
    depth <= 1 ? arbitraryRule() : fc.oneof({ weight: 3, arbitrary: arbitraryRule() }, { weight: 1, arbitrary: arbitraryGroup(depth - 1) });
  return fc.record({
    combinator: fc.constantFrom("and", "or"),
    not: fc.boolean(),
    rules: fc.array(child, { minLength: 0, maxLength: 4 }),
  });
}

/** Turns generated minor units into the decimal text the builder holds for that currency. */
function withCurrency(group: RuleGroupType, currency: string): RuleGroupType {
  const digits = currency === "JPY" ? 0 : currency === "KWD" ? 3 : 2;
  const show = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(show);
    if (typeof v !== "string" || !v.startsWith(MONEY)) return v;
    const minor = v.slice(MONEY.length).padStart(digits + 1, "0");
    return digits === 0 ? minor : `${minor.slice(0, -digits)}.${minor.slice(-digits)}`;
  };
  return {
    ...group,
    rules: group.rules.map((r) => (typeof r === "string" ? r : "rules" in r ? withCurrency(r, currency) : { ...r, value: show(r.value) })),
  };
}
