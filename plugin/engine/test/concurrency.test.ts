import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultProgramConfig, type Engine } from "../src/index.ts";
import { openTestEngine, uniqueProgramKey } from "./support/backends.ts";
import { adjust, cancel, order, refund, spend } from "./support/events.ts";

const now = new Date("2026-03-02T00:00:00Z");

describe("concurrency on real Postgres", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine("postgres", 20);
  });
  afterAll(async () => {
    await engine.close();
  });

  it("100 concurrent redemptions against one member never overspend", async () => {
    const program = uniqueProgramKey("race");
    await engine.createProgram({ key: program, platform: "shopify", config: defaultProgramConfig(), actor: "test", now });
    await engine.apply(program, order("o1", "c1", "2026-03-01T00:00:00Z", [{ price: 60000 }]), now);
    await engine.apply(program, order("o2", "c1", "2026-03-01T01:00:00Z", [{ price: 40000 }]), now);

    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => engine.apply(program, spend("c1", 30, `redeem-${i}`), now)));
    const succeeded = results.filter((r) => r.ok).length;
    const refused = results.filter((r) => !r.ok && r.error.code === "InsufficientPoints").length;
    expect(succeeded).toBe(33);
    expect(refused).toBe(67);

    const member = await engine.member(program, "c1", now);
    expect(member.ok && member.value.points.available).toBe(10);
    expect(await engine.verify(program)).toEqual([]);
  });

  it("the same redemption delivered 20 times at once is applied once", async () => {
    const program = uniqueProgramKey("race");
    await engine.createProgram({ key: program, platform: "shopify", config: defaultProgramConfig(), actor: "test", now });
    await engine.apply(program, adjust("c1", 500), now);
    const results = await Promise.all(Array.from({ length: 20 }, () => engine.apply(program, spend("c1", 100, "one-and-only"), now)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === "AlreadyApplied")).toHaveLength(19);
    const member = await engine.member(program, "c1", now);
    expect(member.ok && member.value.points.available).toBe(400);
  });

  it("orders for many members, each delivered 3 times concurrently, credit each exactly once", async () => {
    const program = uniqueProgramKey("race");
    await engine.createProgram({ key: program, platform: "shopify", config: defaultProgramConfig(), actor: "test", now });
    const events = Array.from({ length: 60 }, (_, i) => order(`o${i}`, `c${i % 7}`, "2026-03-01T00:00:00Z", [{ price: 1000 * (i + 1) }]));
    const deliveries = [...events, ...events, ...events].sort(() => 0.5 - Math.random());
    const results = await Promise.all(deliveries.map((e) => engine.apply(program, e, now)));
    expect(results.filter((r) => r.ok)).toHaveLength(60);
    let total = 0;
    for await (const m of engine.members.list(program, now)) total += m.points.available;
    expect(total).toBe(Array.from({ length: 60 }, (_, i) => 10 * (i + 1)).reduce((a, b) => a + b, 0));
    expect(await engine.verify(program)).toEqual([]);
  });

  it("refunds and cancellations racing their orders, all delivered up to 3 times at once, end as if applied in order", async () => {
    const program = uniqueProgramKey("race");
    await engine.createProgram({ key: program, platform: "shopify", config: defaultProgramConfig(), actor: "test", now });
    const events = Array.from({ length: 30 }, (_, i) => {
      const id = `o${i}`;
      const placed = order(id, `c${i % 5}`, "2026-03-01T00:00:00Z", [
        { id: `${id}-a`, price: 10000 },
        { id: `${id}-b`, price: 5000 },
      ]);
      if (i % 3 === 0) return [placed, refund(`r${i}`, id, "2026-03-01T02:00:00Z", { lines: [{ id: `${id}-b`, amount: 5000 }] })];
      if (i % 3 === 1) return [placed, cancel(id, "2026-03-01T03:00:00Z")];
      return [placed, refund(`r${i}`, id, "2026-03-01T02:00:00Z", { amount: 3000 })];
    }).flat();
    const deliveries = events.flatMap((e, i) => Array.from({ length: 1 + (i % 3) }, () => e)).sort(() => 0.5 - Math.random());
    const results = await Promise.all(deliveries.map((e) => engine.apply(program, e, now)));
    expect(results.filter((r) => !r.ok && r.error.code !== "AlreadyApplied")).toEqual([]);
    // Per order of 150.00: line b refunded → 100 kept; cancelled → 0; 30.00 of 150.00 refunded → 120 kept.
    const expected = new Map<string, number>();
    for (let i = 0; i < 30; i++) expected.set(`c${i % 5}`, (expected.get(`c${i % 5}`) ?? 0) + ([100, 0, 120][i % 3] ?? 0));
    for (const [customer, points] of expected) {
      const m = await engine.member(program, customer, now);
      expect(m.ok && m.value.points.available).toBe(points);
      expect(m.ok && m.value.growth).toBe(points);
    }
    expect(await engine.verify(program)).toEqual([]);
  });
});
