import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { uniqueProgramKey } from "../support/backends.ts";
import { jsonLines, kinship, type RunOptions, tempDir } from "./support.ts";

const AT = ["--at", "2026-11-20T00:00:00Z"];

describe("kinship partners (Postgres)", () => {
  const key = uniqueProgramKey("cli-partners");
  const shop = ["--shop", key];
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let opts: RunOptions;
  const run = (args: string[], stdin?: string) => kinship([...args, ...AT], { ...opts, stdin });

  beforeAll(async () => {
    dir = await tempDir();
    opts = { cwd: dir.path, env: { DATABASE_URL: inject("databaseUrl") } };
    const config = join(dir.path, "program.json");
    await writeFile(
      config,
      JSON.stringify({
        currency: "EUR",
        tiers: [{ key: "member", name: "Member", threshold: 0 }],
        rules: [],
        partners: [{ key: "cinema", name: "Lux Cinema", perk: "One ticket", settlementPrice: 650 }],
      }),
    );
    expect((await run(["program", "create", ...shop, "--config", config])).code).toBe(0);
  });
  afterAll(() => dir.remove());

  it("imports a file of codes once: a second import of the same file adds nothing", async () => {
    const file = join(dir.path, "codes.txt");
    const codes = Array.from({ length: 12_345 }, (_, i) => `LUX-${String(i).padStart(6, "0")}`);
    await writeFile(file, `\uFEFF${codes.join("\r\n")}\r\n\r\n`);
    const first = await run(["partners", "import", "cinema", file, ...shop]);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toBe(`${key}: cinema: added 12,345 codes, 0 already there\n`);
    const again = await run(["partners", "import", "cinema", "-", ...shop], "LUX-000001\nLUX-999999\n");
    expect(again.stdout).toBe(`${key}: cinema: added 1 code, 1 already there\n`);

    const report = await run(["partners", "report", ...shop, "--json"]);
    expect(report.code).toBe(0);
    expect(jsonLines(report.stdout)).toEqual([
      {
        partner: "cinema",
        name: "Lux Cinema",
        claimed: 0,
        settlementPrice: 650,
        amountDue: 0,
        currency: "EUR",
        codesImported: 12_346,
        codesLeft: 12_346,
      },
    ]);
  });

  it("refuses a file with a bad line, an unknown partner and a backwards period, writing nothing", async () => {
    const bad = await run(["partners", "import", "cinema", "-", ...shop], "OK-1\nNOT OK\n");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("perk codes rejected: code 2 contains whitespace");
    const unknown = await run(["partners", "import", "bowling", "-", ...shop], "B-1\n");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("no partner bowling");
    const backwards = await run(["partners", "report", ...shop, "--from", "2026-11-10T00:00:00Z", "--to", "2026-11-01T00:00:00Z"]);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain("--from must be before --to");
    const report = await run(["partners", "report", ...shop]);
    expect(report.stdout).toContain("cinema (Lux Cinema): 0 claimed × 650 = 0 EUR minor units due; 12346 of 12346 codes left");
  });
});
