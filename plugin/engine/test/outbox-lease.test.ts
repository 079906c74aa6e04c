import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../test/support/engine-db.ts";
import { defaultProgramConfig, type Engine, type OutboxClaim } from "../src/index.ts";
import { backends, openTestEngine, uniqueProgramKey } from "./support/backends.ts";
import { adjust, order } from "./support/events.ts";

const now = new Date("2026-03-01T00:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe.each(backends)("outbox claim and settle (%s)", (backend) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
  });
  afterAll(async () => {
    await engine.close();
  });

  /** A program whose customers each paid an order: a member.created and a points.changed message each. */
  async function programWithMessages(customers: string[]): Promise<string> {
    const key = uniqueProgramKey("lease");
    const created = await engine.createProgram({ key, platform: "shopify", config: defaultProgramConfig("USD"), actor: "test", now });
    expect(created.ok).toBe(true);
    for (const c of customers) {
      const applied = await engine.apply(key, order(`o-${c}`, c, "2026-02-01T10:00:00Z", [{ price: 5000 }]), now);
      expect(applied.ok).toBe(true);
    }
    return key;
  }

  async function claim(program: string, at: Date, options?: Parameters<Engine["outbox"]["claim"]>[2]): Promise<OutboxClaim[]> {
    const r = await engine.outbox.claim(program, at, options);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  }

  async function row(id: string) {
    const r = await dbOf(engine)
      .selectFrom("kinship_outbox")
      .select(["attempts", "delivered_at", "retry_at", "last_error", "claim_token", "claimed_until", "seq"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return { ...r, seq: String(r.seq) };
  }

  it("given two claimers at once, then each row goes to exactly one of them, oldest first, under its own token", async () => {
    const program = await programWithMessages(["c1", "c2", "c3", "c4", "c5"]);
    const [a, b] = await Promise.all([claim(program, now, { limit: 3 }), claim(program, now, { limit: 3 })]);
    expect(a).toHaveLength(3);
    expect(b).toHaveLength(3);
    const taken = [...(a ?? []), ...(b ?? [])].map((m) => m.id);
    expect(new Set(taken).size).toBe(6);
    expect(new Set(a?.map((m) => m.claim)).size).toBe(1);
    expect(a?.[0]?.claim).not.toBe(b?.[0]?.claim);
    const ids = (batch: OutboxClaim[] | undefined) => (batch ?? []).map((m) => BigInt(m.id));
    for (const batch of [a, b]) expect(ids(batch)).toEqual(ids(batch).sort((x, y) => (x < y ? -1 : 1)));
    const rest = await claim(program, now);
    expect(rest).toHaveLength(4);
    expect(rest.filter((m) => taken.includes(m.id))).toEqual([]);
    expect(await claim(program, now)).toEqual([]);
  });

  it("given many claimers racing over every row, then no row is handed out twice and none is lost", async () => {
    const program = await programWithMessages(["r1", "r2", "r3", "r4", "r5", "r6"]);
    const batches = await Promise.all(Array.from({ length: 4 }, () => claim(program, now, { limit: 5 })));
    const ids = batches.flat().map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const left = await claim(program, now, { limit: 100 });
    expect(ids.length + left.length).toBe(12);
  });

  it("given a claimer that never settles, then its rows are claimable again once the lease ends, and its late settle touches nothing", async () => {
    const program = await programWithMessages(["c1"]);
    const first = await claim(program, now, { leaseMs: 30_000 });
    expect(first.map((m) => m.topic).sort()).toEqual(["member.created", "points.changed"]);
    expect(await claim(program, later(29_999))).toEqual([]);
    const second = await claim(program, later(30_000), { leaseMs: 30_000 });
    expect(second.map((m) => m.id)).toEqual(first.map((m) => m.id));
    expect(second[0]?.claim).not.toBe(first[0]?.claim);

    const stale = await engine.outbox.settle(program, later(31_000), {
      delivered: first.slice(0, 1),
      failed: first.slice(1).map((message) => ({ message, error: "late", retryAt: later(90_000) })),
    });
    expect(stale).toEqual({ ok: true, value: { delivered: 0, failed: 0, superseded: 0 } });
    for (const m of second) {
      const r = await row(m.id);
      expect(r).toMatchObject({ attempts: 0, delivered_at: null, retry_at: null, last_error: null, claim_token: second[0]?.claim });
    }

    const settled = await engine.outbox.settle(program, later(32_000), { delivered: second, failed: [] });
    expect(settled).toEqual({ ok: true, value: { delivered: 2, failed: 0, superseded: 0 } });
    for (const m of second) expect(await row(m.id)).toMatchObject({ delivered_at: later(32_000), claim_token: null, claimed_until: null });
    expect(await claim(program, later(120_000))).toEqual([]);
  });

  it("given a member whose balance changes while their message is in flight, then the delivery is superseded and the newer state goes out again", async () => {
    const program = await programWithMessages(["c1"]);
    const claimed = await claim(program, now, { topics: ["points.changed"] });
    expect(claimed).toHaveLength(1);
    const inFlight = claimed[0] as OutboxClaim;
    expect(inFlight).toMatchObject({ key: "points.changed:c1", topic: "points.changed", payload: { customerId: "c1" }, seq: "0" });

    const changed = await engine.apply(program, adjust("c1", 25), now);
    expect(changed.ok).toBe(true);

    const settled = await engine.outbox.settle(program, now, { delivered: [inFlight], failed: [] });
    expect(settled).toEqual({ ok: true, value: { delivered: 0, failed: 0, superseded: 1 } });
    expect(await row(inFlight.id)).toMatchObject({ delivered_at: null, claim_token: null, claimed_until: null, seq: "1" });

    const again = await claim(program, now, { topics: ["points.changed"] });
    expect(again.map((m) => [m.id, m.seq])).toEqual([[inFlight.id, "1"]]);
    const done = await engine.outbox.settle(program, now, { delivered: again, failed: [] });
    expect(done).toEqual({ ok: true, value: { delivered: 1, failed: 0, superseded: 0 } });
    expect(await claim(program, now, { topics: ["points.changed"] })).toEqual([]);
  });

  it("given a failed call, then the row waits for its retryAt with the error kept and one attempt counted", async () => {
    const program = await programWithMessages(["c1"]);
    const [message] = await claim(program, now, { topics: ["member.created"] });
    if (!message) throw new Error("no message claimed");
    const settled = await engine.outbox.settle(program, now, {
      delivered: [],
      failed: [{ message, error: "Shopify answered 502", retryAt: later(60_000) }],
    });
    expect(settled).toEqual({ ok: true, value: { delivered: 0, failed: 1, superseded: 0 } });
    expect(await row(message.id)).toMatchObject({
      attempts: 1,
      retry_at: later(60_000),
      last_error: "Shopify answered 502",
      claim_token: null,
      claimed_until: null,
      delivered_at: null,
    });
    expect(await claim(program, later(59_999), { topics: ["member.created"] })).toEqual([]);
    const retried = await claim(program, later(60_000), { topics: ["member.created"] });
    expect(retried.map((m) => [m.id, m.attempts])).toEqual([[message.id, 1]]);
  });

  it("given a throttled call (countAttempt false), then the row waits but keeps its attempts", async () => {
    const program = await programWithMessages(["c1"]);
    let [message] = await claim(program, now, { topics: ["member.created"] });
    for (let i = 1; i <= 3; i++) {
      if (!message) throw new Error("no message claimed");
      const settled = await engine.outbox.settle(program, later(i * 1000), {
        delivered: [],
        failed: [{ message, error: "THROTTLED", retryAt: later(i * 1000 + 500), countAttempt: false }],
      });
      expect(settled).toEqual({ ok: true, value: { delivered: 0, failed: 1, superseded: 0 } });
      expect(await row(message.id)).toMatchObject({ attempts: 0, last_error: "THROTTLED", retry_at: later(i * 1000 + 500) });
      [message] = await claim(program, later(i * 1000 + 500), { topics: ["member.created"], maxAttempts: 1 });
    }
    expect(message?.attempts).toBe(0);
  });

  it("given a row that failed maxAttempts times, then it is no longer claimed under that limit, only under a higher one", async () => {
    const program = await programWithMessages(["c1"]);
    for (let i = 0; i < 2; i++) {
      const [message] = await claim(program, now, { topics: ["member.created"], maxAttempts: 2 });
      if (!message) throw new Error(`attempt ${i + 1}: no message claimed`);
      await engine.outbox.settle(program, now, { delivered: [], failed: [{ message, error: `down ${i + 1}`, retryAt: now }] });
    }
    expect(await claim(program, now, { topics: ["member.created"], maxAttempts: 2 })).toEqual([]);
    const third = await claim(program, now, { topics: ["member.created"], maxAttempts: 3 });
    expect(third.map((m) => [m.attempts, m.key])).toEqual([[2, "member:c1:created"]]);
  });

  it("given rows under a live lease, then a drain leaves them to their claimer", async () => {
    const program = await programWithMessages(["c1"]);
    const claimed = await claim(program, now, { topics: ["points.changed"] });
    expect(claimed).toHaveLength(1);
    const seen: string[] = [];
    const drained = await engine.outbox.drain(program, now, async (m) => void seen.push(m.topic));
    expect(drained).toEqual({ ok: true, value: { delivered: 1, failed: [] } });
    expect(seen).toEqual(["member.created"]);
  });

  it("given an unknown program or a malformed outcome, then a clear error and nothing written", async () => {
    const claimed = await engine.outbox.claim("nope.example", now);
    expect(claimed.ok).toBe(false);
    if (!claimed.ok) expect(claimed.error.code).toBe("UnknownProgram");
    const settled = await engine.outbox.settle("nope.example", now, { delivered: [], failed: [] });
    expect(settled.ok).toBe(false);
    if (!settled.ok) expect(settled.error.code).toBe("UnknownProgram");

    const program = await programWithMessages(["c1"]);
    const [a, b] = await claim(program, now);
    if (!a || !b) throw new Error("two messages expected");
    await expect(
      engine.outbox.settle(program, now, { delivered: [a, b], failed: [{ message: a, error: "x", retryAt: now }] }),
    ).rejects.toThrow(/settled twice/);
    await expect(
      engine.outbox.settle(program, now, { delivered: [], failed: [{ message: a, error: "x", retryAt: new Date("nope") }] }),
    ).rejects.toThrow(/valid retryAt/);
    await expect(engine.outbox.settle(program, now, { delivered: [{ ...a, seq: "1e3" }], failed: [] })).rejects.toThrow(
      /not a claimed message/,
    );
    for (const m of [a, b]) expect(await row(m.id)).toMatchObject({ delivered_at: null, attempts: 0, claim_token: a.claim });
  });
});
