import { type Engine, executeStorefront } from "@kinship/engine";
import type { ExecutionResult } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestEngine } from "../../../engine/test/support/backends.ts";
import { storefrontContext } from "../../src/api/storefront-context.ts";
import { type DiscountIssuer, localIssuer, redeem } from "../../src/rewards/index.ts";
import { available, CODE, entryKinds, memberWith, NOW, redemptions, rewardsProgram, verified } from "./support.ts";

/**
 * Retried redemptions on real Postgres: the storefront's `redeem(rewardId, idempotencyKey)` as the
 * server runs it (resolver → the server's redeem → redemptions.once), concurrent requests included.
 */
let engine: Engine;
beforeAll(async () => {
  engine = await openTestEngine("postgres");
});
afterAll(async () => {
  await engine.close();
});

const REDEEM = "mutation R($id: ID!, $key: String) { redeem(rewardId: $id, idempotencyKey: $key) { rewardId code points } }";
type Answer = { data?: { redeem: { rewardId: string; code: string; points: number } } | null; errors?: { extensions: { code: string } }[] };

/** One storefront request of `customerId`, as /proxy/graphql or /storefront/graphql serves it. */
async function ask(program: string, customerId: string, variables: Record<string, unknown>): Promise<Answer> {
  // These programs have no shop token: codes are made locally, and no token is ever asked for.
  const tokens = { tokenFor: async (): Promise<string> => Promise.reject(new Error("no shop token in this test")) };
  const deps = { engine, secretOf: async () => "secret", storefrontUrl: () => null, tokens };
  const result: ExecutionResult = await executeStorefront(engine, storefrontContext(deps, { program, customerId }, NOW), {
    query: REDEEM,
    variables,
  });
  return JSON.parse(JSON.stringify(result));
}
const codeOf = (a: Answer) => a.data?.redeem.code ?? a.errors?.[0]?.extensions.code;

/** Samples the member's balance until `done` settles: the lowest value it ever showed. */
async function lowestWhile(program: string, customerId: string, done: Promise<unknown>): Promise<number> {
  let settled = false;
  void done.finally(() => {
    settled = true;
  });
  let lowest = Number.POSITIVE_INFINITY;
  while (!settled) {
    lowest = Math.min(lowest, await available(engine, program, customerId));
    await new Promise((r) => setTimeout(r, 2));
  }
  return Math.min(lowest, await available(engine, program, customerId));
}

describe("redeem with an idempotency key (Postgres)", () => {
  it("20 concurrent requests with one key: one code for all of them, one spend", async () => {
    const program = await rewardsProgram(engine);
    await memberWith(engine, program, "c1", 1000);
    const answers = await Promise.all(Array.from({ length: 20 }, () => ask(program, "c1", { id: "five-off", key: "click-1" })));
    const codes = new Set(answers.map(codeOf));
    expect(codes.size).toBe(1);
    expect([...codes][0]).toMatch(CODE);
    expect(answers.every((a) => a.errors === undefined && a.data?.redeem.points === 100)).toBe(true);
    expect(await available(engine, program, "c1")).toBe(900);
    const rows = await redemptions(engine, program);
    expect(rows).toEqual([expect.objectContaining({ key: "c1:click-1", status: "confirmed", code: [...codes][0], reward_id: "five-off" })]);
    expect(await entryKinds(engine, program)).toEqual(["earn", "spend"]);
    await verified(engine, program);

    // A later retry of that click still gets its code; a new click (a new key) is a new redemption.
    expect(codeOf(await ask(program, "c1", { id: "five-off", key: "click-1" }))).toBe([...codes][0]);
    const next = await ask(program, "c1", { id: "five-off", key: "click-2" });
    expect(codeOf(next)).toMatch(CODE);
    expect(codeOf(next)).not.toBe([...codes][0]);
    expect(await available(engine, program, "c1")).toBe(800);
  });

  it("20 concurrent requests with 20 keys and points for 3: exactly 3 codes, the balance never below 0, no drift", async () => {
    const program = await rewardsProgram(engine);
    await memberWith(engine, program, "c1", 300);
    const all = Promise.all(Array.from({ length: 20 }, (_, i) => ask(program, "c1", { id: "five-off", key: `click-${i}` })));
    const lowest = await lowestWhile(program, "c1", all);
    const answers = await all;
    const codes = answers.flatMap((a) => (a.data?.redeem ? [a.data.redeem.code] : []));
    expect(codes).toHaveLength(3);
    expect(new Set(codes).size).toBe(3);
    expect(answers.filter((a) => !a.data).map(codeOf)).toEqual(Array(17).fill("InsufficientPoints"));
    expect(lowest).toBeGreaterThanOrEqual(0);
    expect(await available(engine, program, "c1")).toBe(0);
    expect((await redemptions(engine, program)).map((r) => r.status)).toEqual(["confirmed", "confirmed", "confirmed"]);
    await verified(engine, program);
  });

  it("a key reused for another reward is refused with IdempotencyKeyReused and spends nothing", async () => {
    const program = await rewardsProgram(engine);
    await memberWith(engine, program, "c1", 1000);
    const first = await ask(program, "c1", { id: "five-off", key: "k" });
    const reused = await ask(program, "c1", { id: "ten-pct", key: "k" });
    expect(codeOf(first)).toMatch(CODE);
    expect(reused.data).toBeNull();
    expect(codeOf(reused)).toBe("IdempotencyKeyReused");
    expect(await available(engine, program, "c1")).toBe(900);
    await verified(engine, program);
  });

  it("keys are the shopper's own: another member's same key is a redemption of their own, never the first member's code", async () => {
    const program = await rewardsProgram(engine);
    await memberWith(engine, program, "c1", 1000);
    await memberWith(engine, program, "c2", 1000);
    const [a, b] = await Promise.all([
      ask(program, "c1", { id: "five-off", key: "same" }),
      ask(program, "c2", { id: "five-off", key: "same" }),
    ]);
    expect(codeOf(a)).toMatch(CODE);
    expect(codeOf(b)).toMatch(CODE);
    expect(codeOf(a)).not.toBe(codeOf(b));
    expect([await available(engine, program, "c1"), await available(engine, program, "c2")]).toEqual([900, 900]);
    expect((await redemptions(engine, program)).map((r) => r.key).sort()).toEqual(["c1:same", "c2:same"]);
  });

  it("a key must be 1 to 100 characters; without one every request is a new redemption", async () => {
    const program = await rewardsProgram(engine);
    await memberWith(engine, program, "c1", 1000);
    for (const key of ["", "x".repeat(101)]) {
      const refused = await ask(program, "c1", { id: "five-off", key });
      expect(refused.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    }
    expect(codeOf(await ask(program, "c1", { id: "five-off", key: "x".repeat(100) }))).toMatch(CODE);
    const [one, two] = [await ask(program, "c1", { id: "five-off" }), await ask(program, "c1", { id: "five-off" })];
    expect(codeOf(one)).not.toBe(codeOf(two));
    expect(await available(engine, program, "c1")).toBe(700);
  });

  it("while the platform is slow, requests repeating the key wait for the first one's code: one code issued, one spend", async () => {
    const program = await rewardsProgram(engine);
    await memberWith(engine, program, "c1", 1000);
    const issued: string[] = [];
    const slow: DiscountIssuer = {
      name: "slow",
      issue: async (req) => {
        issued.push(req.code);
        await new Promise((r) => setTimeout(r, 300));
        return { ok: true, value: { code: req.code, platformRef: `ref-${issued.length}` } };
      },
    };
    const call = () => redeem({ engine, issuer: slow, program, customerId: "c1", rewardId: "five-off", now: NOW, key: "c1:slow" });
    const first = call();
    await new Promise((r) => setTimeout(r, 100));
    const results = await Promise.all([first, ...Array.from({ length: 19 }, call)]);
    expect(issued).toHaveLength(1);
    expect(results.every((r) => r.ok && r.value.code === issued[0])).toBe(true);
    expect(await available(engine, program, "c1")).toBe(900);
    await verified(engine, program);
  });

  it("a repeat that outwaits a stuck platform call answers RedemptionInProgress, and the code once it is there", async () => {
    const program = await rewardsProgram(engine);
    await memberWith(engine, program, "c1", 1000);
    let release = () => {};
    const stuck: DiscountIssuer = {
      name: "stuck",
      issue: (req) =>
        new Promise((resolve) => {
          release = () => resolve({ ok: true, value: { code: req.code, platformRef: null } });
        }),
    };
    const base = { engine, program, customerId: "c1", rewardId: "five-off", now: NOW, key: "c1:stuck" };
    const first = redeem({ ...base, issuer: stuck });
    await new Promise((r) => setTimeout(r, 100));
    const early = await redeem({ ...base, issuer: localIssuer(), waitMs: 100 });
    expect(early).toMatchObject({ ok: false, error: { code: "RedemptionInProgress", retryable: true } });
    release();
    const done = await first;
    expect(await redeem({ ...base, issuer: localIssuer() })).toEqual(done);
    expect(await available(engine, program, "c1")).toBe(900);
  });
});
