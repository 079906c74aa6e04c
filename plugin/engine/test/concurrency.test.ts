import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultProgramConfig, type Engine } from "../src/index.ts";
import { openTestEngine, uniqueProgramKey } from "./support/backends.ts";
import { adjust, order, spend } from "./support/events.ts";

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
    for await (const m of engine.members(program, now)) total += m.points.available;
    expect(total).toBe(Array.from({ length: 60 }, (_, i) => 10 * (i + 1)).reduce((a, b) => a + b, 0));
    expect(await engine.verify(program)).toEqual([]);
  });
});
