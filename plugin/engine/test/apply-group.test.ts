import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../test/support/engine-db.ts";
import { type Delivery, defaultProgramConfig, type Engine, type GroupOptions } from "../src/index.ts";
import { applyGroup, inboxRows, parseInput, receiveMany, settleMany } from "../src/store/index.ts";
import { type BackendName, backends, openTestEngine, uniqueProgramKey } from "./support/backends.ts";
import { adjust, cancel, custom, customerCreated, order, refund, spend } from "./support/events.ts";

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
  /** The store's applyGroup on this engine's database; the inputs are validated first, as the engine's door does. */
  const applyGroupOf = (items: { program: string; input: unknown }[], now: Date, options?: GroupOptions) =>
    applyGroup(
      dbOf(engine),
      items.map(({ program, input }) => {
        const parsed = parseInput(input);
        if (!parsed.ok) throw new Error(parsed.error.message);
        return { program, input: parsed.value };
      }),
      now,
      options,
    );
  const claimedKeys = async (p: string) => {
    const { rows } = await sql<{ key: string }>`SELECT e.key FROM kinship_event e JOIN kinship_program p ON p.id = e.program_id
      WHERE p.key = ${p} ORDER BY e.key`.execute(dbOf(engine));
    return rows.map((r) => r.key);
  };

  it("applies inputs of several members and programs in one transaction, in order, with one result each", async () => {
    const a = await program("grp-a");
    const b = await program("grp-b");
    const group = await applyGroupOf(
      [
        { program: a, input: order("o1", "c1", "2026-05-01T00:00:00Z", [{ price: 5000 }]) },
        { program: a, input: order("o2", "c2", "2026-05-01T00:00:00Z", [{ price: 2000 }]) },
        // The order above is in the same transaction: its refund finds it.
        { program: a, input: refund("r1", "o1", "2026-05-02T00:00:00Z", { amount: 1000 }) },
        { program: b, input: order("o1", "c1", "2026-05-01T00:00:00Z", [{ price: 3000 }]) },
        // A duplicate inside the group writes nothing, as across transactions.
        { program: b, input: order("o1", "c1", "2026-05-01T00:00:00Z", [{ price: 3000 }]) },
        { program: "no-such-program", input: order("o9", "c9", "2026-05-01T00:00:00Z", [{ price: 100 }]) },
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
    const group = await applyGroupOf(
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
    const refused = await applyGroupOf(inputs, NOW, {
      alsoInTransaction: async (_trx, results) => {
        expect(results).toHaveLength(2);
        throw new Error("bookkeeping failed");
      },
    });
    expect(refused).toEqual({ failed: "bookkeeping failed" });
    expect(await points(p, "c1")).toBeNull();
    expect(await claimedKeys(p)).toEqual([]);

    const seen: string[] = [];
    const done = await applyGroupOf(inputs, NOW, {
      alsoInTransaction: async (_trx, results) => {
        seen.push(results.map((r) => (r.ok ? r.value.key : r.error.code)).join(","));
      },
    });
    expect("results" in done).toBe(true);
    expect(seen).toEqual(["order:o1:paid,order:o2:paid"]);
    expect(await points(p, "c1")).toBe(50);
    expect(await points(p, "c2")).toBe(70);
  });

  it("any log cut into groups ends exactly as the same log applied one input at a time", async () => {
    const customers = ["115310627314723954", "207119551", "c-3"];
    const at = (d: number) => new Date(Date.UTC(2026, 0, 1 + d, 10)).toISOString();
    const inputArb = fc.oneof(
      fc.record({
        kind: fc.constant("order" as const),
        o: fc.nat(5),
        c: fc.nat(2),
        price: fc.integer({ min: 100, max: 30000 }),
        d: fc.nat(60),
      }),
      fc.record({
        kind: fc.constant("refund" as const),
        o: fc.nat(5),
        r: fc.nat(3),
        amount: fc.integer({ min: 1, max: 5000 }),
        d: fc.nat(60),
      }),
      fc.record({ kind: fc.constant("cancel" as const), o: fc.nat(5) }),
      fc.record({ kind: fc.constant("created" as const), c: fc.nat(2) }),
      fc.record({ kind: fc.constant("review" as const), c: fc.nat(2), r: fc.nat(3) }),
      fc.record({ kind: fc.constant("adjust" as const), c: fc.nat(2), r: fc.nat(3), points: fc.integer({ min: -50, max: 200 }) }),
      fc.record({ kind: fc.constant("spend" as const), c: fc.nat(2), r: fc.nat(3), points: fc.integer({ min: 1, max: 300 }) }),
    );
    // An order is fixed by its number (customer, time, price), so a repeated one is a redelivery.
    const inputOf = (x: Record<string, number | string>): unknown => {
      const c = customers[Number(x.c ?? 0)] as string;
      switch (x.kind) {
        case "order":
          return order(`o${x.o}`, customers[Number(x.o) % 3] as string, at(Number(x.o) * 7), [{ price: 1000 + Number(x.o) * 1234 }]);
        case "refund":
          return refund(`o${x.o}-r${x.r}`, `o${x.o}`, at(Number(x.o) * 7 + 1), { amount: 100 * (Number(x.r) + 1) });
        case "cancel":
          return cancel(`o${x.o}`, at(Number(x.o) * 7 + 2));
        case "created":
          return customerCreated(c, at(0));
        case "review":
          return custom("review.created", c, at(3), `review-${x.c}-${x.r}`);
        case "adjust":
          return adjust(c, Number(x.points), { key: `adj-${x.c}-${x.r}` });
        default:
          return spend(c, Number(x.points), `spend-${x.c}-${x.r}`);
      }
    };
    const caseArb = fc.record({
      log: fc.array(inputArb, { minLength: 1, maxLength: 24 }),
      cuts: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 24, maxLength: 24 }),
    });
    const view = async (p: string) => {
      const out: Record<string, unknown> = {};
      for (const c of customers) {
        const m = await engine.member(p, c, NOW);
        const lines = await engine.members.ledger(p, c, 500);
        out[c] = m.ok
          ? { points: m.value.points, growth: m.value.growth, tier: m.value.tier.key, lines: lines.ok ? lines.value : lines }
          : null;
      }
      return out;
    };
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ log, cuts }) => {
        // Inputs are validated at the engine's door, before any group: a group holds valid inputs only.
        const inputs = log.map((x) => inputOf(x as Record<string, number | string>)).filter((input) => parseInput(input).ok);
        const alone = await program("grp-alone");
        const grouped = await program("grp-cut");
        const expected: string[] = [];
        for (const input of inputs) {
          const r = await engine.apply(alone, input, NOW);
          expected.push(r.ok ? r.value.status : r.error.code);
        }
        const got: string[] = [];
        let i = 0;
        for (const size of cuts) {
          if (i >= inputs.length) break;
          const chunk = inputs.slice(i, i + size);
          i += size;
          const group = await applyGroupOf(
            chunk.map((input) => ({ program: grouped, input })),
            NOW,
          );
          if ("results" in group) got.push(...group.results.map((r) => (r.ok ? r.value.status : r.error.code)));
          // What the worker does with a group that cannot go as one: each input alone.
          else
            for (const input of chunk)
              got.push(await engine.apply(grouped, input, NOW).then((r) => (r.ok ? r.value.status : r.error.code)));
        }
        expect(got).toEqual(expected);
        expect(await view(grouped)).toEqual(await view(alone));
        expect(await engine.verify(grouped)).toEqual([]);
      }),
      { numRuns: backend === "postgres" ? 40 : 10 },
    );
  }, 300_000);

  it("receiveMany stores each delivery once, answers in the order given, and settleMany settles only queued rows", async () => {
    const p = uniqueProgramKey(`inbox-${backend}`);
    const d = (key: string, topic = "orders/paid"): Delivery => ({
      source: "custom",
      programKey: p,
      deliveryKey: key,
      topic,
      payload: `{"id":"${key}","quote":"a \\"b\\" {c} \\\\ d, NULL, 'e' ,é 中文 😀","big":820982911946154508,"pad":"${"x".repeat(key.length * 4000)}"}`,
      meta: { key },
    });
    const [first] = await receiveMany(dbOf(engine), [{ delivery: d("k0"), now: NOW }]);
    if (!first) throw new Error("no answer");
    await settleMany(dbOf(engine), [{ id: first.id, status: "applied", note: null }], NOW);
    const later = new Date(NOW.getTime() + 1000);
    const answers = await receiveMany(dbOf(engine), [
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

    const rows = await inboxRows(dbOf(engine), [answers[2]?.id ?? 0, answers[0]?.id ?? 0, 999_999_999]);
    expect(rows.map((r) => [r.deliveryKey, r.payload, r.meta, r.receivedAt.getTime()])).toEqual([
      ["k1", d("k1").payload, { key: "k1" }, NOW.getTime()],
      ["k2", d("k2").payload, { key: "k2" }, later.getTime()],
    ]);

    await settleMany(
      dbOf(engine),
      [
        { id: answers[0]?.id ?? 0, status: "ignored", note: "nothing to do" },
        { id: first.id, status: "ignored", note: "a settled row stays as it is" },
      ],
      later,
    );
    const after = await inboxRows(dbOf(engine), [first.id, answers[0]?.id ?? 0]);
    expect(after.map((r) => [r.status, r.lastError, r.payload])).toEqual([
      ["applied", null, ""],
      ["ignored", "nothing to do", ""],
    ]);
    expect(await receiveMany(dbOf(engine), [])).toEqual([]);
  });
});
