import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { uniqueProgramKey } from "../support/backends.ts";
import { jsonLines, kinship, type RunOptions, tempDir } from "./support.ts";

const AT = ["--at", "2026-11-20T00:00:00Z"];

describe("kinship webhooks (Postgres)", () => {
  const key = uniqueProgramKey("cli-hooks");
  const shop = ["--shop", key];
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let opts: RunOptions;
  const run = (args: string[], stdin?: string) => kinship([...args, ...AT], { ...opts, stdin });

  beforeAll(async () => {
    dir = await tempDir();
    opts = { cwd: dir.path, env: { DATABASE_URL: inject("databaseUrl") } };
    const config = join(dir.path, "program.json");
    await writeFile(config, JSON.stringify({ currency: "EUR", tiers: [{ key: "member", name: "Member", threshold: 0 }], rules: [] }));
    expect((await run(["program", "create", ...shop, "--config", config])).code).toBe(0);
  });
  afterAll(() => dir.remove());

  it("adds an endpoint (secret printed once), lists it without the secret, and shows an empty log", async () => {
    const added = await run([
      "webhooks",
      "add",
      "https://crm.example.com/k",
      ...shop,
      "--topics",
      "tier.changed,points.earned",
      "--description",
      "CRM",
    ]);
    expect(added.code).toBe(0);
    const secret = /signing secret \(shown once\): (whsec_\S+)/.exec(added.stdout)?.[1];
    expect(secret).toBeDefined();
    const listed = await run(["webhooks", "list", ...shop, "--json"]);
    expect(listed.stdout).not.toContain(secret);
    expect(jsonLines(listed.stdout)).toEqual([
      expect.objectContaining({
        url: "https://crm.example.com/k",
        topics: ["points.earned", "tier.changed"],
        description: "CRM",
        enabled: true,
      }),
    ]);
    const log = await run(["webhooks", "deliveries", ...shop, "--status", "dead"]);
    expect(log).toMatchObject({ code: 0, stdout: `${key}: no deliveries\n` });
    expect((await run(["webhooks", "replay", "all", ...shop])).stdout).toBe(`${key}: nothing to replay\n`);
  });

  it("refuses a plain-http URL, an unknown topic and a bad replay id, writing nothing", async () => {
    const http = await run(["webhooks", "add", "http://crm.example.com/k", ...shop]);
    expect(http.code).not.toBe(0);
    expect(http.stderr).toMatch(/https/);
    const topic = await run(["webhooks", "add", "https://crm.example.com/k2", ...shop, "--topics", "points.changed"]);
    expect(topic.code).not.toBe(0);
    expect(topic.stderr).toMatch(/unknown topics: points.changed/);
    expect((await run(["webhooks", "replay", "x1", ...shop])).code).not.toBe(0);
    expect(jsonLines((await run(["webhooks", "list", ...shop, "--json"])).stdout)).toHaveLength(1);
  });
});
