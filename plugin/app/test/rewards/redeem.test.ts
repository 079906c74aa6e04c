import type { Engine } from "@kinship/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../../test/support/engine-db.ts";
import { openTestEngine } from "../../../engine/test/support/backends.ts";
import { type DiscountIssuer, localIssuer, redeem, releaseStaleRedemptions } from "../../src/rewards/index.ts";
import { available, CODE, entryKinds, lots, memberWith, NOW, redemptions, rewardsProgram, verified } from "./support.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await openTestEngine("postgres");
});
afterAll(async () => {
  await engine.close();
});

const failing = (message: string): DiscountIssuer => ({
  name: "failing",
  issue: async () => ({ ok: false, error: { code: "DiscountFailed", message, retryable: false } }),
});

describe("redeeming a reward (Postgres, local issuer)", () => {
  it("spends the cost, returns a code, confirms the redemption; the ledger verifies", async () => {
    const program = await rewardsProgram(engine);
    await memberWith(engine, program, "c1", 1000);
    const r = await redeem({ engine, issuer: localIssuer(), program, customerId: "c1", rewardId: "five-off", now: NOW });
    expect(r).toMatchObject({ ok: true, value: { rewardId: "five-off", points: 100 } });
    const code = r.ok ? r.value.code : "";
    expect(code).toMatch(CODE);
    expect(await available(engine, program, "c1")).toBe(900);
    expect(await redemptions(engine, program)).toEqual([
      {
        key: r.ok ? r.value.key : "",
        status: "confirmed",
        code,
        platform_ref: null,
        error: null,
        points: expect.anything(),
        reward_id: "five-off",
      },
    ]);
    expect(await entryKinds(engine, program)).toEqual(["earn", "spend"]);
    await verified(engine, program);
  });

  it("a platform refusal gives the points back to the very lots they came from", async () => {
    const program = await rewardsProgram(engine);
    await memberWith(engine, program, "c1", 1000);
    const before = await lots(engine, program, "c1");
    const r = await redeem({ engine, issuer: failing("Code must be unique"), program, customerId: "c1", rewardId: "ten-pct", now: NOW });
    expect(r).toEqual({ ok: false, error: { code: "DiscountFailed", message: "Code must be unique", retryable: false } });
    expect(await available(engine, program, "c1")).toBe(1000);
    expect(await lots(engine, program, "c1")).toEqual(before);
    expect(await redemptions(engine, program)).toMatchObject([{ status: "cancelled", error: "Code must be unique" }]);
    expect(await entryKinds(engine, program)).toEqual(["earn", "spend", "unspend"]);
    await verified(engine, program);
  });

  it("an issuer that throws is compensated the same way", async () => {
    const program = await rewardsProgram(engine);
    await memberWith(engine, program, "c1", 1000);
    const throwing: DiscountIssuer = {
      name: "broken",
      issue: async () => {
        throw new Error("socket hang up");
      },
    };
    const r = await redeem({ engine, issuer: throwing, program, customerId: "c1", rewardId: "five-off", now: NOW });
    expect(r).toEqual({ ok: false, error: { code: "DiscountFailed", message: "broken: socket hang up", retryable: true } });
    expect(await available(engine, program, "c1")).toBe(1000);
    await verified(engine, program);
  });

  it("a confirmation that fails withdraws the created code and gives the points back", async () => {
    const program = await rewardsProgram(engine);
    await memberWith(engine, program, "c1", 1000);
    const revoked: string[] = [];
    // The reservation is released under the issuer's feet (as the stale sweeper would): confirm then fails.
    const slow: DiscountIssuer = {
      name: "slow",
      issue: async (req) => {
        await releaseStaleRedemptions({ engine, program, before: new Date(NOW.getTime() + 1), now: NOW });
        return { ok: true, value: { code: req.code, platformRef: "gid://shopify/DiscountCodeNode/1" } };
      },
      revoke: async (issued) => {
        revoked.push(issued.platformRef ?? "");
      },
    };
    const r = await redeem({ engine, issuer: slow, program, customerId: "c1", rewardId: "five-off", now: NOW });
    expect(r).toMatchObject({ ok: false, error: { code: "DiscountFailed" } });
    expect(revoked).toEqual(["gid://shopify/DiscountCodeNode/1"]);
    expect(await available(engine, program, "c1")).toBe(1000);
    expect(await redemptions(engine, program)).toMatchObject([{ status: "cancelled", error: "abandoned: never confirmed" }]);
    await verified(engine, program);
  });

  it("insufficient points: a typed error and nothing written", async () => {
    const program = await rewardsProgram(engine);
    await memberWith(engine, program, "c1", 150);
    const r = await redeem({ engine, issuer: localIssuer(), program, customerId: "c1", rewardId: "ten-pct", now: NOW });
    expect(r).toMatchObject({ ok: false, error: { code: "InsufficientPoints", available: 150, requested: 200 } });
    expect(await available(engine, program, "c1")).toBe(150);
    expect(await redemptions(engine, program)).toEqual([]);
    expect(await entryKinds(engine, program)).toEqual(["earn"]);
    const events = await dbOf(engine)
      .selectFrom("kinship_event")
      .innerJoin("kinship_program", "kinship_program.id", "kinship_event.program_id")
      .select("kinship_event.key")
      .where("kinship_program.key", "=", program)
      .execute();
    expect(events.map((e) => e.key)).toEqual(["order:c1-o1:paid"]);
  });

  it("a reward above the member's tier, switched off or unknown is refused before anything is spent", async () => {
    const program = await rewardsProgram(engine);
    await memberWith(engine, program, "c1", 1000); // Silver
    const at = (rewardId: string, customerId = "c1") =>
      redeem({ engine, issuer: localIssuer(), program, customerId, rewardId, now: NOW }).then((r) => (r.ok ? "ok" : r.error.code));
    expect(await at("gold-gift")).toBe("RewardNotAvailable");
    expect(await at("retired")).toBe("RewardNotAvailable");
    expect(await at("nope")).toBe("UnknownReward");
    expect(await at("five-off", "stranger")).toBe("UnknownMember");
    expect(await available(engine, program, "c1")).toBe(1000);
    expect(await redemptions(engine, program)).toEqual([]);

    await memberWith(engine, program, "c2", 2500); // Gold
    expect(await at("gold-gift", "c2")).toBe("ok");
    expect(await available(engine, program, "c2")).toBe(2400);
    await verified(engine, program);
  });

  it("retrying with the same key returns the first outcome and never spends twice", async () => {
    const program = await rewardsProgram(engine);
    await memberWith(engine, program, "c1", 1000);
    const call = (issuer: DiscountIssuer, key: string) =>
      redeem({ engine, issuer, program, customerId: "c1", rewardId: "five-off", now: NOW, key });
    const first = await call(localIssuer(), "attempt-1");
    const again = await call(localIssuer(), "attempt-1");
    expect(first.ok && again.ok && again.value.code === first.value.code).toBe(true);
    expect(await available(engine, program, "c1")).toBe(900);

    const failed = await call(failing("shop closed"), "attempt-2");
    const replayed = await call(localIssuer(), "attempt-2");
    expect(failed).toMatchObject({ ok: false, error: { code: "DiscountFailed" } });
    expect(replayed).toMatchObject({ ok: false, error: { code: "DiscountFailed", message: "redemption attempt-2 failed: shop closed" } });
    expect(await available(engine, program, "c1")).toBe(900);

    const fresh = await call(localIssuer(), "attempt-3");
    expect(fresh.ok).toBe(true);
    expect(await available(engine, program, "c1")).toBe(800);
    await verified(engine, program);
  });

  it("20 concurrent redemptions of a 100-point reward with 1000 points: exactly 10 codes", async () => {
    const program = await rewardsProgram(engine);
    await memberWith(engine, program, "c1", 1000);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        redeem({ engine, issuer: localIssuer(), program, customerId: "c1", rewardId: "five-off", now: NOW }),
      ),
    );
    const codes = results.flatMap((r) => (r.ok ? [r.value.code] : []));
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.error.code))).toEqual(Array(10).fill("InsufficientPoints"));
    expect(await available(engine, program, "c1")).toBe(0);
    expect((await redemptions(engine, program)).map((r) => r.status)).toEqual(Array(10).fill("confirmed"));
    await verified(engine, program);
  });

  it("reservations abandoned mid-way are released by the sweeper, points back", async () => {
    const program = await rewardsProgram(engine);
    await memberWith(engine, program, "c1", 1000);
    const reserved = await engine.redemptions.reserve({ program, customerId: "c1", rewardId: "five-off", key: "crashed", now: NOW });
    expect(reserved.ok).toBe(true);
    expect(await available(engine, program, "c1")).toBe(900);
    const early = await releaseStaleRedemptions({ engine, program, before: NOW, now: NOW });
    expect(early).toEqual({ ok: true, value: { released: [] } });
    const late = new Date(NOW.getTime() + 15 * 60_000);
    expect(await releaseStaleRedemptions({ engine, program, before: late, now: late })).toEqual({
      ok: true,
      value: { released: ["crashed"] },
    });
    expect(await available(engine, program, "c1")).toBe(1000);
    await verified(engine, program);
  });
});
