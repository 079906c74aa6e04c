import { describe, expect, it } from "vitest";
import { defaultProgramConfig, type ProgramConfigInput } from "../src/index.ts";
import { adjust, custom, customerCreated, order, refund } from "./support/events.ts";
import { ledgerKinds, ledgers } from "./support/scenario.ts";

const defaults = defaultProgramConfig("USD");
const program = (extra: Partial<ProgramConfigInput> = {}): ProgramConfigInput => ({ ...defaults, ...extra });
const base = defaults.rules[0] as NonNullable<ProgramConfigInput["rules"]>[number];

describe.each(ledgerKinds)("tiers (%s)", (kind) => {
  const open = ledgers(kind);

  it("tier upgrade happens at once when growth crosses a threshold", async () => {
    const l = (await open(program())).at("2026-03-02T00:00:00Z");
    await l.given(order("o1", "c1", "2026-03-01T10:00:00Z", [{ price: 40000 }]));
    await l.shows("c1", { tier: "member", growth: 400 });
    await l.given(order("o2", "c1", "2026-03-01T11:00:00Z", [{ price: 10000 }]));
    await l.shows("c1", { tier: "silver", growth: 500 });
  });

  it("a refund lowers growth but never downgrades outside an evaluation", async () => {
    const l = (await open(program())).at("2026-03-02T00:00:00Z");
    await l.given(
      order("o1", "c1", "2026-03-01T10:00:00Z", [
        { id: "a", price: 30000 },
        { id: "b", price: 30000 },
      ]),
    );
    await l.shows("c1", { tier: "silver", growth: 600 });
    await l.given(refund("r1", "o1", "2026-03-03T00:00:00Z", { lines: [{ id: "a", amount: 30000 }] }));
    await l.shows("c1", { tier: "silver", growth: 300 });
  });

  it("downgrade with grace: the first evaluation below the tier starts the grace, a later one after it downgrades", async () => {
    const l = (await open(program({ growth: { window: { kind: "rolling", months: 12 } }, tierPolicy: { graceDays: 30 } }))).at(
      "2025-01-16T00:00:00Z",
    );
    await l.given(order("o1", "c1", "2025-01-15T10:00:00Z", [{ price: 250000 }]));
    await l.shows("c1", { tier: "gold" });

    await l.at("2026-02-01T00:00:00Z").given({ type: "evaluate", customerId: "c1" });
    await l.shows("c1", { tier: "gold" });
    await l.at("2026-03-02T23:59:59Z").given({ type: "evaluate", customerId: "c1" });
    await l.shows("c1", { tier: "gold" });
    await l.at("2026-03-03T00:00:00Z").given({ type: "evaluate", customerId: "c1" });
    await l.shows("c1", { tier: "member" });
  });

  it("climbing back during the grace period clears it", async () => {
    const l = (await open(program({ growth: { window: { kind: "rolling", months: 12 } }, tierPolicy: { graceDays: 30 } }))).at(
      "2025-01-16T00:00:00Z",
    );
    await l.given(order("o1", "c1", "2025-01-15T10:00:00Z", [{ price: 250000 }]));
    await l.at("2026-02-01T00:00:00Z").given({ type: "evaluate", customerId: "c1" });
    await l.at("2026-02-10T00:00:00Z").given(order("o2", "c1", "2026-02-09T10:00:00Z", [{ price: 210000 }]));
    await l.at("2026-02-11T00:00:00Z").given({ type: "evaluate", customerId: "c1" });
    await l.at("2026-04-01T00:00:00Z").given({ type: "evaluate", customerId: "c1" });
    await l.shows("c1", { tier: "gold" });
  });

  it("a manual growth penalty counts toward tiers like any other growth", async () => {
    const l = (await open(program({ tierPolicy: { graceDays: 0 } }))).at("2026-03-02T00:00:00Z");
    await l.given(order("o1", "c1", "2026-03-01T10:00:00Z", [{ price: 60000 }]), adjust("c1", 0, { growth: -200, reason: "fake review" }));
    await l.shows("c1", { tier: "silver", growth: 400 });
    await l.given({ type: "evaluate", customerId: "c1" });
    await l.shows("c1", { tier: "member", available: 600 });
  });
});

describe.each(ledgerKinds)("earn rules (%s)", (kind) => {
  const open = ledgers(kind);

  it("member day: double points on Wednesdays in the program's time zone", async () => {
    const l = (
      await open(
        program({
          timezone: "Asia/Shanghai",
          rules: [
            base,
            {
              id: "member-day",
              name: "Member day",
              trigger: "order.paid",
              reward: { points: { multiplier: 2 } },
              schedule: { daysOfWeek: [3] },
            },
          ],
        }),
      )
    ).at("2026-03-06T00:00:00Z");
    // 2026-03-03T17:00Z is Wednesday 01:00 in Shanghai; 2026-03-04T17:00Z is Thursday there.
    await l.given(order("wed", "c1", "2026-03-03T17:00:00Z", [{ price: 10000 }]));
    await l.shows("c1", { available: 200, growth: 100 });
    await l.given(order("thu", "c1", "2026-03-04T17:00:00Z", [{ price: 10000 }]));
    await l.shows("c1", { available: 300, growth: 200 });
  });

  it("cap per period: a review earns 50 points, at most 100 a month", async () => {
    const review = {
      id: "review",
      name: "Review",
      trigger: "custom:review.created",
      reward: { points: { fixed: 50 } },
      cap: { points: 100, period: "month" as const },
    };
    const l = (await open(program({ rules: [base, review] }))).at("2026-04-02T00:00:00Z");
    await l.given(
      custom("review.created", "c1", "2026-03-02T10:00:00Z", "rev-1"),
      custom("review.created", "c1", "2026-03-05T10:00:00Z", "rev-2"),
      custom("review.created", "c1", "2026-03-09T10:00:00Z", "rev-3"),
    );
    await l.shows("c1", { available: 100 });
    await l.given(custom("review.created", "c1", "2026-04-01T10:00:00Z", "rev-4"));
    await l.shows("c1", { available: 150 });
    expect(await l.verify()).toEqual([]);
  });

  it("tier multiplier: gold members earn 1.5× on the base rule", async () => {
    const l = (await open(program({ rules: [{ ...base, tierMultipliers: { gold: 1.5 } }] }))).at("2026-03-02T00:00:00Z");
    await l.given(adjust("c1", 0, { growth: 2000, reason: "migrated from old program" }));
    await l.shows("c1", { tier: "gold" });
    await l.given(order("o1", "c1", "2026-03-01T10:00:00Z", [{ price: 10000 }]));
    await l.shows("c1", { available: 150, growth: 2100 });
  });

  it("JsonLogic condition: a fixed bonus for orders of 100.00 or more", async () => {
    const bonus = {
      id: "big-basket",
      name: "Big basket",
      trigger: "order.paid",
      condition: { ">=": [{ var: "event.subtotal" }, 10000] },
      reward: { points: { fixed: 100 } },
    };
    const l = (await open(program({ rules: [base, bonus] }))).at("2026-03-02T00:00:00Z");
    await l.given(order("o1", "c1", "2026-03-01T10:00:00Z", [{ price: 9999 }]));
    await l.shows("c1", { available: 99 });
    await l.given(order("o2", "c1", "2026-03-01T11:00:00Z", [{ price: 10000 }]));
    await l.shows("c1", { available: 299 });
  });

  it("category bonus: 2 extra points per unit on the shoes collection, reversed with the shoes", async () => {
    const shoes = {
      id: "shoes",
      name: "Shoes bonus",
      trigger: "order.paid",
      lines: { collectionIds: ["shoes"] },
      reward: { points: { perUnit: 2 } },
    };
    const l = (await open(program({ rules: [base, shoes] }))).at("2026-03-02T00:00:00Z");
    await l.given(
      order("o1", "c1", "2026-03-01T10:00:00Z", [
        { id: "s", price: 5000, collections: ["shoes"] },
        { id: "t", price: 3000, collections: ["shirts"] },
      ]),
    );
    await l.shows("c1", { available: 180, growth: 80 });
    await l.given(refund("r1", "o1", "2026-03-03T00:00:00Z", { lines: [{ id: "s", amount: 5000 }] }));
    await l.shows("c1", { available: 30, growth: 30 });
  });

  it("exclusive rules stop lower-priority rules", async () => {
    const vip = {
      id: "vip",
      name: "VIP flat",
      trigger: "order.paid",
      priority: 10,
      stacking: "exclusive" as const,
      reward: { points: { perUnit: 3 } },
    };
    const l = (await open(program({ rules: [base, vip] }))).at("2026-03-02T00:00:00Z");
    await l.given(order("o1", "c1", "2026-03-01T10:00:00Z", [{ price: 10000 }]));
    await l.shows("c1", { available: 300, growth: 0 });
  });

  it("welcome bonus once per customer, whatever is redelivered", async () => {
    const welcome = { id: "welcome", name: "Welcome", trigger: "customer.created", reward: { points: { fixed: 200 } } };
    const l = (await open(program({ rules: [base, welcome] }))).at("2026-03-02T00:00:00Z");
    await l.given(customerCreated("c1", "2026-03-01T10:00:00Z", { email: "ada@example.com", tags: ["vip"] }));
    expect(await l.when(customerCreated("c1", "2026-03-01T10:00:00Z", { email: "ada@example.com" }))).toEqual({
      ok: false,
      code: "AlreadyApplied",
    });
    await l.given({ type: "customer.updated", customerId: "c1", occurredAt: "2026-03-01T12:00:00Z", email: "ada@new.example.com" });
    await l.shows("c1", { available: 200 });
  });
});
