import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../../test/support/engine-db.ts";
import { type Engine, executeAdmin } from "../../src/index.ts";
import { openTestEngine, uniqueProgramKey } from "../support/backends.ts";
import { adjust, customerCreated, order } from "../support/events.ts";
import { apiProgram, field, json, NOW } from "./support.ts";

const MEMBERS = `query Members($search: String, $tier: ID, $sort: MemberSort, $first: Int, $after: String) {
  members(search: $search, tier: $tier, sort: $sort, first: $first, after: $after) {
    members { customerId email name tier { key name } available pending growth joinedAt lastActivityAt } nextCursor } }`;
const OVERRIDE = `mutation Override($id: ID!, $tier: ID, $until: DateTime, $reason: String!, $key: String) {
  overrideTier(customerId: $id, tier: $tier, until: $until, reason: $reason, idempotencyKey: $key) {
    customerId tier { key } override { tier until reason actor setAt } } }`;
const MEMBER = `query Member($id: ID!) { member(customerId: $id) { tier { key } growth override { tier until reason actor setAt } } }`;

type Summary = { customerId: string; email: string | null; name: string | null; tier: { key: string }; available: number; growth: number };
type Page = { members: Summary[]; nextCursor: string | null };
const SORTS = ["POINTS_DESC", "POINTS_ASC", "GROWTH_DESC", "GROWTH_ASC", "JOINED_DESC"] as const;

describe("admin members (postgres)", () => {
  let engine: Engine;
  let program: string;
  let other: string;
  const ask = (query: string, variables: Record<string, unknown> = {}, key = program, now = NOW, actor = "ana@shop.example") =>
    executeAdmin(engine, { program: key, actor, now }, { query, variables });
  const page = async (variables: Record<string, unknown>, key = program) => field<Page>(await ask(MEMBERS, variables, key), "members");

  async function create(key: string) {
    const created = await engine.createProgram({ key, platform: "shopify", config: apiProgram(), actor: "setup", now: NOW });
    if (!created.ok) throw new Error(created.error.message);
  }
  async function apply(key: string, input: unknown, now = NOW) {
    const applied = await engine.apply(key, input, now);
    if (!applied.ok) throw new Error(applied.error.message);
  }

  const FIRST = ["Ada", "Adam", "Bob", "Cara", null];
  const LAST = ["Lovelace", "Love", "Smith", null];
  /** 240 members: 4 join instants, few distinct point and growth values (ties across pages), a spread of tiers. */
  async function seedMany(key: string) {
    for (let i = 0; i < 240; i++) {
      const id = `c${String(i).padStart(3, "0")}`;
      const joined = new Date(NOW.getTime() - (i % 4) * 86_400_000);
      await apply(
        key,
        customerCreated(id, joined.toISOString(), {
          email: i % 7 === 0 ? null : `${["ann", "Bo", "cy"][i % 3]}${i}@Example.com`,
          firstName: FIRST[i % 5],
          lastName: LAST[i % 4],
        }),
        joined,
      );
      if (i % 3 !== 0) await apply(key, adjust(id, [10, 20, 30][i % 3] as number, { growth: [0, 600, 2500][(i % 5) % 3] as number }));
    }
  }

  beforeAll(async () => {
    engine = await openTestEngine("postgres");
    program = uniqueProgramKey("members");
    other = uniqueProgramKey("members-other");
    await create(program);
    await create(other);
    await seedMany(program);
    await apply(other, customerCreated("c001", NOW.toISOString(), { email: "ann1@example.com", firstName: "Other" }));
    await apply(other, customerCreated("x-only-there", NOW.toISOString(), { email: "zed@example.com", firstName: "Zed" }));
  }, 120_000);
  afterAll(() => engine.close());

  /** Every member of the program as the database has it: the oracle the pages are checked against. */
  async function everyone(key: string) {
    const rows = await dbOf(engine)
      .selectFrom("kinship_member as m")
      .innerJoin("kinship_program as p", "p.id", "m.program_id")
      .select(["m.id", "m.customer_id", "m.available", "m.growth", "m.created_at", "m.tier_key", "m.profile"])
      .where("p.key", "=", key)
      .execute();
    return rows.map((r) => {
      const p = r.profile as { email?: string | null; firstName?: string | null; lastName?: string | null };
      return {
        id: Number(r.id),
        customerId: r.customer_id,
        available: Number(r.available),
        growth: Number(r.growth),
        joined: r.created_at.getTime(),
        tier: r.tier_key,
        email: p.email ?? null,
        first: p.firstName ?? null,
        last: p.lastName ?? null,
      };
    });
  }
  type Row = Awaited<ReturnType<typeof everyone>>[number];

  function expected(rows: Row[], sort: (typeof SORTS)[number], search: string | null, tier: string | null): string[] {
    const s = search?.toLowerCase();
    const matches = (r: Row) =>
      s === undefined ||
      r.customerId === search ||
      (r.email ?? "").toLowerCase().startsWith(s) ||
      r.last?.toLowerCase().startsWith(s) === true ||
      `${r.first ?? ""} ${r.last ?? ""}`.trim().toLowerCase().startsWith(s);
    const key = (r: Row) => (sort.startsWith("POINTS") ? r.available : sort.startsWith("GROWTH") ? r.growth : r.joined);
    const sign = sort.endsWith("ASC") ? 1 : -1;
    return rows
      .filter((r) => (tier === null || r.tier === tier) && matches(r))
      .sort((a, b) => sign * (key(a) - key(b) || a.id - b.id))
      .map((r) => r.customerId);
  }

  async function walk(variables: Record<string, unknown>): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let n = 0; n < 300; n++) {
      const p: Page = await page({ ...variables, after });
      seen.push(...p.members.map((m) => m.customerId));
      if (p.nextCursor === null) return seen;
      after = p.nextCursor;
    }
    throw new Error("no last page");
  }

  it("pages through every sort, search and tier without losing or repeating a member, ties included", async () => {
    const rows = await everyone(program);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SORTS),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(null, "member", "silver", "gold"),
        fc.constantFrom(null, "a", "AD", "ann1", "bo", "ada l", "love", "c017", "lovelace", "zz"),
        async (sort, first, tier, search) => {
          const got = await walk({ sort, first, tier, search });
          expect(got).toEqual(expected(rows, sort, search, tier));
        },
      ),
      { numRuns: 40 },
    );
  }, 240_000);

  it("search: a whole customer id, or a prefix of the email, last name or 'first last', any case; % and _ are literal", async () => {
    expect((await page({ search: "c017" })).members.map((m) => m.customerId)).toEqual(["c017"]);
    expect((await page({ search: "c01" })).members).toEqual([]);
    const ann = await page({ search: "ANN12@", sort: "JOINED_DESC" });
    expect(ann.members).toEqual([
      {
        customerId: "c012",
        email: "ann12@Example.com",
        name: "Bob Lovelace",
        tier: { key: "member", name: "Member" },
        available: 0,
        pending: 0,
        growth: 0,
        joinedAt: "2026-06-01T12:00:00.000Z",
        lastActivityAt: null,
      },
    ]);
    const names = (await page({ search: "adam smi", first: 100 })).members;
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((m) => m.name === "Adam Smith")).toBe(true);
    const lastOnly = (await page({ search: "smith", first: 100 })).members;
    expect(lastOnly.every((m) => m.name?.endsWith("Smith"))).toBe(true);
    expect((await page({ search: "%" })).members).toEqual([]);
    expect((await page({ search: "ann_" })).members).toEqual([]);
    // No name at all is null, not an empty string; a first name alone is trimmed.
    expect((await page({ search: "c019" })).members[0]?.name).toBeNull();
    expect((await page({ search: "c003" })).members[0]?.name).toBe("Cara");
  });

  it("a program sees only its own members", async () => {
    const here = await page({ search: "ann1", first: 100 });
    expect(here.members.map((m) => m.name)).not.toContain("Other");
    const there = await page({ search: "ann1", first: 100 }, other);
    expect(there.members.map((m) => [m.customerId, m.name])).toEqual([["c001", "Other"]]);
    expect((await page({ search: "x-only-there" })).members).toEqual([]);
    expect((await page({ search: "zed" })).members).toEqual([]);
    expect(await walk({ first: 100 }).then((ids) => ids.length)).toBe(240);
  });

  it("refuses a bad page size, an unknown tier and a cursor from another sort, search or tier", async () => {
    for (const first of [0, 101]) {
      const r = json(await ask(MEMBERS, { first }));
      expect(r.errors?.[0]).toMatchObject({ message: `first must be 1 to 100, got ${first}`, extensions: { code: "BAD_USER_INPUT" } });
    }
    const unknown = json(await ask(MEMBERS, { tier: "platinum" }));
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'no tier "platinum" in this program (its tiers: member, silver, gold)',
      extensions: { code: "UnknownTier", tier: "platinum" },
    });
    const cursor = (await page({ sort: "GROWTH_DESC", first: 5 })).nextCursor;
    expect(cursor).not.toBeNull();
    const otherSort = json(await ask(MEMBERS, { sort: "POINTS_DESC", first: 5, after: cursor }));
    expect(otherSort.errors?.[0]).toMatchObject({
      message: "after is a cursor of the GROWTH_DESC sort; this list is sorted POINTS_DESC: start again without after",
      extensions: { code: "BAD_USER_INPUT" },
    });
    const otherTier = json(await ask(MEMBERS, { sort: "GROWTH_DESC", tier: "gold", first: 5, after: cursor }));
    expect(otherTier.errors?.[0]?.message).toBe(
      "after is a cursor of another search or tier: pass the same search and tier, or start again without after",
    );
    for (const after of ["nonsense", Buffer.from("entry:12").toString("base64url")]) {
      const r = json(await ask(MEMBERS, { after }));
      expect(r.errors?.[0]).toMatchObject({
        message: "after is not a members cursor from this API",
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
  });

  describe("overrideTier", () => {
    const rowsOf = async (table: "kinship_tier_change" | "kinship_outbox" | "kinship_audit") => {
      const db = dbOf(engine);
      const id = Number((await db.selectFrom("kinship_program").select("id").where("key", "=", program).executeTakeFirstOrThrow()).id);
      return db.selectFrom(table).selectAll().where("program_id", "=", id).orderBy("id").execute();
    };

    it("holds the member at the tier (earns do not lift them), syncs the move, audits it, and a retry changes nothing", async () => {
      await apply(program, customerCreated("held", NOW.toISOString(), { email: "held@example.com" }));
      const vars = { id: "held", tier: "silver", until: "2026-07-01T00:00:00Z", reason: "  press partner  ", key: "ovr-1" };
      const first = json(await ask(OVERRIDE, vars));
      const answer = {
        customerId: "held",
        tier: { key: "silver" },
        override: {
          tier: "silver",
          until: "2026-07-01T00:00:00.000Z",
          reason: "press partner",
          actor: "ana@shop.example",
          setAt: NOW.toISOString(),
        },
      };
      expect(first).toEqual({ data: { overrideTier: answer } });
      const counts = async () => [
        (await rowsOf("kinship_tier_change")).length,
        (await rowsOf("kinship_outbox")).length,
        (await rowsOf("kinship_audit")).length,
      ];
      const before = await counts();
      expect(json(await ask(OVERRIDE, vars))).toEqual({ data: { overrideTier: answer } });
      expect(await counts()).toEqual(before);

      const changes = (await rowsOf("kinship_tier_change")).filter((c) => c.key.startsWith("override:ovr-1"));
      expect(changes.map((c) => [c.from_tier, c.to_tier, c.reason])).toEqual([["member", "silver", "override"]]);
      const message = (await rowsOf("kinship_outbox")).find((m) => m.key === "tier:override:ovr-1:override");
      expect(message).toMatchObject({
        topic: "tier.changed",
        payload: { customerId: "held", from: "member", to: "silver", reason: "override" },
      });
      const audit = (await rowsOf("kinship_audit")).filter((a) => a.action === "member.override");
      expect(audit.map((a) => [a.actor, a.subject, a.request_key])).toEqual([["ana@shop.example", "held", "ovr-1"]]);

      // Gold's growth by an order does not lift a held member; neither does maintenance lower one.
      await apply(program, order("held-o1", "held", "2026-06-01T13:00:00Z", [{ price: 300000 }]), new Date("2026-06-01T13:00:00Z"));
      expect(field<{ tier: { key: string }; growth: number }>(await ask(MEMBER, { id: "held" }), "member")).toMatchObject({
        tier: { key: "silver" },
        growth: 3000,
      });
      await engine.maintain(program, new Date("2026-06-20T00:00:00Z"));
      expect(field<{ tier: { key: string } }>(await ask(MEMBER, { id: "held" }), "member").tier.key).toBe("silver");

      // After its end: answered as none at once, ended by the next maintenance, and growth decides (up: at once).
      const after = new Date("2026-07-02T00:00:00Z");
      expect(field<{ override: unknown }>(await ask(MEMBER, { id: "held" }, program, after), "member").override).toBeNull();
      await engine.maintain(program, after);
      expect(field<{ tier: { key: string } }>(await ask(MEMBER, { id: "held" }, program, after), "member").tier.key).toBe("gold");
      const ended = (await rowsOf("kinship_tier_change")).filter((c) => c.reason === "override_ended");
      expect(ended.map((c) => [c.from_tier, c.to_tier])).toEqual([["silver", "gold"]]);
      expect(
        (await rowsOf("kinship_outbox")).some(
          (m) => m.topic === "tier.changed" && (m.payload as { reason: string }).reason === "override_ended",
        ),
      ).toBe(true);
      const row = await dbOf(engine)
        .selectFrom("kinship_member")
        .select(["override_tier", "override_set_at"])
        .where("customer_id", "=", "held")
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ override_tier: null, override_set_at: null });
    });

    it("clears with tier null: the tier follows growth again, with grace on the way down", async () => {
      await apply(program, customerCreated("vip", NOW.toISOString()));
      expect(json(await ask(OVERRIDE, { id: "vip", tier: "gold", reason: "founder" })).data?.overrideTier).toMatchObject({
        tier: { key: "gold" },
        override: { tier: "gold", until: null },
      });
      const cleared = json(await ask(OVERRIDE, { id: "vip", tier: null, reason: "no longer" }));
      expect(cleared.data?.overrideTier).toEqual({ customerId: "vip", tier: { key: "gold" }, override: null });
      const changes = (await rowsOf("kinship_tier_change")).filter((c) => c.reason === "override_ended" || c.reason === "grace_started");
      expect(changes.slice(-2).map((c) => [c.reason, c.from_tier, c.to_tier])).toEqual([
        ["override_ended", "gold", "gold"],
        ["grace_started", "gold", "gold"],
      ]);
    });

    it("refuses a key reused for another request, a non-member, an unknown tier, a past end and a bad reason, writing nothing", async () => {
      await apply(program, customerCreated("picky", NOW.toISOString()));
      expect(json(await ask(OVERRIDE, { id: "picky", tier: "silver", reason: "first", key: "ovr-2" })).errors).toBeUndefined();
      const audits = (await rowsOf("kinship_audit")).length;
      const refusals: [Record<string, unknown>, string, string][] = [
        [
          { id: "picky", tier: "gold", reason: "first", key: "ovr-2" },
          "IdempotencyKeyReused",
          "idempotencyKey ovr-2 was already used for another override",
        ],
        [
          { id: "c017", tier: "silver", reason: "first", key: "ovr-2" },
          "IdempotencyKeyReused",
          "idempotencyKey ovr-2 was already used for another override",
        ],
        [{ id: "stranger", tier: "gold", reason: "x" }, "UnknownMember", `stranger is not a member of ${program}`],
        [
          { id: "picky", tier: "platinum", reason: "x" },
          "UnknownTier",
          'no tier "platinum" in this program (its tiers: member, silver, gold)',
        ],
        [
          { id: "picky", tier: "gold", until: "2026-05-01T00:00:00Z", reason: "x" },
          "InvalidOverride",
          "until (2026-05-01T00:00:00.000Z) must be in the future",
        ],
        [{ id: "picky", tier: "gold", reason: " " }, "InvalidOverride", "reason must be 1 to 500 characters"],
        [{ id: "picky", tier: "gold", reason: "r".repeat(501) }, "InvalidOverride", "reason must be 1 to 500 characters"],
        [
          { id: "picky", tier: "gold", until: "tomorrow", reason: "x" },
          "BAD_USER_INPUT",
          "until must be an ISO 8601 date-time such as 2026-11-01T00:00:00Z",
        ],
        [{ id: "picky", tier: "gold", reason: "x", key: "" }, "BAD_USER_INPUT", "idempotencyKey must be 1 to 100 characters"],
      ];
      for (const [vars, code, message] of refusals) {
        const r = json(await ask(OVERRIDE, vars));
        expect({ data: r.data, error: r.errors?.[0] && { code: r.errors[0].extensions.code, message: r.errors[0].message } }).toEqual({
          data: null,
          error: { code, message },
        });
      }
      expect((await rowsOf("kinship_audit")).length).toBe(audits);

      // One key sent for two members at once: one is applied, the other refused.
      const racing = await Promise.all(
        ["c020", "c021"].map((id) => ask(OVERRIDE, { id, tier: "gold", reason: "race", key: "ovr-race" }).then(json)),
      );
      expect(racing.map((r) => r.errors?.[0]?.extensions.code ?? "applied").sort()).toEqual(["IdempotencyKeyReused", "applied"]);
      expect((await rowsOf("kinship_audit")).filter((a) => a.request_key === "ovr-race")).toHaveLength(1);
      expect(field<{ tier: { key: string }; override: { tier: string } }>(await ask(MEMBER, { id: "picky" }), "member")).toMatchObject({
        tier: { key: "silver" },
        override: { tier: "silver" },
      });
    });
  });

  describe("updateProgram with expectedVersion", () => {
    const UPDATE = `mutation Update($config: JSON!, $expected: Int) { updateProgram(config: $config, expectedVersion: $expected) { version config } }`;
    const PROGRAM = "{ program { version config } }";
    const named = (name: string) => ({ ...apiProgram(), name });

    it("saves from the current version; refuses a stale one with ConfigConflict and saves nothing", async () => {
      const key = uniqueProgramKey("conflict");
      await create(key);
      const v1 = field<{ version: number }>(await ask(PROGRAM, {}, key), "program").version;
      const saved = field<{ version: number }>(await ask(UPDATE, { config: named("First"), expected: v1 }, key), "updateProgram");
      expect(saved.version).toBe(v1 + 1);
      // The same save retried (its answer lost) is not a conflict: it answers the version it made.
      const retried = field<{ version: number }>(await ask(UPDATE, { config: named("First"), expected: v1 }, key), "updateProgram");
      expect(retried.version).toBe(v1 + 1);
      const stale = json(await ask(UPDATE, { config: named("Second"), expected: v1 }, key));
      expect(stale).toMatchObject({
        data: null,
        errors: [
          {
            message: `the program changed since version ${v1}: it is at version ${v1 + 1} now; reload and apply your changes again`,
            extensions: { code: "ConfigConflict", currentVersion: v1 + 1 },
          },
        ],
      });
      const now = field<{ version: number; config: { name: string } }>(await ask(PROGRAM, {}, key), "program");
      expect([now.version, now.config.name]).toEqual([v1 + 1, "First"]);
      // Without expectedVersion the last save wins, as before.
      expect(field<{ version: number }>(await ask(UPDATE, { config: named("Third") }, key), "updateProgram").version).toBe(v1 + 2);
    });

    it("two saves from the same version at once: exactly one wins", async () => {
      const key = uniqueProgramKey("conflict-race");
      await create(key);
      const v1 = field<{ version: number }>(await ask(PROGRAM, {}, key), "program").version;
      const answers = (await Promise.all(["Left", "Right"].map((name) => ask(UPDATE, { config: named(name), expected: v1 }, key)))).map(
        json,
      );
      const winners = answers.filter((a) => !a.errors);
      const losers = answers.filter((a) => a.errors);
      expect(winners).toHaveLength(1);
      expect(losers.map((l) => l.errors?.[0]?.extensions)).toEqual([{ code: "ConfigConflict", currentVersion: v1 + 1 }]);
      const winner = (winners[0]?.data?.updateProgram as { config: { name: string } } | undefined)?.config.name;
      const now = field<{ version: number; config: { name: string } }>(await ask(PROGRAM, {}, key), "program");
      expect([now.version, now.config.name]).toEqual([v1 + 1, winner]);
      const versions = await dbOf(engine)
        .selectFrom("kinship_program_config as c")
        .innerJoin("kinship_program as p", "p.id", "c.program_id")
        .select("c.version")
        .where("p.key", "=", key)
        .execute();
      expect(versions.map((v) => v.version)).not.toContain(v1 + 2);
    });
  });
});

describe("admin members (pglite)", () => {
  let engine: Engine;
  const key = uniqueProgramKey("members-pglite");
  const ask = (query: string, variables: Record<string, unknown> = {}) =>
    executeAdmin(engine, { program: key, actor: "ana@shop.example", now: NOW }, { query, variables });
  beforeAll(async () => {
    engine = await openTestEngine("pglite");
    const created = await engine.createProgram({ key, platform: "shopify", config: apiProgram(), actor: "setup", now: NOW });
    if (!created.ok) throw new Error(created.error.message);
    const people: [string, string, string, number][] = [
      ["p1", "Ada", "Lovelace", 30],
      ["p2", "Adam", "Smith", 30],
      ["p3", "Bob", "Adams", 10],
      ["p4", "Cara", "Lo", 30],
    ];
    for (const [id, firstName, lastName, points] of people) {
      for (const input of [
        customerCreated(id, NOW.toISOString(), { email: `${firstName.toLowerCase()}@example.com`, firstName, lastName }),
        adjust(id, points),
      ]) {
        const applied = await engine.apply(key, input, NOW);
        if (!applied.ok) throw new Error(applied.error.message);
      }
    }
  });
  afterAll(() => engine.close());

  it("searches, pages over ties and overrides the same way", async () => {
    const names = async (variables: Record<string, unknown>) => field<Page>(await ask(MEMBERS, variables), "members");
    expect((await names({ search: "ad" })).members.map((m) => m.customerId)).toEqual(["p2", "p1", "p3"]);
    const first = await names({ first: 2 });
    expect(first.members.map((m) => m.customerId)).toEqual(["p4", "p2"]);
    const second = await names({ first: 2, after: first.nextCursor });
    expect([second.members.map((m) => m.customerId), second.nextCursor]).toEqual([["p1", "p3"], null]);
    const held = json(await ask(OVERRIDE, { id: "p3", tier: "gold", reason: "partner", key: "pg-1" }));
    expect(held.data?.overrideTier).toMatchObject({ tier: { key: "gold" }, override: { tier: "gold", until: null } });
    expect((await names({ tier: "gold" })).members.map((m) => m.customerId)).toEqual(["p3"]);
  });
});
