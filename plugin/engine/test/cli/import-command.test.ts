import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { uniqueProgramKey } from "../support/backends.ts";
import { kinship, type RunOptions, tempDir } from "./support.ts";

const AT = ["--at", "2026-06-01T12:00:00Z"];
const ROWS = 100_000;

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => dir.remove());

/** `customer_id,email,points,earned_at,tier,referral_code` with dated points, tiers and old codes mixed in. */
function generated(rows: number): string {
  const lines = ["customer_id,email,points,earned_at,tier,referral_code"];
  for (let i = 1; i <= rows; i++)
    lines.push(
      `g${i},g${i}@example.com,${i % 997},${i % 3 ? `2026-05-${String(1 + (i % 28)).padStart(2, "0")}` : ""},${i % 10 ? "" : "silver"},${i % 7 ? "" : `OLD${i}`}`,
    );
  return `${lines.join("\n")}\n`;
}

describe("kinship import (Postgres)", () => {
  const key = uniqueProgramKey("cli-import");
  const shop = ["--program", key];
  let opts: RunOptions;
  const run = (...args: string[]) => kinship([...args, ...AT], opts);

  beforeAll(async () => {
    opts = { cwd: dir.path, env: { DATABASE_URL: inject("databaseUrl"), USER: "tester" } };
    expect((await run("program", "create", "--shop", key)).code).toBe(0);
  });

  it("a bad row: the dry run and the real run both list it by line and apply nothing", async () => {
    await writeFile(join(dir.path, "bad.csv"), "customer_id,points\nb1,10\nb2,lots\n");
    for (const dry of [["--dry-run"], []]) {
      const r = await run("import", "--from", "csv", "bad.csv", ...shop, ...dry);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/nothing applied/);
      expect(r.stderr).toContain("line 3: points: points must be a whole number ≥ 0");
    }
    const shown = await run("member", "show", "b1", "--shop", key);
    expect(shown.code).not.toBe(0);
  });

  it(`imports ${ROWS.toLocaleString("en")} generated rows with a progress bar and a rate; the same file again changes nothing`, {
    timeout: 180_000,
  }, async () => {
    await writeFile(join(dir.path, "big.csv"), generated(ROWS));
    const r = await run("import", "--from", "csv", "big.csv", ...shop, "--progress");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/imported big\.csv from csv/);
    expect(r.stdout).toMatch(/rows +100000\n/);
    expect(r.stdout).toMatch(/tiers kept +10000\n/);
    expect(r.stdout).toMatch(/referral codes +14285\n/);
    expect(r.stdout).toMatch(/rate +\d+ rows\/s \(\d+\.\d\d s\)/);
    expect(r.stderr).toMatch(/importing .* 100000\/100000 members/);
    process.stdout.write(`kinship import, ${ROWS} rows: ${/rate +(.*)/.exec(r.stdout)?.[1]}\n`);

    const again = await run("import", "--from", "csv", "big.csv", ...shop);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/members +0 \(0 new\)/);
    expect(again.stdout).toMatch(/already imported +100000/);
    expect((await run("verify", "--shop", key)).code).toBe(0);
  });
});
