import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rewards } from "../../../../test/support/program-fixture.ts";
import type { Engine, EngineError, RedeemedCode, Result } from "../../src/index.ts";
import { type BackendName, backends, openTestEngine, uniqueProgramKey } from "../support/backends.ts";
import { available, NOW, rewardsProgram } from "./support.ts";

/** redemptions.once: one redemption per idempotency key, whatever the repeats and races. */
describe.each(backends)("one redemption per key (%s)", (kind: BackendName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine(kind);
  });
  afterAll(async () => {
    await engine.close();
  });

  /** c1 and c2 have 250 points each; two rewards. */
  const program = () =>
    rewardsProgram(engine, uniqueProgramKey(`once-${kind}`), [rewards.fiveOffFor100Points, rewards.freeShippingFor50Points], ["c1", "c2"]);
  const balance = (p: string, c = "c1") => available(engine, p, c);

  /**
   * What an edge runs under the key: reserve → (the platform's call: `gate`) → confirm with `code`,
   * or cancel when `fail` is given. Counts its runs.
   */
  function attempts(p: string) {
    const runs: string[] = [];
    const make =
      (a: { customerId?: string; rewardId?: string; key: string; code: string; gate?: Promise<void>; fail?: string }) =>
      async (): Promise<Result<RedeemedCode, EngineError>> => {
        runs.push(a.code);
        const customerId = a.customerId ?? "c1";
        const rewardId = a.rewardId ?? "five-off";
        const reserved = await engine.redemptions.reserve({ program: p, customerId, rewardId, key: a.key, now: NOW });
        if (!reserved.ok) return reserved;
        await a.gate;
        if (a.fail) {
          await engine.redemptions.cancel({ program: p, key: a.key, error: a.fail, now: NOW });
          return { ok: false, error: { code: "DiscountFailed", message: a.fail, retryable: true } };
        }
        const confirmed = await engine.redemptions.confirm({ program: p, key: a.key, code: a.code, platformRef: null, now: NOW });
        if (!confirmed.ok) return confirmed;
        return { ok: true, value: { rewardId, code: a.code, points: reserved.value.reward.cost, key: a.key } };
      };
    return { runs, make };
  }
  const once = (p: string, key: string, attempt: () => Promise<Result<RedeemedCode, EngineError>>, over: Record<string, unknown> = {}) =>
    engine.redemptions.once({ program: p, customerId: "c1", rewardId: "five-off", key, ...over }, attempt);

  it("a repeat of a key gets the first call's code and runs nothing: one spend", async () => {
    const p = await program();
    const { runs, make } = attempts(p);
    const first = await once(p, "c1:k", make({ key: "c1:k", code: "KIN-FIRST" }));
    const again = await once(p, "c1:k", make({ key: "c1:k", code: "KIN-SECOND" }));
    expect(first).toEqual({ ok: true, value: { rewardId: "five-off", code: "KIN-FIRST", points: 100, key: "c1:k" } });
    expect(again).toEqual(first);
    expect(runs).toEqual(["KIN-FIRST"]);
    expect(await balance(p)).toBe(150);
    expect(await engine.verify(p)).toEqual([]);
  });

  it("a repeat that arrives while the first call is still getting its code waits for that code", async () => {
    const p = await program();
    const { runs, make } = attempts(p);
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const first = once(p, "c1:slow", make({ key: "c1:slow", code: "KIN-SLOW", gate }));
    // The first call has reserved (its row is `reserved`) before the repeat asks.
    for (let i = 0; i < 100 && !(await engine.redemptions.find({ program: p, key: "c1:slow" })).ok; i++)
      await new Promise((r) => setTimeout(r, 10));
    const repeat = once(p, "c1:slow", make({ key: "c1:slow", code: "KIN-REPEAT" }));
    await new Promise((r) => setTimeout(r, 150));
    release();
    expect(await repeat).toEqual({ ok: true, value: { rewardId: "five-off", code: "KIN-SLOW", points: 100, key: "c1:slow" } });
    expect(await first).toEqual(await repeat);
    expect(runs).toEqual(["KIN-SLOW"]);
    expect(await balance(p)).toBe(150);
  });

  it("a repeat that outwaits waitMs answers RedemptionInProgress (retryable), and the code once it is there", async () => {
    const p = await program();
    const { runs, make } = attempts(p);
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const first = once(p, "c1:stuck", make({ key: "c1:stuck", code: "KIN-LATE", gate }));
    for (let i = 0; i < 100 && !(await engine.redemptions.find({ program: p, key: "c1:stuck" })).ok; i++)
      await new Promise((r) => setTimeout(r, 10));
    const early = await once(p, "c1:stuck", make({ key: "c1:stuck", code: "KIN-NO" }), { waitMs: 100 });
    expect(early).toMatchObject({ ok: false, error: { code: "RedemptionInProgress", key: "c1:stuck", retryable: true } });
    release();
    await first;
    expect(await once(p, "c1:stuck", make({ key: "c1:stuck", code: "KIN-NO" }))).toMatchObject({ ok: true, value: { code: "KIN-LATE" } });
    expect(runs).toEqual(["KIN-LATE"]);
    expect(await balance(p)).toBe(150);
  });

  it("repeats racing the first call (none has reserved yet) meet in the spend's key: one spend, one code for all", async () => {
    const p = await program();
    const { runs, make } = attempts(p);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => once(p, "c1:race", make({ key: "c1:race", code: `KIN-${i}` }))));
    const codes = new Set(results.map((r) => (r.ok ? r.value.code : r.error.code)));
    expect(codes.size).toBe(1);
    expect([...codes][0]).toMatch(/^KIN-\d$/);
    // Every run but the winner's stopped at its reservation (AlreadyApplied) and spent nothing.
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(await balance(p)).toBe(150);
    expect(await engine.verify(p)).toEqual([]);
  });

  it("a key used for another reward, or by another member, is IdempotencyKeyReused and spends nothing", async () => {
    const p = await program();
    const { runs, make } = attempts(p);
    await once(p, "shared", make({ key: "shared", code: "KIN-A" }));
    const otherReward = await once(p, "shared", make({ key: "shared", rewardId: "ship", code: "KIN-B" }), { rewardId: "ship" });
    expect(otherReward).toMatchObject({ ok: false, error: { code: "IdempotencyKeyReused", key: "shared" } });
    expect(otherReward.ok || otherReward.error.message).toMatch(/used to redeem five-off, not ship/);
    const otherMember = await once(p, "shared", make({ key: "shared", customerId: "c2", code: "KIN-C" }), { customerId: "c2" });
    expect(otherMember).toMatchObject({ ok: false, error: { code: "IdempotencyKeyReused" } });
    // Nothing of c1's redemption is told to c2.
    expect(otherMember.ok || otherMember.error.message).not.toMatch(/KIN-A|five-off|c1/);
    expect(runs).toEqual(["KIN-A"]);
    expect([await balance(p), await balance(p, "c2")]).toEqual([150, 250]);
  });

  it("a repeat of a call that failed (points given back) gets that failure, not a second try", async () => {
    const p = await program();
    const { runs, make } = attempts(p);
    const failed = await once(p, "c1:down", make({ key: "c1:down", code: "KIN-X", fail: "platform down" }));
    expect(failed).toMatchObject({ ok: false, error: { code: "DiscountFailed" } });
    const again = await once(p, "c1:down", make({ key: "c1:down", code: "KIN-Y" }));
    expect(again).toEqual({
      ok: false,
      error: { code: "DiscountFailed", message: "redemption c1:down failed: platform down", retryable: false },
    });
    expect(runs).toEqual(["KIN-X"]);
    expect(await balance(p)).toBe(250);
    expect(await engine.verify(p)).toEqual([]);
  });
});
