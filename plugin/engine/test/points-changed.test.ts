import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../test/support/engine-db.ts";
import { defaultProgramConfig, type Engine, type ProgramConfigInput } from "../src/index.ts";
import { applyGroup, parseInput } from "../src/store/index.ts";
import { backends, openTestEngine, uniqueProgramKey } from "./support/backends.ts";
import { adjust, order, refund, spend } from "./support/events.ts";

/** Points earned stay pending 10 days and expire 40 days after they were earned. */
const config: ProgramConfigInput = { ...defaultProgramConfig("USD"), pendingDays: 10, expiry: { kind: "afterEarn", days: 40 } };
const day = (d: number) => new Date(Date.UTC(2026, 0, d, 12));

describe.each(backends)("points.changed, one re-armed message per member (%s)", (backend) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
  });
  afterAll(async () => {
    await engine.close();
  });

  async function program(): Promise<string> {
    const key = uniqueProgramKey("points-changed");
    const created = await engine.createProgram({ key, platform: "shopify", config, actor: "test", now: day(1) });
    expect(created.ok).toBe(true);
    return key;
  }

  async function apply(p: string, input: unknown, at: Date) {
    const r = await engine.apply(p, input, at);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  }

  /** The program's points.changed rows, as the outbox holds them. */
  async function messages(p: string) {
    const rows = await dbOf(engine)
      .selectFrom("kinship_outbox as o")
      .innerJoin("kinship_program as p", "p.id", "o.program_id")
      .select(["o.key", "o.payload", "o.seq", "o.delivered_at", "o.attempts", "o.created_at"])
      .where("p.key", "=", p)
      .where("o.topic", "=", "points.changed")
      .orderBy("o.key")
      .execute();
    return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
  }

  /** Delivers every due points.changed message, as a platform sync would. */
  async function deliverAll(p: string, at: Date): Promise<number> {
    const claimed = await engine.outbox.claim(p, at, { topics: ["points.changed"] });
    if (!claimed.ok) throw new Error(claimed.error.message);
    const settled = await engine.outbox.settle(p, at, { delivered: claimed.value, failed: [] });
    if (!settled.ok) throw new Error(settled.error.message);
    return settled.value.delivered;
  }

  it("given an order paid, then one points.changed for its member; later events re-arm that same row", async () => {
    const p = await program();
    await apply(p, order("o1", "c1", day(2).toISOString(), [{ price: 10000 }]), day(2));
    expect(await messages(p)).toEqual([
      { key: "points.changed:c1", payload: { customerId: "c1" }, seq: 0, delivered_at: null, attempts: 0, created_at: day(2) },
    ]);
    expect(await deliverAll(p, day(2))).toBe(1);

    await apply(p, order("o2", "c1", day(3).toISOString(), [{ price: 4000 }]), day(3));
    await apply(p, adjust("c1", 30), day(3));
    await apply(p, spend("c1", 20), day(4));
    await apply(p, refund("r1", "o2", day(4).toISOString(), { amount: 2000 }), day(5));
    const [row] = await messages(p);
    expect(await messages(p)).toHaveLength(1);
    expect(row).toMatchObject({ key: "points.changed:c1", seq: 4, delivered_at: null, attempts: 0, created_at: day(5) });
    expect(await deliverAll(p, day(5))).toBe(1);
    expect(await deliverAll(p, day(5))).toBe(0);
  });

  it("given the same event delivered twice, then the ledger refuses the duplicate and the message is not re-armed", async () => {
    const p = await program();
    const paid = order("o1", "c1", day(2).toISOString(), [{ price: 10000 }]);
    await apply(p, paid, day(2));
    await deliverAll(p, day(2));
    const again = await engine.apply(p, paid, day(3));
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe("AlreadyApplied");
    expect(await messages(p)).toEqual([expect.objectContaining({ seq: 0, delivered_at: day(2) })]);
  });

  it("given a decision that leaves the balances as they were, then no message (a member with nothing, an order in another currency)", async () => {
    const p = await program();
    await apply(p, { type: "customer.created", customerId: "c9", occurredAt: day(2).toISOString(), email: "c9@example.com" }, day(2));
    await apply(p, order("o1", "c1", day(2).toISOString(), [{ price: 10000 }]), day(2));
    await deliverAll(p, day(2));
    const foreign = await apply(p, order("o2", "c1", day(3).toISOString(), [{ price: 10000 }], { currency: "EUR" }), day(3));
    expect(foreign.status).toBe("ignored");
    expect(await messages(p)).toEqual([expect.objectContaining({ key: "points.changed:c1", seq: 0, delivered_at: day(2) })]);
  });

  it("given points that mature or expire through engine.maintain, then the member's message is re-armed", async () => {
    const p = await program();
    await apply(p, order("o1", "c1", day(2).toISOString(), [{ price: 10000 }]), day(2));
    await apply(p, order("o2", "c2", day(2).toISOString(), [{ price: 5000 }]), day(2));
    expect(await deliverAll(p, day(2))).toBe(2);

    const matured = await engine.maintain(p, day(13));
    expect(matured.matured).toBe(2);
    expect(await messages(p)).toEqual([
      expect.objectContaining({ key: "points.changed:c1", seq: 1, delivered_at: null, created_at: day(13) }),
      expect.objectContaining({ key: "points.changed:c2", seq: 1, delivered_at: null, created_at: day(13) }),
    ]);
    expect(await deliverAll(p, day(13))).toBe(2);

    await engine.maintain(p, day(14));
    expect((await messages(p)).map((m) => m.seq)).toEqual([1, 1]);

    const expired = await engine.maintain(p, day(43));
    expect(expired.expired).toBe(2);
    expect((await messages(p)).map((m) => [m.key, m.seq, m.delivered_at])).toEqual([
      ["points.changed:c1", 2, null],
      ["points.changed:c2", 2, null],
    ]);
  });

  it("given several events of one member applied as one group, then still one row, re-armed once per decision", async () => {
    const p = await program();
    const inputs = [
      order("o1", "c1", day(2).toISOString(), [{ price: 10000 }]),
      order("o2", "c1", day(2).toISOString(), [{ price: 2000 }]),
      adjust("c1", 5),
      order("o3", "c2", day(2).toISOString(), [{ price: 3000 }]),
    ];
    const group = await applyGroup(
      dbOf(engine),
      inputs.map((raw) => {
        const parsed = parseInput(raw);
        if (!parsed.ok) throw new Error(parsed.error.message);
        return { program: p, input: parsed.value };
      }),
      day(2),
    );
    if ("failed" in group) throw new Error(group.failed);
    expect(group.results.every((r) => r.ok)).toBe(true);
    expect((await messages(p)).map((m) => [m.key, m.seq])).toEqual([
      ["points.changed:c1", 2],
      ["points.changed:c2", 0],
    ]);
    expect(await engine.verify(p)).toEqual([]);
  });
});
