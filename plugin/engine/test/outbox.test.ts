import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../test/support/engine-db.ts";
import { defaultProgramConfig, type Engine, type OutboxMessageRow } from "../src/index.ts";
import { drainOutbox } from "../src/store/index.ts";
import { backends, openTestEngine, uniqueProgramKey } from "./support/backends.ts";
import { order } from "./support/events.ts";

const now = new Date("2026-03-01T00:00:00Z");
const config = {
  ...defaultProgramConfig("USD"),
  tiers: [
    { key: "member", name: "Member", threshold: 0 },
    { key: "gold", name: "Gold", threshold: 100 },
  ],
};

describe.each(backends)("outbox drain (%s)", (backend) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
  });
  afterAll(async () => {
    await engine.close();
  });

  async function programWithTierChange(): Promise<string> {
    const key = uniqueProgramKey("outbox");
    const created = await engine.createProgram({ key, platform: "medusa", config, actor: "test", now });
    expect(created.ok).toBe(true);
    const applied = await engine.apply(key, order("o1", "c1", "2026-02-01T10:00:00Z", [{ price: 25000 }]), now);
    expect(applied.ok).toBe(true);
    return key;
  }

  it("given a member who crossed a tier, when the outbox drains, then the sync sees member.created, tier.changed and points.changed once", async () => {
    const program = await programWithTierChange();
    const seen: OutboxMessageRow[] = [];
    const first = await drainOutbox(dbOf(engine), program, now, async (m) => {
      seen.push(m);
    });
    expect(first).toEqual({ ok: true, value: { delivered: 3, failed: [] } });
    expect(seen.map((m) => m.topic)).toEqual(["member.created", "tier.changed", "points.changed"]);
    expect(seen[1]?.payload).toMatchObject({ customerId: "c1", from: "member", to: "gold", reason: "upgrade" });
    const again = await drainOutbox(dbOf(engine), program, now, async (m) => {
      seen.push(m);
    });
    expect(again).toEqual({ ok: true, value: { delivered: 0, failed: [] } });
    expect(seen).toHaveLength(3);
  });

  it("given a sync that fails, then the row stays for the next run with its attempts counted; a topic filter leaves other rows alone", async () => {
    const program = await programWithTierChange();
    const failed = await drainOutbox(
      dbOf(engine),
      program,
      now,
      async () => {
        throw new Error("platform down");
      },
      { topics: ["tier.changed"] },
    );
    expect(failed).toEqual({
      ok: true,
      value: { delivered: 0, failed: [{ key: expect.stringMatching(/^tier:/), error: "platform down" }] },
    });
    const retried: OutboxMessageRow[] = [];
    await drainOutbox(dbOf(engine), program, now, async (m) => void retried.push(m), { topics: ["tier.changed"] });
    expect(retried).toHaveLength(1);
    expect(retried[0]?.attempts).toBe(1);
    const rest: OutboxMessageRow[] = [];
    await drainOutbox(dbOf(engine), program, now, async (m) => void rest.push(m));
    expect(rest.map((m) => m.topic)).toEqual(["member.created", "points.changed"]);
  });

  it("given an unknown program, then a typed error and nothing delivered", async () => {
    const r = await drainOutbox(dbOf(engine), "nope.example", now, async () => {
      throw new Error("must not be called");
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("UnknownProgram");
  });
});
