import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../../test/support/engine-db.ts";
import { rewards } from "../../../../test/support/program-fixture.ts";
import type { Engine } from "../../src/index.ts";
import { type BackendName, backends, openTestEngine, uniqueProgramKey } from "../support/backends.ts";
import { available, NOW, rewardsProgram } from "./support.ts";

describe.each(backends)("redemption rows (%s)", (kind: BackendName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine(kind);
  });
  afterAll(async () => {
    await engine.close();
  });

  const program = () => rewardsProgram(engine, uniqueProgramKey(kind), [rewards.fiveOffFor100Points], ["c1"]);
  const balance = (p: string) => available(engine, p, "c1");

  it("reserve spends and writes a reserved row in one step; the same key cannot reserve twice", async () => {
    const p = await program();
    const input = { program: p, customerId: "c1", rewardId: "five-off", key: "k1", now: NOW };
    const first = await engine.redemptions.reserve(input);
    expect(first).toMatchObject({ ok: true, value: { redemption: { key: "k1", status: "reserved", points: 100 }, currency: "USD" } });
    expect(await engine.redemptions.reserve(input)).toMatchObject({ ok: false, error: { code: "AlreadyApplied" } });
    expect(await balance(p)).toBe(150);
    const ledger = await engine.members.ledger(p, "c1");
    expect(ledger.ok && ledger.value.map((l) => [l.key, l.kind])).toEqual(expect.arrayContaining([["spend:redeem:k1", "spend"]]));
  });

  it("confirm and cancel are idempotent and exclusive", async () => {
    const p = await program();
    const ref = { program: p, now: NOW };
    await engine.redemptions.reserve({ ...ref, customerId: "c1", rewardId: "five-off", key: "ok" });
    await engine.redemptions.reserve({ ...ref, customerId: "c1", rewardId: "five-off", key: "ko" });
    expect(await balance(p)).toBe(50);

    expect(await engine.redemptions.confirm({ ...ref, key: "ok", code: "KIN-AAAA-BBBB", platformRef: null })).toMatchObject({
      ok: true,
      value: { status: "confirmed", code: "KIN-AAAA-BBBB" },
    });
    expect((await engine.redemptions.confirm({ ...ref, key: "ok", code: "KIN-AAAA-BBBB", platformRef: null })).ok).toBe(true);
    expect(await engine.redemptions.confirm({ ...ref, key: "ok", code: "KIN-OTHER", platformRef: null })).toMatchObject({
      ok: false,
      error: { code: "RedemptionClosed", status: "confirmed" },
    });
    expect(await engine.redemptions.cancel({ ...ref, key: "ok", error: "late" })).toMatchObject({
      ok: false,
      error: { code: "RedemptionClosed", status: "confirmed" },
    });

    expect(await engine.redemptions.cancel({ ...ref, key: "ko", error: "platform down" })).toMatchObject({
      ok: true,
      value: { status: "cancelled", error: "platform down" },
    });
    expect((await engine.redemptions.cancel({ ...ref, key: "ko", error: "again" })).ok).toBe(true);
    expect(await engine.redemptions.confirm({ ...ref, key: "ko", code: "KIN-LATE-CODE", platformRef: null })).toMatchObject({
      ok: false,
      error: { code: "RedemptionClosed", status: "cancelled" },
    });
    expect(await balance(p)).toBe(150);
    expect(await engine.redemptions.find({ program: p, key: "ko" })).toMatchObject({
      ok: true,
      value: { status: "cancelled", error: "platform down" },
    });

    expect(await engine.redemptions.cancel({ ...ref, key: "nope", error: "x" })).toMatchObject({
      ok: false,
      error: { code: "UnknownRedemption" },
    });
    expect(await engine.verify(p)).toEqual([]);
  });

  it("redemptions are scoped to their program", async () => {
    const a = await program();
    const b = await program();
    await engine.redemptions.reserve({ program: a, customerId: "c1", rewardId: "five-off", key: "shared", now: NOW });
    expect(await engine.redemptions.find({ program: b, key: "shared" })).toMatchObject({ ok: false, error: { code: "UnknownRedemption" } });
    expect(await engine.redemptions.cancel({ program: b, key: "shared", error: "x", now: NOW })).toMatchObject({
      ok: false,
      error: { code: "UnknownRedemption" },
    });
    expect(await balance(a)).toBe(150);
  });

  it("verify catches a give-back that does not mirror its spend, and a negative row that is no give-back", async () => {
    const p = await program();
    await engine.redemptions.reserve({ program: p, customerId: "c1", rewardId: "five-off", key: "k", now: NOW });
    await engine.redemptions.cancel({ program: p, key: "k", error: "x", now: NOW });
    expect(await engine.verify(p)).toEqual([]);
    const db = dbOf(engine);
    const entry = async (key: string) =>
      (
        await db
          .selectFrom("kinship_entry")
          .innerJoin("kinship_program", "kinship_program.id", "kinship_entry.program_id")
          .select("kinship_entry.id")
          .where("kinship_program.key", "=", p)
          .where("kinship_entry.key", "=", key)
          .executeTakeFirstOrThrow()
      ).id;
    const unspend = await entry("unspend:redeem:k");
    await db.updateTable("kinship_consumption").set({ points: -60 }).where("entry_id", "=", unspend).execute();
    const spendId = await entry("spend:redeem:k");
    await db.updateTable("kinship_consumption").set({ points: -100 }).where("entry_id", "=", spendId).execute();
    const checks = (await engine.verify(p)).map((d) => d.check);
    expect(checks).toEqual(expect.arrayContaining(["give-backs mirror their spends", "only give-backs are negative"]));
  });
});
