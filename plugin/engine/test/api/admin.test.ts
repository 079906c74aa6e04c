import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../../test/support/engine-db.ts";
import { type Engine, executeAdmin, executeStorefront } from "../../src/index.ts";
import { type BackendName, backends, openTestEngine } from "../support/backends.ts";
import { apiProgram, codeOf, field, gridVariant, json, NOW, seedProgram } from "./support.ts";

const LEDGER = `query Ledger($id: ID!, $first: Int, $after: String) { member(customerId: $id) {
  points { available } ledger(first: $first, after: $after) { lines { key kind available pending reason actor orderId occurredAt } nextCursor } } }`;
const ADJUST = `mutation Adjust($id: ID!, $points: Int!, $reason: String!) {
  adjustPoints(customerId: $id, points: $points, reason: $reason) { customerId points { available } } }`;
const UPDATE = "mutation Update($config: JSON!) { updateProgram(config: $config) { key version config } }";
const PROGRAM = "{ program { key version } }";

type Line = { key: string; kind: string; available: number; reason: string; actor: string | null };
type Page = { lines: Line[]; nextCursor: string | null };

describe.each<BackendName>(backends)("admin GraphQL (%s)", (backend) => {
  let engine: Engine;
  let program: string;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
    program = await seedProgram(engine, "admin");
  });
  afterAll(() => engine.close());

  const admin = (actor = "ops@example.com", key = program) => ({
    ask: (query: string, variables?: Record<string, unknown>) =>
      executeAdmin(engine, { program: key, actor, now: NOW }, { query, variables }),
  });

  it("member: balances, tier, profile and the latest ledger lines; null for a stranger", async () => {
    const result = json(
      await admin().ask(`{ member(customerId: "bob") { customerId tier { key } points { available pending } growth profile
        ledger(first: 5) { lines { kind available reason actor orderId } nextCursor } } }`),
    );
    expect(result).toEqual({
      data: {
        member: {
          customerId: "bob",
          tier: { key: "member" },
          points: { available: 700, pending: 0 },
          growth: 300,
          profile: { email: null, firstName: null, lastName: null, birthday: null, tags: [] },
          ledger: {
            lines: [
              { kind: "adjust", available: 400, reason: "welcome", actor: "setup", orderId: null },
              { kind: "earn", available: 300, reason: expect.any(String), actor: null, orderId: "b1" },
            ],
            nextCursor: null,
          },
        },
      },
    });
    expect(json(await admin().ask('{ member(customerId: "nobody") { customerId } }'))).toEqual({ data: { member: null } });
  });

  it("adjustPoints: credits and debits with the admin's reason, recorded under the acting admin", async () => {
    const credited = json(await admin("ana@shop.example").ask(ADJUST, { id: "dora", points: 250, reason: "late delivery" }));
    expect(credited).toEqual({ data: { adjustPoints: { customerId: "dora", points: { available: 250 } } } });
    const debited = json(await admin("ben@shop.example").ask(ADJUST, { id: "dora", points: -50, reason: "duplicate credit" }));
    expect(debited.data?.adjustPoints).toEqual({ customerId: "dora", points: { available: 200 } });
    const page = json(await admin().ask(LEDGER, { id: "dora" })).data?.member as { ledger: Page };
    expect(page.ledger.lines.map((l) => [l.kind, l.available, l.reason, l.actor])).toEqual([
      ["adjust", -50, "duplicate credit", "ben@shop.example"],
      ["adjust", 250, "late delivery", "ana@shop.example"],
    ]);
  });

  it("adjustPoints: a retry with the same idempotencyKey is applied once", async () => {
    const RETRY = `mutation Adjust($id: ID!, $key: String) {
      adjustPoints(customerId: $id, points: 40, reason: "goodwill", idempotencyKey: $key) { points { available } } }`;
    const first = json(await admin().ask(RETRY, { id: "ezra", key: "ticket-4711" }));
    const again = json(await admin().ask(RETRY, { id: "ezra", key: "ticket-4711" }));
    expect(first.data?.adjustPoints).toEqual({ points: { available: 40 } });
    expect(again.data?.adjustPoints).toEqual({ points: { available: 40 } });
  });

  it("adjustPoints: concurrent retries with one key apply once; the key reused for another adjustment is refused", async () => {
    const KEYED = `mutation Adjust($id: ID!, $points: Int!, $reason: String!, $key: String) {
      adjustPoints(customerId: $id, points: $points, reason: $reason, idempotencyKey: $key) { customerId points { available } } }`;
    const ask = (id: string, points: number, reason: string, key: string) => admin().ask(KEYED, { id, points, reason, key }).then(json);
    const answers = await Promise.all(Array.from({ length: 5 }, () => ask("fred", 75, "missing parcel", "ticket-9")));
    expect(answers.map((a) => a.data?.adjustPoints)).toEqual(Array(5).fill({ customerId: "fred", points: { available: 75 } }));
    // A debit retried, and a retry whose reason only differs by the spaces the engine trims, are the same adjustment.
    expect((await ask("fred", -25, "correction", "ticket-10")).data?.adjustPoints).toEqual({
      customerId: "fred",
      points: { available: 50 },
    });
    expect((await ask("fred", -25, "correction", "ticket-10")).data?.adjustPoints).toEqual({
      customerId: "fred",
      points: { available: 50 },
    });
    expect((await ask("fred", 75, "  missing parcel ", "ticket-9")).errors).toBeUndefined();

    for (const [id, points, reason] of [
      ["gina", 75, "missing parcel"],
      ["fred", 80, "missing parcel"],
      ["fred", 75, "another reason"],
    ] as const) {
      const reused = await ask(id, points, reason, "ticket-9");
      expect(reused.data).toBeNull();
      expect(reused.errors?.[0]?.extensions).toMatchObject({ code: "IdempotencyKeyReused", key: "ticket-9" });
    }
    const page = json(await admin().ask(LEDGER, { id: "fred" })).data?.member as { points: { available: number }; ledger: Page };
    expect(page.points.available).toBe(50);
    expect(page.ledger.lines.map((l) => [l.available, l.reason])).toEqual([
      [-25, "correction"],
      [75, "missing parcel"],
    ]);
    expect(json(await admin().ask(LEDGER, { id: "gina" })).data?.member).toBeNull();

    for (const key of ["", "k".repeat(101)]) expect((await ask("fred", 1, "x", key)).errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
  });

  it("adjustPoints: a debit larger than the balance fails with InsufficientPoints and changes nothing", async () => {
    const result = json(await admin().ask(ADJUST, { id: "cara", points: -11, reason: "correction" }));
    expect(result.data).toBeNull();
    expect(result.errors).toMatchObject([
      {
        message: "member cara has 10 points available, cannot deduct 11",
        path: ["adjustPoints"],
        extensions: { code: "InsufficientPoints", available: 10, requested: 11 },
      },
    ]);
    expect(codeOf(await admin().ask(ADJUST, { id: "cara", points: 5, reason: "  " }))).toBe("InvalidEvent");
    const cara = json(await admin().ask(LEDGER, { id: "cara" })).data?.member as { points: { available: number }; ledger: Page };
    expect(cara.points.available).toBe(10);
    expect(cara.ledger.lines).toHaveLength(1);
  });

  it("order: what one order earned, what its refunds took back, its growth and lines; null for an unknown order", async () => {
    const { order, refund } = await import("../support/events.ts");
    const ORDER = `query Order($id: ID!) { order(orderId: $id) { orderId customerId earned reversed growth lines { kind available orderId } } }`;
    for (const input of [
      order("f1", "finn", "2026-05-20T10:00:00Z", [{ price: 30000 }]),
      refund("r-f1", "f1", "2026-05-25T10:00:00Z", { amount: 10000 }),
    ])
      expect((await engine.apply(program, input, NOW)).ok).toBe(true);
    expect(json(await admin().ask(ORDER, { id: "f1" }))).toEqual({
      data: {
        order: {
          orderId: "f1",
          customerId: "finn",
          earned: 300,
          reversed: 100,
          growth: 200,
          lines: [
            { kind: "earn", available: 300, orderId: "f1" },
            { kind: "reverse", available: -100, orderId: "f1" },
          ],
        },
      },
    });
    expect(json(await admin().ask(ORDER, { id: "no-such-order" }))).toEqual({ data: { order: null } });
  });

  it("ledger: pages newest first with an opaque cursor until nextCursor is null", async () => {
    for (let i = 1; i <= 7; i += 1) await admin().ask(ADJUST, { id: "erin", points: i, reason: `credit ${i}` });
    const seen: string[] = [];
    let after: string | null = null;
    const sizes: number[] = [];
    do {
      const ledger: Page = field<{ ledger: Page }>(await admin().ask(LEDGER, { id: "erin", first: 3, after }), "member").ledger;
      sizes.push(ledger.lines.length);
      seen.push(...ledger.lines.map((l) => l.reason));
      after = ledger.nextCursor;
      if (after) expect(after).not.toMatch(/^\d+$/);
    } while (after);
    expect(sizes).toEqual([3, 3, 1]);
    expect(seen).toEqual(["credit 7", "credit 6", "credit 5", "credit 4", "credit 3", "credit 2", "credit 1"]);
    expect(codeOf(await admin().ask(LEDGER, { id: "erin", after: "not-a-cursor" }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await admin().ask(LEDGER, { id: "erin", first: 0 }))).toBe("BAD_USER_INPUT");
  });

  it("updateProgram: an invalid config is refused with InvalidConfig and its issues; the version stays", async () => {
    const before = json(await admin().ask(PROGRAM)).data?.program as { version: number };
    const broken = { ...apiProgram(), tiers: [{ key: "member", name: "Member", threshold: 100 }] };
    const result = json(await admin().ask(UPDATE, { config: broken }));
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "InvalidConfig",
      issues: expect.arrayContaining(["tiers.0.threshold: the first tier starts at 0"]),
    });
    expect(result.errors?.[0]?.message).toMatch(/^invalid program config: /);
    expect(json(await admin().ask(PROGRAM)).data?.program).toEqual({ key: program, version: before.version });
  });

  it("updateProgram: a valid config becomes the next version, and the audit log keeps who changed what", async () => {
    const before = json(await admin().ask(PROGRAM)).data?.program as { version: number };
    const next = { ...apiProgram(), name: "Club Kinship" };
    const result = json(await admin("owner@shop.example").ask(UPDATE, { config: next }));
    expect(result.data?.updateProgram).toMatchObject({
      key: program,
      version: before.version + 1,
      config: { name: "Club Kinship", currency: "USD" },
    });
    const audit = json(await admin().ask("{ audit(first: 1) { actor action subject before after at } }")).data?.audit as Record<
      string,
      unknown
    >[];
    expect(audit).toEqual([
      {
        actor: "owner@shop.example",
        action: "config.update",
        subject: `${program}@${before.version + 1}`,
        before: expect.objectContaining({ name: "Kinship rewards" }),
        after: expect.objectContaining({ name: "Club Kinship" }),
        at: NOW.toISOString(),
      },
    ]);
  });

  it("updateProgram: saving the config the program already has (a retried save) makes no new version and no audit entry", async () => {
    const next = { ...apiProgram(), name: "Club Kinship (again)" };
    const version = (config: unknown) =>
      admin("owner@shop.example")
        .ask(UPDATE, { config })
        .then((r) => field<{ version: number }>(r, "updateProgram").version);
    const saved = await version(next);
    expect(await Promise.all([1, 2, 3].map(() => version(next)))).toEqual([saved, saved, saved]);
    expect(json(await admin().ask(PROGRAM)).data?.program).toEqual({ key: program, version: saved });
    const audit = json(await admin().ask("{ audit(first: 5) { action subject } }")).data?.audit as { subject: string }[];
    expect(audit.filter((e) => e.subject === `${program}@${saved + 1}`)).toEqual([]);
    expect(audit.filter((e) => e.subject === `${program}@${saved}`)).toHaveLength(1);
    // Keys in another order are the same config.
    expect(await version(Object.fromEntries(Object.entries(next).reverse()))).toBe(saved);
  });

  it("one program's context never reads or changes another program's members, prices or ledger", async () => {
    const other = await seedProgram(engine, "other");
    // bob exists in both programs; erin only in this one
    await admin("ops", other).ask(ADJUST, { id: "bob", points: 5, reason: "other shop" });
    expect(json(await admin("ops", other).ask('{ member(customerId: "erin") { customerId } }'))).toEqual({ data: { member: null } });
    const here = json(await admin().ask(LEDGER, { id: "bob" })).data?.member as { points: { available: number }; ledger: Page };
    expect(here.points.available).toBe(700);
    expect(here.ledger.lines.map((l) => l.reason)).not.toContain("other shop");
    // a cursor taken in this program pages nothing of the other's
    const page = field<{ ledger: Page }>(await admin().ask(LEDGER, { id: "erin", first: 1 }), "member").ledger;
    const stolen = json(await admin("ops", other).ask(LEDGER, { id: "erin", after: page.nextCursor }));
    expect(stolen).toEqual({ data: { member: null } });
    const there = json(await admin("ops", other).ask(LEDGER, { id: "bob" })).data?.member as {
      points: { available: number };
      ledger: Page;
    };
    expect(there.points.available).toBe(705);
    expect(there.ledger.lines.map((l) => [l.kind, l.reason])).toEqual([
      ["adjust", "other shop"],
      ["adjust", "welcome"],
      ["earn", expect.any(String)],
    ]);

    // the storefront too: erin is a member here, a stranger there
    const shopperThere = { program: other, customerId: "erin", now: NOW };
    expect(json(await executeStorefront(engine, shopperThere, { query: "{ me { customerId } }" }))).toEqual({ data: { me: null } });
    // and a variant imported only here is unknown there
    const { upsertVariants } = await import("../../src/store/index.ts");
    await upsertVariants(dbOf(engine), program, [{ ...gridVariant(99), variantId: "only-here" }], NOW);
    const prices = await executeStorefront(engine, shopperThere, { query: '{ memberPrices(variantIds: ["only-here"]) { variantId } }' });
    expect(json(prices)).toEqual({ data: { memberPrices: [] } });
  });
});
