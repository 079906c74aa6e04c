import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { uniqueProgramKey } from "../support/backends.ts";
import { jsonLines, kinship, type RunOptions, tempDir } from "./support.ts";

const AT = ["--at", "2026-11-20T00:00:00Z"];

describe("kinship data-export (Postgres)", () => {
  const key = uniqueProgramKey("cli-dex");
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
      }),
    );
    expect((await run(["program", "create", ...shop, "--config", config])).code).toBe(0);
    const events = [
      { type: "customer.created", customerId: "ada", occurredAt: "2026-11-01T10:00:00Z", email: "ada@example.com" },
      { type: "customer.created", customerId: "bob", occurredAt: "2026-11-01T11:00:00Z" },
    ].map((e) => JSON.stringify(e));
    expect((await run(["events", "apply", "-", ...shop], `${events.join("\n")}\n`)).code).toBe(0);
  });
  afterAll(() => dir.remove());

  /** Exports made as the Shopify data_request webhook makes them, through the engine. */
  async function dataRequest(customerId: string, ref: string) {
    const { openEngine } = await import("../../src/engine.ts");
    const engine = await openEngine({ databaseUrl: inject("databaseUrl"), max: 1, migrate: false });
    try {
      const made = await engine.compliance.exportMember(key, customerId, ref, new Date("2026-11-10T00:00:00Z"));
      if (!made.ok) throw new Error(made.error.message);
    } finally {
      await engine.close();
    }
  }

  it("lists nothing, then the exports newest first (all, or one customer's), as a table or JSON lines", async () => {
    expect(await run(["data-export", "list", ...shop])).toMatchObject({ code: 0, stdout: `${key}: no data exports\n` });
    await dataRequest("ada", "dr-1");
    await dataRequest("bob", "dr-2");
    const all = jsonLines((await run(["data-export", "list", ...shop, "--json"])).stdout) as { id: string; customerId: string }[];
    expect(all.map((e) => e.customerId)).toEqual(["bob", "ada"]);
    const ada = await run(["data-export", "list", ...shop, "--customer", "ada"]);
    expect(ada.code).toBe(0);
    expect(ada.stdout).toMatch(/ID +CUSTOMER +REQUEST +CREATED/);
    expect(ada.stdout).toContain("dr-1");
    expect(ada.stdout).not.toContain("bob");
    expect((await run(["data-export", "list", ...shop, "--first", "0"])).code).toBe(2);
  });

  it("shows one export as JSON and downloads it to a file (never over an existing one)", async () => {
    const [latest] = jsonLines((await run(["data-export", "list", ...shop, "--json", "--customer", "ada"])).stdout) as { id: string }[];
    const id = latest?.id ?? "";
    const shown = await run(["data-export", "show", id, ...shop]);
    expect(shown.code).toBe(0);
    const printed = JSON.parse(shown.stdout) as {
      id: string;
      customerId: string;
      requestRef: string;
      data: { member: { profile: { email: string } } };
    };
    expect(printed).toMatchObject({ id, customerId: "ada", requestRef: "dr-1" });
    expect(printed.data.member.profile.email).toBe("ada@example.com");

    const saved = await run(["data-export", "show", id, ...shop, "--out", "ada.json"]);
    expect(saved).toMatchObject({ code: 0, stdout: `${key}: data export ${id} of ada written to ada.json\n` });
    expect(JSON.parse(await readFile(join(dir.path, "ada.json"), "utf8"))).toEqual(printed);
    const again = await run(["data-export", "show", id, ...shop, "--out", "ada.json"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/cannot write ada.json/);
  });

  it("refuses an id that is not a number and one that does not exist", async () => {
    const bad = await run(["data-export", "show", "abc", ...shop]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected an export id/);
    const missing = await run(["data-export", "show", "999999999", ...shop]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no data export 999999999");
  });
});
