import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../test/support/engine-db.ts";
import * as fixture from "../../../test/support/program-fixture.ts";
import { type Engine, executeAdmin, executeStorefront } from "../src/index.ts";
import { exportMember } from "../src/store/index.ts";
import { codeOf, field, json } from "./api/support.ts";
import { type BackendName, backends, openTestEngine, uniqueProgramKey } from "./support/backends.ts";
import { order } from "./support/events.ts";

const NOW = new Date("2026-06-10T12:00:00Z");
const NEXT_MONTH = new Date("2026-07-02T12:00:00Z");

/** Gold members get one café code a month (the merchant pays the café 1.50 a code); everyone gets one cinema ticket ever. */
const partners = [
  fixture.partners.cafeMonthly,
  fixture.partners.cinema,
  { key: "retired", name: "Old partner", perk: "Nothing", enabled: false },
];

describe.each<BackendName>(backends)("partner perks (%s)", (backend) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
  });
  afterAll(() => engine.close());

  /** ada is Gold (2,500 growth), bob is Member (300). */
  async function program(): Promise<string> {
    const key = uniqueProgramKey(`perks-${backend}`);
    const created = await engine.createProgram({
      key,
      platform: "custom",
      config: fixture.programConfig({ partners }),
      actor: "setup",
      now: NOW,
    });
    if (!created.ok) throw new Error(created.error.message);
    for (const input of [
      order("a1", "ada", "2026-06-01T10:00:00Z", [{ price: 250000 }]),
      order("b1", "bob", "2026-06-01T10:00:00Z", [{ price: 30000 }]),
    ]) {
      const applied = await engine.apply(key, input, NOW);
      if (!applied.ok) throw new Error(applied.error.message);
    }
    return key;
  }

  const codes = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
  const importCodes = (p: string, partner: string, list: string[]) =>
    engine.partners.importCodes({ program: p, partner, codes: list, actor: "merchant@example.com", now: NOW });
  const claim = (p: string, customerId: string, partner: string, key: string, now = NOW) =>
    engine.partners.claim({ program: p, customerId, partner, key, now });
  const stock = async (p: string) => {
    const r = await engine.partners.settlement({
      program: p,
      from: new Date("2026-01-01T00:00:00Z"),
      to: new Date("2027-01-01T00:00:00Z"),
    });
    if (!r.ok) throw new Error(r.error.message);
    return Object.fromEntries(r.value.map((s) => [s.partner, [s.codesImported, s.codesLeft, s.claimed]]));
  };

  it("given a pasted list, import adds each new code once, counts the ones already there, and is audited", async () => {
    const p = await program();
    expect(await importCodes(p, "cafe", ["  CAFE-1 ", "CAFE-2", "", "CAFE-2"])).toEqual({ ok: true, value: { added: 2, alreadyThere: 0 } });
    expect(await importCodes(p, "cafe", ["CAFE-2", "CAFE-3"])).toEqual({ ok: true, value: { added: 1, alreadyThere: 1 } });
    expect(await stock(p)).toMatchObject({ cafe: [3, 3, 0], cinema: [0, 0, 0] });
    const audit = json(
      await executeAdmin(engine, { program: p, actor: "x", now: NOW }, { query: "{ audit(first: 2) { actor action subject after } }" }),
    );
    expect(audit.data?.audit).toEqual([
      { actor: "merchant@example.com", action: "partner.codes.import", subject: "cafe", after: { added: 1, alreadyThere: 1 } },
      { actor: "merchant@example.com", action: "partner.codes.import", subject: "cafe", after: { added: 2, alreadyThere: 0 } },
    ]);
  });

  it("bad imports are refused whole: unknown partner, codes with spaces or too long, nothing at all", async () => {
    const p = await program();
    expect(await importCodes(p, "nobody", ["X"])).toMatchObject({ ok: false, error: { code: "UnknownPartner" } });
    const spaced = await importCodes(p, "cafe", ["GOOD-1", "BAD CODE", "x".repeat(201)]);
    expect(spaced).toMatchObject({
      ok: false,
      error: { code: "InvalidPerkCodes", issues: ["code 2 contains whitespace", "code 3 is longer than 200 characters"] },
    });
    expect(await importCodes(p, "cafe", [" ", ""])).toMatchObject({
      ok: false,
      error: { code: "InvalidPerkCodes", issues: ["no codes given"] },
    });
    expect(await importCodes(p, "cafe", codes("C", 10_001))).toMatchObject({ ok: false, error: { code: "InvalidPerkCodes" } });
    expect(await stock(p)).toMatchObject({ cafe: [0, 0, 0] });
  });

  it("a Gold member claims a code; the same claim key answers the same code; the month's limit holds until next month", async () => {
    const p = await program();
    await importCodes(p, "cafe", codes("CAFE", 3));
    const first = await claim(p, "ada", "cafe", "k1");
    expect(first).toEqual({ ok: true, value: { partner: "cafe", code: "CAFE-1", claimedAt: NOW } });
    expect(await claim(p, "ada", "cafe", "k1")).toEqual(first);
    expect(await claim(p, "ada", "cafe", "k2")).toMatchObject({ ok: false, error: { code: "ClaimLimitReached", limit: 1 } });
    expect(await claim(p, "ada", "cafe", "k3", NEXT_MONTH)).toEqual({
      ok: true,
      value: { partner: "cafe", code: "CAFE-2", claimedAt: NEXT_MONTH },
    });
    expect(await stock(p)).toMatchObject({ cafe: [3, 1, 2] });
  });

  it("a claim key reused for another partner is refused, not answered with that partner's code", async () => {
    const p = await program();
    await importCodes(p, "cafe", codes("CAFE", 2));
    await importCodes(p, "cinema", codes("CINE", 2));
    expect(await claim(p, "ada", "cinema", "k")).toMatchObject({ ok: true, value: { partner: "cinema", code: "CINE-1" } });
    expect(await claim(p, "ada", "cafe", "k")).toMatchObject({ ok: false, error: { code: "IdempotencyKeyReused", key: "k" } });
    expect(await stock(p)).toMatchObject({ cafe: [2, 2, 0], cinema: [2, 1, 1] });
    expect(await claim(p, "ada", "cinema", "k")).toMatchObject({ ok: true, value: { code: "CINE-1" } });
    expect(await claim(p, "ada", "cafe", "k2")).toMatchObject({ ok: true, value: { code: "CAFE-1" } });
  });

  it("refusals write nothing: below the tier, a disabled or unknown partner, an unknown member, an empty pool", async () => {
    const p = await program();
    await importCodes(p, "cafe", codes("CAFE", 2));
    await importCodes(p, "retired", codes("OLD", 2));
    expect(await claim(p, "bob", "cafe", "b1")).toMatchObject({ ok: false, error: { code: "PerkNotAvailable", partner: "cafe" } });
    expect(await claim(p, "ada", "retired", "a1")).toMatchObject({ ok: false, error: { code: "PerkNotAvailable", partner: "retired" } });
    expect(await claim(p, "ada", "nobody", "a2")).toMatchObject({ ok: false, error: { code: "UnknownPartner" } });
    expect(await claim(p, "zoe", "cafe", "z1")).toMatchObject({ ok: false, error: { code: "UnknownMember" } });
    expect(await claim(p, "ada", "cinema", "a3")).toMatchObject({ ok: false, error: { code: "PerksSoldOut", partner: "cinema" } });
    expect(await stock(p)).toMatchObject({ cafe: [2, 2, 0], retired: [2, 2, 0], cinema: [0, 0, 0] });
    // The refused attempts claimed nothing, not even their keys.
    expect(await claim(p, "ada", "cafe", "a3")).toMatchObject({ ok: true, value: { code: "CAFE-1" } });
  });

  it("settlement counts the claims in the period at the partner's price, with the pool's stock; the member's export lists their codes", async () => {
    const p = await program();
    await importCodes(p, "cafe", codes("CAFE", 5));
    await importCodes(p, "cinema", codes("CINE", 5));
    await claim(p, "ada", "cafe", "june");
    await claim(p, "ada", "cafe", "july", NEXT_MONTH);
    await claim(p, "ada", "cinema", "ticket");
    // Claim keys are the program's: another member's attempt under a used key is refused.
    expect(await claim(p, "bob", "cinema", "ticket")).toMatchObject({ ok: false, error: { code: "IdempotencyKeyReused" } });
    await claim(p, "bob", "cinema", "bob-ticket");
    const june = await engine.partners.settlement({
      program: p,
      from: new Date("2026-06-01T00:00:00Z"),
      to: new Date("2026-07-01T00:00:00Z"),
    });
    expect(june.ok && june.value).toEqual([
      {
        partner: "cafe",
        name: "Corner Café",
        claimed: 1,
        settlementPrice: 150,
        amountDue: 150,
        currency: "USD",
        codesImported: 5,
        codesLeft: 3,
      },
      {
        partner: "cinema",
        name: "Lux Cinema",
        claimed: 2,
        settlementPrice: 700,
        amountDue: 1400,
        currency: "USD",
        codesImported: 5,
        codesLeft: 3,
      },
      {
        partner: "retired",
        name: "Old partner",
        claimed: 0,
        settlementPrice: 0,
        amountDue: 0,
        currency: "USD",
        codesImported: 0,
        codesLeft: 0,
      },
    ]);
    const exported = await exportMember(dbOf(engine), p, "ada", null, NEXT_MONTH);
    expect(exported.ok && exported.value.perks).toEqual([
      { partner: "cafe", code: "CAFE-1", claimedAt: NOW.toISOString() },
      { partner: "cinema", code: "CINE-1", claimedAt: NOW.toISOString() },
      { partner: "cafe", code: "CAFE-2", claimedAt: NEXT_MONTH.toISOString() },
    ]);
  });

  it("storefront: a guest sees the perks to sign in for; a member sees what they may claim, claims over GraphQL and sees the code", async () => {
    const p = await program();
    await importCodes(p, "cafe", codes("CAFE", 1));
    const ask = (customerId: string | null, query: string, variables?: Record<string, unknown>) =>
      executeStorefront(engine, { program: p, customerId, now: NOW }, { query, variables });
    const PERKS = "{ perks { partner name perk minTier claimable blockedBy claimsLeft codes { code } } }";
    expect(field(await ask(null, PERKS), "perks")).toEqual([
      {
        partner: "cafe",
        name: "Corner Café",
        perk: "A free coffee",
        minTier: "gold",
        claimable: false,
        blockedBy: "SIGN_IN",
        claimsLeft: 1,
        codes: [],
      },
      {
        partner: "cinema",
        name: "Lux Cinema",
        perk: "One ticket",
        minTier: null,
        claimable: false,
        blockedBy: "SIGN_IN",
        claimsLeft: 1,
        codes: [],
      },
    ]);
    expect(field<{ blockedBy: string | null }[]>(await ask("bob", PERKS), "perks").map((x) => x.blockedBy)).toEqual(["TIER", "SOLD_OUT"]);
    expect(field<{ claimable: boolean }[]>(await ask("ada", PERKS), "perks").map((x) => x.claimable)).toEqual([true, false]);

    const CLAIM = "mutation($partner: ID!, $key: String) { claimPerk(partner: $partner, idempotencyKey: $key) { partner code claimedAt } }";
    const claimed = field(await ask("ada", CLAIM, { partner: "cafe", key: "tap-1" }), "claimPerk");
    expect(claimed).toEqual({ partner: "cafe", code: "CAFE-1", claimedAt: NOW.toISOString() });
    expect(field(await ask("ada", CLAIM, { partner: "cafe", key: "tap-1" }), "claimPerk")).toEqual(claimed);
    expect(codeOf(await ask("ada", CLAIM, { partner: "cafe", key: "tap-2" }))).toBe("ClaimLimitReached");
    expect(codeOf(await ask("ada", CLAIM, { partner: "cinema" }))).toBe("PerksSoldOut");
    expect(codeOf(await ask(null, CLAIM, { partner: "cafe" }))).toBe("UNAUTHENTICATED");
    // bob's key "tap-1" is his own: it never reaches ada's claim.
    expect(codeOf(await ask("bob", CLAIM, { partner: "cafe", key: "tap-1" }))).toBe("PerkNotAvailable");
    const after = field<{ claimable: boolean; blockedBy: string; claimsLeft: number; codes: { code: string }[] }[]>(
      await ask("ada", PERKS),
      "perks",
    );
    expect(after[0]).toMatchObject({ claimable: false, blockedBy: "LIMIT", claimsLeft: 0, codes: [{ code: "CAFE-1" }] });
  });

  it("admin: imports codes and reads the settlement over GraphQL; bad dates are refused", async () => {
    const p = await program();
    const ask = (query: string, variables?: Record<string, unknown>) =>
      executeAdmin(engine, { program: p, actor: "admin@example.com", now: NOW }, { query, variables });
    const IMPORT =
      "mutation($partner: ID!, $codes: [String!]!) { importPerkCodes(partner: $partner, codes: $codes) { partner added alreadyThere } }";
    expect(field(await ask(IMPORT, { partner: "cinema", codes: ["T1", "T2", "T2"] }), "importPerkCodes")).toEqual({
      partner: "cinema",
      added: 2,
      alreadyThere: 0,
    });
    expect(codeOf(await ask(IMPORT, { partner: "cinema", codes: ["BAD CODE"] }))).toBe("InvalidPerkCodes");
    expect(codeOf(await ask(IMPORT, { partner: "nobody", codes: ["X"] }))).toBe("UnknownPartner");
    await claim(p, "bob", "cinema", "t");
    const REPORT = "query($from: DateTime!, $to: DateTime!) { partners(from: $from, to: $to) { partner claimed amountDue codesLeft } }";
    expect(field(await ask(REPORT, { from: "2026-06-01T00:00:00Z", to: "2026-07-01T00:00:00Z" }), "partners")).toEqual([
      { partner: "cafe", claimed: 0, amountDue: 0, codesLeft: 0 },
      { partner: "cinema", claimed: 1, amountDue: 700, codesLeft: 1 },
      { partner: "retired", claimed: 0, amountDue: 0, codesLeft: 0 },
    ]);
    expect(codeOf(await ask(REPORT, { from: "June", to: "2026-07-01T00:00:00Z" }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await ask(REPORT, { from: "2026-07-01T00:00:00Z", to: "2026-06-01T00:00:00Z" }))).toBe("BAD_USER_INPUT");
  });

  it("the config refuses a partner with an unknown tier or a repeated key", async () => {
    const bad = await engine.createProgram({
      key: uniqueProgramKey("perks-bad"),
      platform: "custom",
      config: fixture.programConfig({ partners: [...partners, { ...fixture.partners.cinema, minTier: "platinum" }] }),
      actor: "setup",
      now: NOW,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: "InvalidConfig" } });
    expect(!bad.ok && bad.error.code === "InvalidConfig" && bad.error.issues.join("\n")).toMatch(
      /unknown tier platinum[\s\S]*duplicate partner key cinema/,
    );
  });
});

describe("partner perks under concurrency (postgres)", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine("postgres", 20);
  });
  afterAll(() => engine.close());

  it("40 members racing for a pool of 25 codes: 25 get distinct codes, 15 are told it sold out; one member racing 10 taps with a limit of 2 gets 2", async () => {
    const p = uniqueProgramKey("perks-race");
    const config = fixture.programConfig({
      partners: [
        { key: "pool", name: "Pool", perk: "A code", claimLimit: { count: 1, period: "lifetime" } },
        { key: "pair", name: "Pair", perk: "Two codes", claimLimit: { count: 2, period: "year" } },
      ],
    });
    const created = await engine.createProgram({ key: p, platform: "custom", config, actor: "setup", now: NOW });
    expect(created.ok).toBe(true);
    const members = Array.from({ length: 40 }, (_, i) => `m${i}`);
    for (const m of members) await engine.apply(p, order(`o-${m}`, m, "2026-06-01T10:00:00Z", [{ price: 1000 }]), NOW);
    const pool = Array.from({ length: 25 }, (_, i) => `POOL-${i}`);
    await engine.partners.importCodes({ program: p, partner: "pool", codes: pool, actor: "t", now: NOW });
    await engine.partners.importCodes({ program: p, partner: "pair", codes: ["P1", "P2", "P3", "P4"], actor: "t", now: NOW });

    const results = await Promise.all(
      members.map((m) => engine.partners.claim({ program: p, customerId: m, partner: "pool", key: `k-${m}`, now: NOW })),
    );
    const won = results.flatMap((r) => (r.ok ? [r.value.code] : []));
    expect(new Set(won).size).toBe(25);
    expect(new Set(won)).toEqual(new Set(pool));
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(15).fill("PerksSoldOut"));

    const taps = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        engine.partners.claim({ program: p, customerId: "m0", partner: "pair", key: `tap-${i}`, now: NOW }),
      ),
    );
    expect(taps.filter((r) => r.ok)).toHaveLength(2);
    expect(taps.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(8).fill("ClaimLimitReached"));
  });
});
