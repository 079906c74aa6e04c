import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../../test/support/engine-db.ts";
import type { Engine } from "../../src/index.ts";
import { openTestEngine } from "../support/backends.ts";
import { adjust } from "../support/events.ts";
import { fixture, importProgram, ledgerOf, NOW } from "./support.ts";

type Source = "smile" | "loyaltylion" | "csv";

describe("importing another app's export (postgres)", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine("postgres");
  });
  afterAll(() => engine.close());

  const run = async (program: string, source: Source, csv: string, dryRun: boolean, key = `${source}-file`) => {
    const report = await engine.imports.run(
      program,
      { source, csv, dryRun, actor: "owner@example.com", key, fileName: `${source}.csv` },
      NOW,
    );
    if (!report.ok) throw new Error(report.error.message);
    return report.value;
  };
  const balance = async (program: string, customerId: string, at = NOW) => {
    const m = await engine.member(program, customerId, at);
    if (!m.ok) throw new Error(m.error.message);
    return m.value.points.available;
  };

  it.each<[Source, string, { members: number; points: number; tiersSet: number; referralCodes: number; balances: Record<string, number> }]>(
    [
      [
        "smile",
        "smile.csv",
        { members: 4, points: 1625, tiersSet: 2, referralCodes: 3, balances: { "1001": 1250, "1002": 300, "1003": 0, "1004": 75 } },
      ],
      [
        "loyaltylion",
        "loyaltylion.csv",
        { members: 3, points: 3540, tiersSet: 2, referralCodes: 2, balances: { "2001": 900, "2002": 40, "2003": 2600 } },
      ],
      [
        "csv",
        "generic.csv",
        { members: 3, points: 900, tiersSet: 1, referralCodes: 1, balances: { "3001": 700, "3002": 120, "3003": 80 } },
      ],
    ],
  )("%s: a dry run writes nothing; applied twice equals applied once; the ledger verifies", async (source, file, want) => {
    const program = await importProgram(engine);
    const csv = fixture(file);
    const empty = await ledgerOf(engine, program);
    const dry = await run(program, source, csv, true);
    expect(dry).toMatchObject({
      dryRun: true,
      applied: false,
      errors: [],
      members: want.members,
      newMembers: want.members,
      points: want.points,
    });
    expect(dry).toMatchObject({ tiersSet: want.tiersSet, referralCodes: want.referralCodes, alreadyImported: 0 });
    expect(await ledgerOf(engine, program)).toEqual(empty);

    const first = await run(program, source, csv, false);
    expect(first).toMatchObject({
      applied: true,
      members: want.members,
      newMembers: want.members,
      points: want.points,
      tiersSet: want.tiersSet,
    });
    expect(first.referralCodes).toBe(want.referralCodes);
    const once = await ledgerOf(engine, program);
    // One auditable ledger entry per member, with its source and actor.
    expect(once.entries).toHaveLength(want.members);
    for (const e of once.entries) expect(e).toMatchObject({ kind: "adjust", reason: `import:${source}`, actor: "owner@example.com" });
    for (const [customer, points] of Object.entries(want.balances)) expect(await balance(program, customer)).toBe(points);

    const again = await run(program, source, csv, false, `${source}-again`);
    expect(again).toMatchObject({ applied: true, members: 0, newMembers: 0, points: 0, alreadyImported: want.members, errors: [] });
    expect(await ledgerOf(engine, program)).toEqual(once);
    expect(await engine.verify(program)).toEqual([]);

    const listed = await engine.imports.list(program);
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.map((r) => [r.source, r.fileName, r.members, r.points])).toEqual([
      [source, `${source}.csv`, 0, 0],
      [source, `${source}.csv`, want.members, want.points],
    ]);
  });

  it("keeps the imported tier as the owner's override for a year, never lowers one, and stores old referral codes", async () => {
    const program = await importProgram(engine);
    await run(program, "smile", fixture("smile.csv"), false);
    const ada = await engine.member(program, "1001", NOW);
    if (!ada.ok) throw new Error(ada.error.message);
    expect(ada.value.tier.key).toBe("gold");
    expect(ada.value.override).toMatchObject({ tier: "gold", until: "2027-06-01T12:00:00.000Z", actor: "owner@example.com" });
    expect(ada.value.profile).toMatchObject({ email: "ada@example.com", firstName: "Ada", lastName: "Lovelace" });
    const dan = await engine.member(program, "1004", NOW);
    expect(dan.ok && dan.value.override).toBe(null);
    const { codes, tierChanges } = await ledgerOf(engine, program);
    expect(codes).toEqual([
      { code: "AdaRef01", customer_id: "1001" },
      { code: "BobRef02", customer_id: "1002" },
      { code: "CaraRef3", customer_id: "1003" },
    ]);
    expect(tierChanges.map((c) => [c.key, c.from_tier, c.to_tier])).toEqual([
      ["import:smile:1001:override", "member", "gold"],
      ["import:smile:1002:override", "member", "silver"],
    ]);
    const owner = await engine.referrals.memberOfCode((await programId(program)) as number, "AdaRef01", NOW);
    expect(owner?.customerId).toBe("1001");
  });

  it("an existing member: points added to their balance, an earned tier never lowered, their own code kept", async () => {
    const program = await importProgram(engine);
    const applied = await engine.apply(program, adjust("ada", 300, { growth: 5000 }), NOW);
    expect(applied.ok).toBe(true);
    const pid = (await programId(program)) as number;
    const own = await engine.referrals.codeOf(pid, "ada", NOW);
    const csv = "customer_id,points,tier,referral_code\nada,100,silver,ADA-OLD\nbea,50,silver,BEA-OLD\n";
    const report = await run(program, "csv", csv, false);
    expect(report).toMatchObject({ members: 2, newMembers: 1, points: 150, tiersSet: 1, referralCodes: 1, applied: true });
    const ada = await engine.member(program, "ada", NOW);
    if (!ada.ok) throw new Error(ada.error.message);
    expect(ada.value.points.available).toBe(400);
    expect(ada.value.tier.key).toBe("gold");
    expect(ada.value.override).toBe(null);
    const { codes } = await ledgerOf(engine, program);
    expect(codes).toEqual(
      expect.arrayContaining([
        { code: own, customer_id: "ada" },
        { code: "BEA-OLD", customer_id: "bea" },
      ]),
    );
    expect(codes).toHaveLength(2);
    expect(await engine.verify(program)).toEqual([]);
    // The syncs and sinks hear of it: the new member is created, the existing one's points changed, bea's tier kept.
    const outbox = await sql<{
      key: string;
      topic: string;
    }>`SELECT key, topic FROM kinship_outbox WHERE program_id = ${pid} ORDER BY key`.execute(dbOf(engine));
    expect(outbox.rows.map((r) => `${r.topic} ${r.key}`)).toEqual(
      expect.arrayContaining([
        "member.created member:bea:created",
        "points.changed points.changed:ada",
        "tier.changed tier:import:csv:bea:override",
      ]),
    );
  });

  it("a file with bad rows applies nothing, dry run or not, and names every bad row by its line", async () => {
    const program = await importProgram(engine);
    const empty = await ledgerOf(engine, program);
    for (const dryRun of [true, false]) {
      const report = await run(program, "csv", fixture("bad.csv"), dryRun);
      expect(report.applied).toBe(false);
      expect(report.rows).toBe(8);
      expect(report.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 9]);
      expect(report.errors[0]?.message).toMatch(/customer id is empty/);
      expect(report.errors[1]?.message).toMatch(/points must be a whole number/);
      expect(report.errors[2]?.message).toMatch(/not a date/);
      expect(report.errors[3]?.message).toMatch(/no tier "platinum"/);
      expect(report.errors[4]?.message).toMatch(/in the future/);
      expect(report.errors[5]?.message).toMatch(/SAME-CODE is also customer 4007's \(line 8\)/);
      expect(await ledgerOf(engine, program)).toEqual(empty);
    }
  });

  it("an old code that belongs to another member already is a bad row", async () => {
    const program = await importProgram(engine);
    await run(program, "csv", "customer_id,referral_code\nc1,OLD-CODE\n", false);
    const report = await run(program, "csv", "customer_id,points,referral_code\nc2,10,OLD-CODE\n", false, "second");
    expect(report.errors).toEqual([{ line: 2, message: "referralCode: OLD-CODE already belongs to customer c1" }]);
    expect(report.applied).toBe(false);
  });

  it("parts of one file: lines are the file's, a part sent again adds nothing, the list sums the parts", async () => {
    const program = await importProgram(engine);
    const header = "customer_id,points";
    const part = (first: number, ids: string[], points = "10") => ({
      source: "csv" as const,
      csv: [header, ...ids.map((id) => `${id},${points}`)].join("\n"),
      firstLine: first,
      dryRun: false,
      actor: "owner@example.com",
      key: "big-file",
      fileName: "big.csv",
    });
    const bad = await engine.imports.run(program, { ...part(1002, ["p9"], "x"), dryRun: true }, NOW);
    expect(bad.ok && bad.value.errors.map((e) => e.line)).toEqual([1002]);
    for (const p of [part(2, ["p1", "p2"]), part(4, ["p3"]), part(2, ["p1", "p2"])]) {
      const r = await engine.imports.run(program, p, NOW);
      expect(r.ok).toBe(true);
    }
    const listed = await engine.imports.list(program);
    expect(listed.ok && listed.value.map((r) => [r.rows, r.members, r.points])).toEqual([[3, 3, 30]]);
    const reused = await engine.imports.run(program, { ...part(2, ["p1"]), source: "smile" }, NOW);
    expect(!reused.ok && reused.error.code).toBe("IdempotencyKeyReused");
  });

  it("dated points expire by the program's policy from their original date (engine.maintain on a fake clock)", async () => {
    const program = await importProgram(engine);
    await run(program, "csv", fixture("generic.csv"), false);
    // 3003: 80 earned 2026-04-28T15:30Z, 40 days → 2026-06-07T15:30Z.
    await engine.maintain(program, new Date("2026-06-07T15:29:00Z"));
    expect(await balance(program, "3003", new Date("2026-06-07T15:29:00Z"))).toBe(80);
    await engine.maintain(program, new Date("2026-06-07T15:31:00Z"));
    expect(await balance(program, "3003", new Date("2026-06-07T15:31:00Z"))).toBe(0);
    // 3001: 500 earned 2026-05-10 (→ 06-19), 200 earned 2026-05-25 (→ 07-04); 3002's undated 120 count from the import (→ 07-11).
    await engine.maintain(program, new Date("2026-06-19T00:01:00Z"));
    expect(await balance(program, "3001", new Date("2026-06-19T00:01:00Z"))).toBe(200);
    await engine.maintain(program, new Date("2026-07-04T00:01:00Z"));
    expect(await balance(program, "3001", new Date("2026-07-04T00:01:00Z"))).toBe(0);
    expect(await balance(program, "3002", new Date("2026-07-04T00:01:00Z"))).toBe(120);
    await engine.maintain(program, new Date("2026-07-11T12:01:00Z"));
    expect(await balance(program, "3002", new Date("2026-07-11T12:01:00Z"))).toBe(0);
    expect(await engine.verify(program)).toEqual([]);
  });

  async function programId(key: string) {
    const p = await engine.program(key);
    return p.ok ? p.value.id : null;
  }
});
