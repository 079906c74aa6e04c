import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../test/support/engine-db.ts";
import { defaultProgramConfig, type Engine } from "../src/index.ts";
import { backends, openTestEngine, uniqueProgramKey } from "./support/backends.ts";
import { order } from "./support/events.ts";

const now = new Date("2026-03-02T00:00:00Z");

async function counts(engine: Engine) {
  const db = dbOf(engine);
  const one = async (table: "kinship_program" | "kinship_member" | "kinship_entry" | "kinship_event" | "kinship_lot") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    programs: await one("kinship_program"),
    members: await one("kinship_member"),
    entries: await one("kinship_entry"),
    events: await one("kinship_event"),
    lots: await one("kinship_lot"),
  };
}

describe.each(backends)("bad input gets a typed error and writes nothing (%s)", (backend) => {
  let engine: Engine;
  let program: string;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
    program = uniqueProgramKey("bad");
    await engine.createProgram({ key: program, platform: "shopify", config: defaultProgramConfig(), actor: "test", now });
  });
  afterAll(async () => {
    await engine.close();
  });

  it("unknown program", async () => {
    const before = await counts(engine);
    const r = await engine.apply("nope.myshopify.com", order("o1", "c1", "2026-03-01T00:00:00Z", [{ price: 100 }]), now);
    expect(r).toMatchObject({ ok: false, error: { code: "UnknownProgram" } });
    expect(await counts(engine)).toEqual(before);
  });

  it("invalid config: every problem is listed, no program is created", async () => {
    const before = await counts(engine);
    const config = {
      ...defaultProgramConfig(),
      currency: "usd",
      pendingDays: -1,
      tiers: [
        { key: "gold", name: "Gold", threshold: 100 },
        { key: "gold", name: "Gold again", threshold: 50 },
      ],
      rules: [{ id: "r", name: "bad", trigger: "order.paid", reward: {}, tierMultipliers: { platinum: 2 } }],
    };
    const r = await engine.createProgram({ key: uniqueProgramKey("bad"), platform: "shopify", config, actor: "test", now });
    expect(r.ok).toBe(false);
    if (r.ok || r.error.code !== "InvalidConfig") throw new Error("expected InvalidConfig");
    expect(r.error.issues.join("\n")).toMatch(/currency/);
    expect(r.error.issues.join("\n")).toMatch(/pendingDays/);
    expect(r.error.issues.join("\n")).toMatch(/first tier starts at 0/);
    expect(r.error.issues.join("\n")).toMatch(/thresholds must increase/);
    expect(r.error.issues.join("\n")).toMatch(/duplicate tier key gold/);
    expect(r.error.issues.join("\n")).toMatch(/reward needs points or growth/);
    expect(await counts(engine)).toEqual(before);
  });

  it("invalid config update keeps the old version", async () => {
    const r = await engine.updateConfig(program, { ...defaultProgramConfig(), expiry: { kind: "afterEarn", days: 0 } }, "admin", now);
    expect(r).toMatchObject({ ok: false, error: { code: "InvalidConfig" } });
    const p = await engine.program(program);
    expect(p.ok && p.value.configVersion).toBe(1);
  });

  it.each([
    ["not an object", "order"],
    ["unknown type", { type: "order.shipped", orderId: "1" }],
    [
      "64-bit id as a JSON number",
      { ...order("o1", "c1", "2026-03-01T00:00:00Z", [{ price: 100 }]), customerId: Number("115310627314723954") },
    ],
    ["negative price", order("o1", "c1", "2026-03-01T00:00:00Z", [{ price: -100 }])],
    ["fractional money", order("o1", "c1", "2026-03-01T00:00:00Z", [{ price: 10.5 }])],
    ["no lines", { ...order("o1", "c1", "2026-03-01T00:00:00Z", [{ price: 100 }]), lines: [] }],
    ["bad timestamp", order("o1", "c1", "yesterday", [{ price: 100 }])],
    ["unexpected field", { ...order("o1", "c1", "2026-03-01T00:00:00Z", [{ price: 100 }]), points: 1000000 }],
    ["refund with nothing refunded", { type: "refund.created", refundId: "r", orderId: "o", occurredAt: "2026-03-01T00:00:00Z" }],
    ["spend of zero", { type: "spend", key: "k", customerId: "c1", points: 0, reason: "x" }],
    ["adjust without actor", { type: "adjust", key: "k", customerId: "c1", points: 5, reason: "x" }],
  ])("malformed event: %s", async (_, event) => {
    const before = await counts(engine);
    const r = await engine.apply(program, event, now);
    expect(r).toMatchObject({ ok: false, error: { code: "InvalidEvent" } });
    if (!r.ok) expect(r.error.message).toMatch(/malformed/);
    expect(await counts(engine)).toEqual(before);
  });

  it("a failed command leaves nothing half-written, and its key can be used again", async () => {
    const before = await counts(engine);
    const r = await engine.apply(program, { type: "spend", key: "retry-me", customerId: "nobody", points: 5, reason: "x" }, now);
    expect(r).toMatchObject({ ok: false, error: { code: "UnknownMember" } });
    expect(await counts(engine)).toEqual(before);
    await engine.apply(program, { type: "adjust", key: "seed", customerId: "nobody", points: 10, reason: "seed", actor: "test" }, now);
    expect(
      await engine.apply(program, { type: "spend", key: "retry-me", customerId: "nobody", points: 5, reason: "x" }, now),
    ).toMatchObject({ ok: true });
  });
});
