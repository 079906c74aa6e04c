import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../../test/support/engine-db.ts";
import { setInsight } from "../../../../test/support/member-insight.ts";
import { programConfig } from "../../../../test/support/program-fixture.ts";
import { desiredLabels, type Engine, type SegmentChange, type SegmentKey, type SegmentSync } from "../../src/index.ts";
import { type BackendName, backends, openTestEngine, uniqueProgramKey } from "../support/backends.ts";
import { customerCreated, order } from "../support/events.ts";

const T0 = new Date("2026-11-01T00:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const SYNC: SegmentSync = { enabled: true, segments: ["champions", "at_risk"], tiers: true, tagPrefix: "kin-", metafields: true };

describe.each<BackendName>(backends)("segment sync: changes and pushes (%s)", (backend) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
  });
  afterAll(() => engine.close());

  /** A program with these customers as members (a 64-bit id among them); `gold` gets an order that makes them Gold. */
  async function programWith(customers: string[], sync: SegmentSync = SYNC, gold: string[] = []): Promise<string> {
    const key = uniqueProgramKey("seg");
    const created = await engine.createProgram({
      key,
      platform: "shopify",
      config: programConfig({ segmentSync: sync }),
      actor: "t",
      now: T0,
    });
    if (!created.ok) throw new Error(created.error.message);
    for (const c of customers) {
      const r = await engine.apply(key, customerCreated(c, T0.toISOString()), T0);
      if (!r.ok) throw new Error(r.error.message);
    }
    for (const c of gold) {
      const r = await engine.apply(key, order(`o-${c}`, c, T0.toISOString(), [{ price: 300_000 }]), T0);
      if (!r.ok) throw new Error(r.error.message);
    }
    return key;
  }
  const insight = (program: string, customer: string, segment: SegmentKey, when = T0) =>
    setInsight(dbOf(engine), program, customer, segment, when);
  async function all(program: string, platform: "shopify" | "medusa", now: Date, limit = 1000): Promise<SegmentChange[]> {
    const out: SegmentChange[] = [];
    let after: string | null = null;
    for (;;) {
      const r = await engine.segments.changes(program, platform, { limit, after }, now);
      if (!r.ok) throw new Error(r.error.message);
      out.push(...r.value.changes);
      if (r.value.next === null) return out;
      after = r.value.next;
    }
  }
  async function pushAll(program: string, platform: "shopify" | "medusa", changes: SegmentChange[], now: Date) {
    const r = await engine.segments.pushed(
      program,
      platform,
      changes.map((c) => ({ customerId: c.customerId, labels: c.labels, segment: c.segment, version: c.version })),
      now,
    );
    if (!r.ok) throw new Error(r.error.message);
    return r.value.recorded;
  }
  const updateSync = async (program: string, sync: Partial<SegmentSync>, now: Date) => {
    const current = await engine.program(program);
    if (!current.ok) throw new Error(current.error.message);
    const config = { ...current.value.config, segmentSync: { ...current.value.config.segmentSync, ...sync } };
    const r = await engine.updateConfig(program, config, "t", now);
    if (!r.ok) throw new Error(r.error.message);
  };

  it("wants the chosen segments' and the tier's labels, in keyset batches; pushed, nothing is left; a second run finds nothing", async () => {
    const big = "7602385400000000123";
    const customers = ["ada", "bob", "cy", "dee", big];
    const program = await programWith(customers, SYNC, ["bob"]);
    const segments: Record<string, SegmentKey> = { ada: "champions", bob: "at_risk", cy: "loyal", [big]: "champions" };
    for (const [c, s] of Object.entries(segments)) await insight(program, c, s);

    const changes = await all(program, "shopify", at(1), 2);
    const tiers: Record<string, string> = { bob: "gold" };
    expect(changes.map((c) => c.customerId)).toEqual(customers);
    for (const c of changes) {
      const wanted = desiredLabels(SYNC, segments[c.customerId] ?? null, tiers[c.customerId] ?? "member");
      expect(c).toMatchObject({ labels: wanted, add: wanted, remove: [], pushedSegment: null, version: at(1).getTime() });
    }
    expect(changes.find((c) => c.customerId === "ada")).toMatchObject({
      labels: ["kin-champions", "kin-tier-member"],
      segment: "champions",
      rfm: { r: 3, f: 3, m: 3 },
    });
    expect(changes.find((c) => c.customerId === "bob")?.labels).toEqual(["kin-at_risk", "kin-tier-gold"]);
    // loyal is not chosen: only the tier label, no segment metafield; dee has no insight yet.
    expect(changes.find((c) => c.customerId === "cy")).toMatchObject({ labels: ["kin-tier-member"], segment: null, rfm: null });
    expect(changes.find((c) => c.customerId === "dee")).toMatchObject({ labels: ["kin-tier-member"], segment: null });

    expect(await pushAll(program, "shopify", changes, at(2))).toBe(5);
    expect(await all(program, "shopify", at(3))).toEqual([]);
    // Medusa is another platform: nothing was pushed there, and it has no metafields.
    const medusa = await all(program, "medusa", at(3));
    expect(medusa.map((c) => [c.customerId, c.segment])).toEqual(customers.map((c) => [c, null]));
  });

  it("a segment change is one removal and one addition; the new segment unchecked removes its label only", async () => {
    const program = await programWith(["ada", "bob"]);
    await insight(program, "ada", "champions");
    await insight(program, "bob", "champions");
    await pushAll(program, "shopify", await all(program, "shopify", at(1)), at(1));

    await insight(program, "ada", "at_risk", at(10));
    const moved = await all(program, "shopify", at(11));
    expect(moved).toMatchObject([
      {
        customerId: "ada",
        labels: ["kin-at_risk", "kin-tier-member"],
        add: ["kin-at_risk"],
        remove: ["kin-champions"],
        segment: "at_risk",
        pushedSegment: "champions",
      },
    ]);
    await pushAll(program, "shopify", moved, at(12));

    await updateSync(program, { segments: ["champions"] }, at(20));
    expect(await all(program, "shopify", at(21))).toMatchObject([
      { customerId: "ada", labels: ["kin-tier-member"], add: [], remove: ["kin-at_risk"], segment: null, pushedSegment: "at_risk" },
    ]);
  });

  it("sync off: everything Kinship pushed comes back as removals, and then nothing", async () => {
    const program = await programWith(["ada", "bob", "cy"]);
    await insight(program, "ada", "champions");
    await insight(program, "bob", "loyal");
    await pushAll(program, "shopify", await all(program, "shopify", at(1)), at(1));

    await updateSync(program, { enabled: false }, at(5));
    const off = await all(program, "shopify", at(6));
    expect(off.map((c) => ({ customerId: c.customerId, labels: c.labels, add: c.add, remove: c.remove, segment: c.segment }))).toEqual([
      { customerId: "ada", labels: [], add: [], remove: ["kin-champions", "kin-tier-member"], segment: null },
      { customerId: "bob", labels: [], add: [], remove: ["kin-tier-member"], segment: null },
      { customerId: "cy", labels: [], add: [], remove: ["kin-tier-member"], segment: null },
    ]);
    await pushAll(program, "shopify", off, at(7));
    expect(await all(program, "shopify", at(8))).toEqual([]);
    // A new prefix while on again: the old labels go, the new ones come.
    await updateSync(program, { enabled: true, tagPrefix: "loyal-" }, at(9));
    expect((await all(program, "shopify", at(10)))[0]).toMatchObject({
      customerId: "ada",
      add: ["loyal-champions", "loyal-tier-member"],
      remove: [],
    });
  });

  it("recording is idempotent and a push that read an older state never overwrites a newer one", async () => {
    const program = await programWith(["ada"]);
    await insight(program, "ada", "champions");
    const [old] = await all(program, "shopify", at(1));
    await insight(program, "ada", "at_risk", at(2));
    const [fresh] = await all(program, "shopify", at(3));
    if (!old || !fresh) throw new Error("expected changes");
    expect(await pushAll(program, "shopify", [fresh], at(4))).toBe(1);
    expect(await pushAll(program, "shopify", [fresh], at(5))).toBe(0);
    expect(await pushAll(program, "shopify", [old], at(6))).toBe(0);
    expect(await all(program, "shopify", at(7))).toEqual([]);
    const row = await dbOf(engine)
      .selectFrom("kinship_segment_push")
      .select(["labels", "segment", "pushed_at"])
      .where("platform", "=", "shopify")
      .where("member_id", "in", dbOf(engine).selectFrom("kinship_member").select("id").where("customer_id", "=", "ada"))
      .where("program_id", "in", dbOf(engine).selectFrom("kinship_program").select("id").where("key", "=", program))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ labels: ["kin-at_risk", "kin-tier-member"], segment: "at_risk", pushed_at: at(4) });
  });

  it("reads the segments the clock's insight pass computed: the labels follow kinship_member_insight", async () => {
    const every: SegmentSync = { ...SYNC, segments: ["champions", "loyal", "at_risk", "lapsed", "new", "regular"] };
    const program = await programWith(["ada", "bob", "cy"], every);
    for (const [i, c] of ["ada", "ada", "ada", "bob"].entries()) {
      const r = await engine.apply(program, order(`p-${i}`, c, at(i).toISOString(), [{ price: 5_000 * (i + 1) }]), at(i));
      if (!r.ok) throw new Error(r.error.message);
    }
    const done = await engine.maintain(program, at(60 * 24));
    expect(done.insight?.members).toBe(3);
    const computed = await dbOf(engine)
      .selectFrom("kinship_member_insight")
      .innerJoin("kinship_member", "kinship_member.id", "kinship_member_insight.member_id")
      .innerJoin("kinship_program", "kinship_program.id", "kinship_member.program_id")
      .select(["kinship_member.customer_id", "kinship_member_insight.segment", "kinship_member.tier_key"])
      .where("kinship_program.key", "=", program)
      .execute();
    expect(computed).toHaveLength(3);
    const changes = await all(program, "shopify", at(60 * 25));
    expect(changes.map((c) => [c.customerId, c.labels]).sort()).toEqual(
      computed.map((r) => [r.customer_id, desiredLabels(every, r.segment as SegmentKey, r.tier_key)]).sort(),
    );
  });

  it("the labels pushed (kin-…) coming back on the platform's customer update are not kept as the merchant's tags", async () => {
    const key = await programWith(["echo"]);
    const update = {
      type: "customer.updated",
      customerId: "echo",
      occurredAt: at(5).toISOString(),
      tags: ["vip", "kin-champions", "kin-tier-gold"],
    };
    const r = await engine.apply(key, update, at(5));
    expect(r.ok).toBe(true);
    const member = await engine.member(key, "echo", at(5));
    expect(member.ok && member.value.profile.tags).toEqual(["vip"]);
  });

  it("bad input gets a clear error and writes nothing", async () => {
    const program = await programWith(["ada"]);
    const bad = await engine.segments.changes(program, "wix" as "shopify", { limit: 0 }, at(1));
    expect(bad.ok || bad.error).toMatchObject({
      code: "InvalidSegmentPush",
      issues: [expect.stringMatching(/^platform/), expect.stringMatching(/^limit/)],
    });
    const unknown = await engine.segments.changes("no-such-program", "shopify", {}, at(1));
    expect(unknown.ok || unknown.error.code).toBe("UnknownProgram");
    const refused = await engine.segments.pushed(
      program,
      "shopify",
      [
        { customerId: "ada", labels: ["kin-champions"], version: at(1).getTime() },
        { customerId: "", labels: [""], version: -1 },
      ],
      at(1),
    );
    expect(refused.ok || refused.error).toMatchObject({
      code: "InvalidSegmentPush",
      issues: [
        "[1] customerId: expected a non-empty string",
        expect.stringMatching(/^\[1\] labels/),
        expect.stringMatching(/^\[1\] version/),
      ],
    });
    const rows = await dbOf(engine)
      .selectFrom("kinship_segment_push")
      .innerJoin("kinship_program", "kinship_program.id", "kinship_segment_push.program_id")
      .select("member_id")
      .where("kinship_program.key", "=", program)
      .execute();
    expect(rows).toEqual([]);
  });
});
