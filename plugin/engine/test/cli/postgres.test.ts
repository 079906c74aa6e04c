import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { uniqueProgramKey } from "../support/backends.ts";
import { kinship, type RunOptions, scratchDatabase, sqlOn, summary, tempDir, writeJsonLines } from "./support.ts";

const AT = ["--at", "2026-11-01T00:00:00Z"];

const paid = (orderId: string, customerId: string, unitPrice: number, currency = "USD") => ({
  type: "order.paid",
  orderId,
  customerId,
  occurredAt: "2026-10-30T10:00:00Z",
  currency,
  lines: [{ lineId: "l1", quantity: 1, unitPrice }],
});

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => dir.remove());

describe("kinship events apply (Postgres)", () => {
  const key = uniqueProgramKey("cli-apply");
  const shop = ["--shop", key];
  let opts: RunOptions;
  const run = (...args: string[]) => kinship([...args, ...AT], opts);

  beforeAll(async () => {
    opts = { cwd: dir.path, env: { DATABASE_URL: inject("databaseUrl") } };
    expect((await run("program", "create", ...shop)).code).toBe(0);
  });

  it("applies nothing when a line is malformed, and lists every bad line", async () => {
    const file = await writeJsonLines(join(dir.path, "malformed.jsonl"), [
      paid("m1", "c-malformed", 5000),
      { type: "order.paid", orderId: 7, customerId: "c-malformed" },
      "",
      "{not json",
      { type: "spend", key: "s", customerId: "c-malformed", points: -1, reason: "x" },
      { type: "teleport", customerId: "c-malformed" },
    ]);
    const applied = await run("events", "apply", file, ...shop);
    expect(applied.code).toBe(1);
    expect(applied.stdout).toBe("");
    expect(applied.stderr).toMatch(/^kinship: 4 invalid lines in .*malformed\.jsonl; nothing applied\n/);
    expect(applied.stderr).toMatch(/^ {2}line 2: malformed event: .*orderId/m);
    expect(applied.stderr).toMatch(/^ {2}line 4: not JSON: /m);
    expect(applied.stderr).toMatch(/^ {2}line 5: malformed spend command: points/m);
    expect(applied.stderr).toMatch(/^ {2}line 6: malformed event/m);
    expect(applied.stderr).not.toMatch(/line [13]:/);

    const member = await run("member", "show", "c-malformed", ...shop, "--json");
    expect(member.code).toBe(1);
    expect(member.stderr).toBe(`kinship: no member c-malformed in ${key}\n`);
  });

  it("rejects a spend beyond the balance with its line number, applies the rest, exits 1", async () => {
    const file = await writeJsonLines(join(dir.path, "spend.jsonl"), [
      paid("s1", "c-spender", 5000),
      { type: "spend", key: "too-much", customerId: "c-spender", points: 51, reason: "too much" },
      { type: "spend", key: "fine", customerId: "c-spender", points: 50, reason: "just right" },
      { type: "adjust", key: "goodwill", customerId: "c-spender", points: 5, reason: "sorry", actor: "support" },
    ]);
    const applied = await run("events", "apply", file, ...shop);
    expect(applied.code).toBe(1);
    expect(summary(applied.stdout)).toEqual({ applied: 3, held: 0, ignored: 0, duplicates: 0, rejected: 1 });
    expect(applied.stdout).toContain("  line 2: InsufficientPoints: member c-spender has 50 points available, 51 requested");
    expect(applied.stderr).toBe("kinship: 1 of 4 lines rejected\n");

    const shown = await run("member", "show", "c-spender", ...shop);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain("Member c-spender");
    expect(shown.stdout).toContain("5 available, 0 pending, 0 owed");
    expect(shown.stdout).toMatch(/^ {2}\S+ \S+ +adjust +\+5 .* sorry$/m);
    expect(shown.stdout).toMatch(/^ {2}\S+ \S+ +spend +-50 .* just right$/m);
    expect(shown.stdout).toMatch(/^ {2}\S+ \S+ +earn +\+50 .* s1 /m);
  });

  it("reads events from standard input with -", async () => {
    const applied = await kinship(["events", "apply", "-", ...shop, ...AT], {
      ...opts,
      stdin: `${JSON.stringify(paid("in1", "c-stdin", 1234))}\n`,
    });
    expect(applied.code).toBe(0);
    expect(summary(applied.stdout)).toMatchObject({ applied: 1 });
  });

  it("fails on an unknown program", async () => {
    const run1 = await run("maintain", "--shop", "nope.myshopify.com");
    expect(run1.code).toBe(1);
    expect(run1.stderr).toMatch(/^kinship: no program "nope\.myshopify\.com"/);
  });
});

describe("kinship on a database of its own (Postgres)", () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  let opts: RunOptions;
  const run = (...args: string[]) => kinship([...args, ...AT], opts);

  beforeAll(async () => {
    db = await scratchDatabase();
    opts = { cwd: dir.path, env: { DATABASE_URL: db.url } };
  });
  afterAll(() => db.drop());

  it("migrates once", async () => {
    const first = await run("migrate");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("applied 0001_ledger");
    expect(first.stdout).toContain(`database: Postgres ${db.url}`);
    const second = await run("migrate");
    expect(second.stdout).toMatch(/up to date/);
  });

  it("selects the only program, and asks for --shop when there are several", async () => {
    const none = await run("maintain");
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^kinship: no programs yet/);

    expect((await run("program", "create", "--shop", "one.myshopify.com", "--currency", "EUR")).code).toBe(0);
    const maintained = await run("maintain");
    expect(maintained.code).toBe(0);
    expect(maintained.stdout).toContain("maintained one.myshopify.com at 2026-11-01T00:00:00.000Z");

    // `program show` prints a config that `program create --config` takes back
    const shown = await run("program", "show");
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ currency: "EUR", tiers: [{ key: "member" }, { key: "silver" }, { key: "gold" }] });
    const config = join(dir.path, "one.json");
    await writeFile(config, shown.stdout);
    const copied = await run("program", "create", "--shop", "two.myshopify.com", "--config", config, "--platform", "custom");
    expect(copied.stdout).toContain("created program two.myshopify.com (custom, EUR, config version 1)");

    const again = await run("program", "create", "--shop", "two.myshopify.com");
    expect(again.code).toBe(1);
    expect(again.stderr).toBe("kinship: program two.myshopify.com already exists\n");

    const ambiguous = await run("member", "show", "c1");
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(
      /^kinship: 2 programs exist; choose one with --shop <key>:\n {2}one\.myshopify\.com\n {2}two\.myshopify\.com\n/,
    );

    const table = await run("program", "list");
    expect(table.stdout).toMatch(/^PROGRAM +PLATFORM +CONFIG VERSION\none\.myshopify\.com +shopify +1\ntwo\.myshopify\.com +custom +1\n$/);
  });

  it("exits 1 and prints every drift row when cached balances disagree with the ledger", async () => {
    const file = await writeJsonLines(join(dir.path, "drift.jsonl"), [
      paid("d1", "c-drift", 4200, "EUR"),
      paid("d2", "c-fine", 1000, "EUR"),
      paid("d3", "c-dollar", 1000, "USD"),
    ]);
    const applied = await run("events", "apply", file, "--shop", "one.myshopify.com");
    expect(applied.code).toBe(0);
    // an order in another currency than the program's earns nothing
    expect(summary(applied.stdout)).toMatchObject({ applied: 2, ignored: 1 });
    expect(applied.stdout).toContain("ignored     1\n  line 3: order currency USD is not the program currency EUR\n");
    expect(await run("verify")).toMatchObject({ code: 0, stdout: "ledger OK: Σ entries = cached balances for 2 members\n" });

    await sqlOn(db.url, "UPDATE kinship_member SET available = available + 7 WHERE customer_id = $1", ["c-drift"]);
    const verified = await run("verify");
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(/^one\.myshopify\.com +c-drift +available = Σ entries +49 +42$/m);
    expect(verified.stdout).not.toContain("c-fine");
    expect(verified.stderr).toMatch(/^kinship: ledger drift: \d+ failed checks for 1 members\n$/);
  });

  it("lists members as an aligned table", async () => {
    const list = await run("members", "list", "--shop", "one.myshopify.com");
    expect(list.code).toBe(0);
    const [header, ...rows] = list.stdout.trimEnd().split("\n");
    expect(header).toMatch(/^CUSTOMER +NAME +TIER +AVAILABLE +PENDING +DEBT +GROWTH +LAST ACTIVITY$/);
    expect(rows).toEqual([
      expect.stringMatching(/^c-drift +- +Member +49 +0 +0 +42 +2026-10-30$/),
      expect.stringMatching(/^c-fine +- +Member +10 +0 +0 +10 +2026-10-30$/),
    ]);
    expect(header?.indexOf("AVAILABLE")).toBe((rows[0]?.indexOf("49") ?? 0) - "AVAILABLE".length + 2);
  });
});
