import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openEngineOwningDb } from "../../../../test/support/engine-db.ts";
import { programConfig } from "../../../../test/support/program-fixture.ts";
import type { Engine } from "../../src/index.ts";
import { kinship, sqlOn } from "../cli/support.ts";
import { uniqueProgramKey } from "../support/backends.ts";
import { adjust, order, spend } from "../support/events.ts";

describe("kinship report finance (Postgres)", () => {
  const key = uniqueProgramKey("cli-finance");
  let engine: Engine;
  const env = () => ({ env: { DATABASE_URL: inject("databaseUrl") } });
  const run = (args: string[]) => kinship(["report", "finance", "--program", key, "--at", "2026-12-05T00:00:00Z", ...args], env());

  beforeAll(async () => {
    engine = await openEngineOwningDb({ databaseUrl: inject("databaseUrl"), max: 2 });
    const config = programConfig({ currency: "EUR", timezone: "Europe/Paris", currencies: { USD: { rate: "0.9", memberPrices: true } } });
    const created = await engine.createProgram({ key, platform: "custom", config, actor: "t", now: new Date("2026-10-01T00:00:00Z") });
    if (!created.ok) throw new Error(created.error.message);
    const steps: [string, unknown][] = [
      ["2026-10-31T22:30:00Z", order("o1", "ada", "2026-10-31T22:30:00Z", [{ price: 12_000 }], { currency: "EUR" })], // 31 Oct 23:30 Paris (CET)
      ["2026-10-31T23:00:00Z", order("o2", "ada", "2026-10-31T23:00:00Z", [{ price: 3_000 }], { currency: "EUR" })], // 1 Nov 00:00 Paris
      ["2026-11-02T10:00:00Z", spend("ada", 40, "s1")],
      ["2026-11-03T10:00:00Z", adjust("bob", 25, { key: "a1", reason: "import:legacy" })],
    ];
    for (const [at, input] of steps) {
      const r = await engine.apply(key, input, new Date(at));
      if (!r.ok) throw new Error(r.error.message);
    }
  });
  afterAll(() => engine.close());

  it("prints the month's roll-forward, liability and breakage, and exits 0 when it reconciles", async () => {
    const r = await run(["--month", "2026-11"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe(`${key}: finance 2026-11 (Europe/Paris), 2026-10-31T23:00:00.000Z to 2026-11-30T23:00:00.000Z`);
    const row = (period: string) => lines.find((l) => l.startsWith(`${period} `))?.split(/ +/);
    // period opening issued redeemed expired reversed adjusted other closing ledger ok
    expect(row("2026-11-01")).toEqual(["2026-11-01", "120", "30", "0", "0", "0", "0", "0", "150", "150", "yes"]);
    expect(row("2026-11")).toEqual(["2026-11", "120", "30", "40", "0", "0", "25", "0", "135", "135", "yes"]);
    expect(r.stdout).toMatch(/^EUR +135 +0 +135 +0 +135$/m);
    expect(r.stdout).toMatch(/^USD +135 +0 +150 +0 +150$/m);
    expect(r.stdout).toContain("Breakage: 0.00% (0 expired, 40 redeemed)");
    expect(r.stdout).toContain("Reconciled: every day and the month close on the ledger");
  });

  it("--csv: one row per day, then the month, points and money", async () => {
    const r = await run(["--month", "2026-11", "--csv"]);
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split("\n");
    expect(rows[0]).toBe(
      "period,opening,issued,redeemed,expired,reversed,adjusted,other,closing,ledger_closing,reconciled,currency," +
        "money_opening,money_issued,money_redeemed,money_expired,money_reversed,money_adjusted,money_other,money_closing",
    );
    expect(rows).toHaveLength(1 + 30 + 1);
    expect(rows[1]).toBe("2026-11-01,120,30,0,0,0,0,0,150,150,true,EUR,120,30,0,0,0,0,0,150");
    expect(rows.at(-1)).toBe("2026-11,120,30,40,0,0,25,0,135,135,true,EUR,120,30,40,0,0,25,0,135");
  });

  it("refuses a malformed month and a month not started yet (exit 2), and names the format", async () => {
    const bad = await run(["--month", "11/2026"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('month must be YYYY-MM, such as 2026-11, not "11/2026"');
    const later = await run(["--month", "2027-01"]);
    expect(later.code).toBe(2);
    expect(later.stderr).toContain("month 2027-01 has not started yet");
    expect(later.stdout).toBe("");
  });

  it("a balance the ledger does not explain fails the report: exit 1, the mismatch named", async () => {
    await sqlOn(
      inject("databaseUrl"),
      "UPDATE kinship_member SET available = available + 1 WHERE customer_id = 'bob' AND program_id = (SELECT id FROM kinship_program WHERE key = $1)",
      [key],
    );
    try {
      const r = await run(["--month", "2026-11"]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("NOT RECONCILED");
      expect(r.stderr).toContain(`${key}: 2026-11 does not reconcile to the ledger`);
      expect(r.stderr).toContain("2026-11: closing 135 points, members hold 136");
    } finally {
      await sqlOn(
        inject("databaseUrl"),
        "UPDATE kinship_member SET available = available - 1 WHERE customer_id = 'bob' AND program_id = (SELECT id FROM kinship_program WHERE key = $1)",
        [key],
      );
    }
  });
});
