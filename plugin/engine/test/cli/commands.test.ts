import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { uniqueProgramKey } from "../support/backends.ts";
import { jsonLines, kinship, type RunOptions, summary, tempDir, writeJsonLines } from "./support.ts";

const AT = ["--at", "2026-11-01T00:00:00Z"];
/** Beyond 2^53: would lose digits as a JSON number. */
const ADA = "9007199254740993";
const BOB = "c-bob";

const order = (orderId: string, customerId: string | null, lines: object[], extra: object = {}) => ({
  type: "order.paid",
  orderId,
  customerId,
  occurredAt: "2026-10-30T10:00:00Z",
  currency: "USD",
  lines,
  ...extra,
});

const EVENTS: (object | string)[] = [
  { type: "customer.created", customerId: ADA, occurredAt: "2026-10-01T00:00:00Z", email: "ada@example.com", firstName: "Ada" },
  // $19.99 → 19 points and 19 growth
  order("5001", ADA, [{ lineId: "l1", quantity: 1, unitPrice: 1999 }]),
  "",
  // 2 × $250.00 − $10.00 discount = $490.00 (shipping and tax earn nothing) → 490
  order("5002", ADA, [{ lineId: "l1", quantity: 2, unitPrice: 25000, discount: 1000 }], { shipping: 999, tax: 500 }),
  { type: "spend", key: "s1", customerId: ADA, points: 100, reason: "reward" },
  order("5003", BOB, [{ lineId: "l1", quantity: 3, unitPrice: 1000 }]),
  // a guest order earns nobody anything
  order("5004", null, [{ lineId: "l1", quantity: 1, unitPrice: 1000 }]),
  // a refund for an order not seen yet waits for it
  { type: "refund.created", refundId: "r9", orderId: "5999", occurredAt: "2026-10-31T12:00:00Z", amount: 500 },
];

type Backend = "postgres" | "pglite";

describe.each<Backend>(["postgres", "pglite"])("kinship on %s", (backend) => {
  const key = uniqueProgramKey("cli");
  const shop = ["--shop", key];
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let opts: RunOptions;
  const run = (...args: string[]) => kinship([...args, ...AT], opts);

  beforeAll(async () => {
    dir = await tempDir();
    opts = {
      cwd: dir.path,
      env: backend === "postgres" ? { DATABASE_URL: inject("databaseUrl") } : { KINSHIP_DATA_DIR: join(dir.path, "db") },
    };
  });
  afterAll(() => dir.remove());

  it("creates a program", async () => {
    const created = await run("program", "create", ...shop, "--platform", "medusa");
    expect(created).toMatchObject({ code: 0, stderr: "" });
    expect(created.stdout).toContain(`created program ${key} (medusa, USD, config version 1)`);
  });

  it("refuses a bad config and writes nothing", async () => {
    const bad = join(dir.path, "bad.json");
    await writeFile(bad, JSON.stringify({ currency: "usd", tiers: [{ key: "member", name: "Member", threshold: 10 }], rules: [] }));
    const badKey = `${key}-bad`;
    const refused = await run("program", "create", "--shop", badKey, "--config", bad);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(/^kinship: invalid program config/);
    expect(refused.stderr).toContain("  - currency: ISO 4217 code such as USD");
    expect(refused.stderr).toContain("  - tiers.0.threshold: the first tier starts at 0");

    const list = await run("program", "list", "--json");
    expect(list.code).toBe(0);
    const keys = (jsonLines(list.stdout) as { key: string }[]).map((p) => p.key);
    expect(keys).toContain(key);
    expect(keys).not.toContain(badKey);
  });

  it("applies a file, then shows the member with exact numbers", async () => {
    const file = await writeJsonLines(join(dir.path, "events.jsonl"), EVENTS);
    // PGlite holds only this program, so --shop may be left out there
    const applied = await run("events", "apply", file, ...(backend === "postgres" ? shop : []));
    expect(applied.stderr).toBe("");
    expect(applied.code).toBe(0);
    expect(summary(applied.stdout)).toEqual({ applied: 5, held: 1, ignored: 1, duplicates: 0, rejected: 0 });
    expect(applied.stdout).toContain("held        1\n  line 8: held until order 5999 arrives\n");
    expect(applied.stdout).toContain("ignored     1\n  line 7: guest order: no member to credit\n");

    const shown = await run("member", "show", ADA, ...shop, "--json");
    expect(shown.code).toBe(0);
    const member = JSON.parse(shown.stdout);
    expect(member).toMatchObject({
      customerId: ADA,
      points: { available: 19 + 490 - 100, pending: 0, debt: 0 },
      growth: 509,
      lifetimeGrowth: 509,
      tier: { key: "silver", name: "Silver" },
      nextTier: { key: "gold", remaining: 2000 - 509 },
      profile: { email: "ada@example.com", firstName: "Ada" },
    });
  });

  it("counts a second apply of the same file as duplicates", async () => {
    const again = await run("events", "apply", join(dir.path, "events.jsonl"), ...shop);
    expect(again.code).toBe(0);
    expect(summary(again.stdout)).toEqual({ applied: 0, held: 0, ignored: 0, duplicates: 7, rejected: 0 });
  });

  it("lists members as JSON lines, then verifies the ledger", async () => {
    const list = await run("members", "list", ...shop, "--json");
    expect(list.code).toBe(0);
    const members = jsonLines(list.stdout) as { customerId: string; points: { available: number } }[];
    expect(members.map((m) => [m.customerId, m.points.available]).sort()).toEqual([
      [ADA, 409],
      [BOB, 30],
    ]);

    const verified = await run("verify", ...shop);
    expect(verified).toMatchObject({ code: 0, stdout: `ledger OK: Σ entries = cached balances for 2 members in ${key}\n` });
  });
});
