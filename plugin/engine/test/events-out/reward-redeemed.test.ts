import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rewards } from "../../../../test/support/program-fixture.ts";
import type { Engine } from "../../src/index.ts";
import { NOW, rewardsProgram } from "../redemption/support.ts";
import { backends, openTestEngine, uniqueProgramKey } from "../support/backends.ts";

describe.each(backends)("reward.redeemed goes out once a redemption has its code (%s)", (backend) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
  });
  afterAll(() => engine.close());

  it("given a redemption reserved, confirmed twice and another cancelled, then one reward.redeemed with the code and one points.spent each", async () => {
    const key = await rewardsProgram(engine, uniqueProgramKey("redeemed"), [{ ...rewards.fiveOff, cost: 100 }], ["c1"]);
    const made = await engine.events.endpoints.create({
      program: key,
      url: "https://crm.example.com/r",
      topics: ["reward.redeemed", "points.spent"],
      actor: "owner",
      now: NOW,
    });
    expect(made.ok).toBe(true);
    const ref = { program: key, now: NOW };
    expect((await engine.redemptions.reserve({ ...ref, customerId: "c1", rewardId: "five-off", key: "ok" })).ok).toBe(true);
    expect((await engine.redemptions.reserve({ ...ref, customerId: "c1", rewardId: "five-off", key: "ko" })).ok).toBe(true);
    for (let i = 0; i < 2; i++)
      expect((await engine.redemptions.confirm({ ...ref, key: "ok", code: "KIN-AAAA", platformRef: null })).ok).toBe(true);
    expect((await engine.redemptions.cancel({ ...ref, key: "ko", error: "platform said no" })).ok).toBe(true);
    const page = await engine.events.deliveries(key);
    if (!page.ok) throw new Error(page.error.message);
    const seen = page.value.deliveries.map((d) => [d.topic, d.payload.code ?? d.payload.spendKey]).sort();
    expect(seen).toEqual([
      ["points.spent", "redeem:ko"],
      ["points.spent", "redeem:ok"],
      ["reward.redeemed", "KIN-AAAA"],
    ]);
    const redeemed = page.value.deliveries.find((d) => d.topic === "reward.redeemed");
    expect(redeemed?.payload).toEqual({ customerId: "c1", rewardId: "five-off", points: 100, code: "KIN-AAAA", redemptionKey: "ok" });
  });
});
