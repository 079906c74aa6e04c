import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Delivery, defaultProgramConfig, type Engine, inboxRows, receiveMany, settleMany } from "../src/index.ts";
import { type BackendName, backends, openTestEngine, uniqueProgramKey } from "./support/backends.ts";
import { order, refund, spend } from "./support/events.ts";

const NOW = new Date("2026-06-01T00:00:00Z");

describe.each<BackendName>(backends)("applyGroup and the batched inbox (%s)", (backend) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
  });
  afterAll(() => engine.close());

  async function program(prefix: string) {
    const key = uniqueProgramKey(`${prefix}-${backend}`);
    const created = await engine.createProgram({ key, platform: "custom", config: defaultProgramConfig("USD"), actor: "t", now: NOW });
    if (!created.ok) throw new Error(created.error.message);
    return key;
  }
  const points = async (p: string, customer: string) => {
    const m = await engine.member(p, customer, NOW);
    return m.ok ? m.value.points.available : null;
  };
  const claimedKeys = async (p: string) => {
    const { rows } = await sql<{ key: string }>`SELECT e.key FROM kinship_event e JOIN kinship_program p ON p.id = e.program_id
      WHERE p.key = ${p} ORDER BY e.key`.execute(engine.connection.db);
    return rows.map((r) => r.key);
  };

  it("applies inputs of several members and programs in one transaction, in order, with one result each", async () => {
    const a = await program("grp-a");
    const b = await program("grp-b");
    const group = await engine.applyGroup(
      [
        { program: a, input: order("o1", "c1", "2026-05-01T00:00:00Z", [{ price: 5000 }]) },
        { program: a, input: order("o2", "c2", "2026-05-01T00:00:00Z", [{ price: 2000 }]) },
        // The order above is in the same transaction: its refund finds it.
        { program: a, input: refund("r1", "o1", "2026-05-02T00:00:00Z", { amount: 1000 }) },
        { program: b, input: order("o1", "c1", "2026-05-01T00:00:00Z", [{ price: 3000 }]) },
        // A duplicate inside the group writes nothing, as across transactions.
        { program: b, input: order("o1", "c1", "2026-05-01T00:00:00Z", [{ price: 3000 }]) },
        { program: "no-such-program", input: order("o9", "c9", "2026-05-01T00:00:00Z", [{ price: 100 }]) },
        { program: a, input: { type: "order.paid", orderId: 5 } },
      ],
      NOW,
    );
    if (!("results" in group)) throw new Error(group.failed);
    expect(group.results.map((r) => (r.ok ? r.value.status : r.error.code))).toEqual([
      "applied",
      "applied",
      "applied",
      "applied",
      "AlreadyApplied",
      "UnknownProgram",
      "InvalidEvent",
    ]);
    expect(await points(a, "c1")).toBe(40);
    expect(await points(a, "c2")).toBe(20);
    expect(await points(b, "c1")).toBe(30);
    expect(await engine.verify(a)).toEqual([]);
  });

  it("a refused decision anywhere in the group writes nothing of it, and says why", async () => {
    const p = await program("grp-refused");
    const first = await engine.apply(p, order("o1", "c1", "2026-05-01T00:00:00Z", [{ price: 5000 }]), NOW);
    expect(first.ok).toBe(true);
    const before = await claimedKeys(p);
    const group = await engine.applyGroup(
      [
        { program: p, input: order("o2", "c1", "2026-05-01T00:00:00Z", [{ price: 1000 }]) },
        { program: p, input: spend("c1", 10_000, "too-much") },
      ],
      NOW,
    );
    expect(group).toEqual({ failed: expect.stringContaining("InsufficientPoints") });
    expect(await points(p, "c1")).toBe(50);
    expect(await claimedKeys(p)).toEqual(before);
    // One by one, the good input goes through and the refused one is refused.
    expect((await engine.apply(p, order("o2", "c1", "2026-05-01T00:00:00Z", [{ price: 1000 }]), NOW)).ok).toBe(true);
    expect(await engine.apply(p, spend("c1", 10_000, "too-much"), NOW)).toMatchObject({ ok: false });
    expect(await points(p, "c1")).toBe(60);
  });

  it("the caller's write sees every result and commits with the group; if it throws, nothing is written", async () => {
    const p = await program("grp-also");
    const inputs = [
      { program: p, input: order("o1", "c1", "2026-05-01T00:00:00Z", [{ price: 5000 }]) },
      { program: p, input: order("o2", "c2", "2026-05-01T00:00:00Z", [{ price: 7000 }]) },
    ];
    const refused = await engine.applyGroup(inputs, NOW, {
      alsoInTransaction: async (_trx, results) => {
        expect(results).toHaveLength(2);
        throw new Error("bookkeeping failed");
      },
    });
    expect(refused).toEqual({ failed: "bookkeeping failed" });
    expect(await points(p, "c1")).toBeNull();
    expect(await claimedKeys(p)).toEqual([]);

    const seen: string[] = [];
    const done = await engine.applyGroup(inputs, NOW, {
      alsoInTransaction: async (_trx, results) => {
        seen.push(results.map((r) => (r.ok ? r.value.key : r.error.code)).join(","));
      },
    });
    expect("results" in done).toBe(true);
    expect(seen).toEqual(["order:o1:paid,order:o2:paid"]);
    expect(await points(p, "c1")).toBe(50);
    expect(await points(p, "c2")).toBe(70);
  });

  it("receiveMany stores each delivery once, answers in the order given, and settleMany settles only queued rows", async () => {
    const p = uniqueProgramKey(`inbox-${backend}`);
    const d = (key: string, topic = "orders/paid"): Delivery => ({
      source: "custom",
      programKey: p,
      deliveryKey: key,
      topic,
      payload: `{"id":"${key}","quote":"a \\"b\\" {c} \\\\ d"}`,
      meta: { key },
    });
    const [first] = await receiveMany(engine.connection.db, [{ delivery: d("k0"), now: NOW }]);
    if (!first) throw new Error("no answer");
    await settleMany(engine.connection.db, [{ id: first.id, status: "applied", note: null }], NOW);
    const later = new Date(NOW.getTime() + 1000);
    const answers = await receiveMany(engine.connection.db, [
      { delivery: d("k1"), now: NOW },
      { delivery: d("k0"), now: NOW },
      { delivery: d("k2"), now: later },
      { delivery: d("k1"), now: NOW },
    ]);
    expect(answers.map((a) => [a.duplicate, a.status])).toEqual([
      [false, "queued"],
      [true, "applied"],
      [false, "queued"],
      [true, "queued"],
    ]);
    expect(answers[1]?.id).toBe(first.id);
    expect(answers[3]?.id).toBe(answers[0]?.id);
    expect(answers[0]?.id).toBeLessThan(answers[2]?.id ?? 0);

    const rows = await inboxRows(engine.connection.db, [answers[2]?.id ?? 0, answers[0]?.id ?? 0, 999_999_999]);
    expect(rows.map((r) => [r.deliveryKey, r.payload, r.meta, r.receivedAt.getTime()])).toEqual([
      ["k1", d("k1").payload, { key: "k1" }, NOW.getTime()],
      ["k2", d("k2").payload, { key: "k2" }, later.getTime()],
    ]);

    await settleMany(
      engine.connection.db,
      [
        { id: answers[0]?.id ?? 0, status: "ignored", note: "nothing to do" },
        { id: first.id, status: "ignored", note: "a settled row stays as it is" },
      ],
      later,
    );
    const after = await inboxRows(engine.connection.db, [first.id, answers[0]?.id ?? 0]);
    expect(after.map((r) => [r.status, r.lastError, r.payload])).toEqual([
      ["applied", null, ""],
      ["ignored", "nothing to do", ""],
    ]);
    expect(await receiveMany(engine.connection.db, [])).toEqual([]);
  });
});
