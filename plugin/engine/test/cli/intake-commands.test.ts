import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dbOf, TEST_TOKEN_KEY } from "../../../../test/support/engine-db.ts";
import type { Engine } from "../../src/index.ts";
import { receive, settle } from "../../src/store/index.ts";
import { openTestEngine } from "../support/backends.ts";
import { jsonLines, kinship } from "./support.ts";

const now = new Date("2026-11-01T00:00:00Z");

describe("kinship shops, program secret and dlq (Postgres)", () => {
  let engine: Engine;
  const env = () => ({ DATABASE_URL: inject("databaseUrl"), KINSHIP_TOKEN_KEY: TEST_TOKEN_KEY });
  const shop = `cli-${Date.now().toString(36)}.myshopify.com`;
  beforeAll(async () => {
    engine = await openTestEngine("postgres");
  });
  afterAll(async () => {
    await engine.close();
  });

  it("shops connect registers the shop and its program, its token sealed; a bad domain is refused", async () => {
    const flags = ["--currency", "EUR", "--timezone", "Europe/Paris"];
    const keyless = await kinship(["shops", "connect", shop, "--access-token", "shpat_abc", ...flags], {
      env: { DATABASE_URL: inject("databaseUrl") },
    });
    expect(keyless.code).toBe(1);
    expect(keyless.stderr).toMatch(/KINSHIP_TOKEN_KEY is not set/);
    const badKey = await kinship(["shops", "connect", shop, "--access-token", "shpat_abc", ...flags], {
      env: { ...env(), KINSHIP_TOKEN_KEY: "short" },
    });
    expect(badKey.code).toBe(1);
    expect(badKey.stderr).toMatch(/KINSHIP_TOKEN_KEY must be 32 bytes/);
    expect(badKey.stderr).not.toContain("short");
    // This `kinship` talks to no platform: without both options it cannot know the shop's currency.
    const guessing = await kinship(["shops", "connect", shop, "--access-token", "shpat_abc", "--currency", "EUR"], { env: env() });
    expect(guessing.code).toBe(1);
    expect(guessing.stderr).toMatch(/pass --currency and --timezone: .*npx kinship-shopify shops connect/);
    expect((await engine.program(shop)).ok).toBe(false);
    const ok = await kinship(["shops", "connect", shop, "--access-token", "shpat_abc", ...flags], { env: env() });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`connected ${shop}: program ${shop}, EUR, Europe/Paris`);
    const program = await engine.program(shop);
    expect(program.ok && [program.value.config.currency, program.value.config.timezone]).toEqual(["EUR", "Europe/Paris"]);
    const row = await dbOf(engine).selectFrom("kinship_shop").selectAll().where("domain", "=", shop).executeTakeFirstOrThrow();
    expect(row.access_token).toBeNull();
    expect(JSON.stringify(row)).not.toContain("shpat_abc");
    const bad = await kinship(["shops", "connect", "evil.example.com", "--access-token", "x", ...flags], { env: env() });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not a shop domain/);
    const badZone = await kinship(
      ["shops", "connect", "other.myshopify.com", "--access-token", "x", "--currency", "EUR", "--timezone", "Mars/Base"],
      {
        env: env(),
      },
    );
    expect(badZone.code).toBe(1);
    expect(badZone.stderr).toMatch(/unknown time zone Mars\/Base/);
    expect((await engine.program("other.myshopify.com")).ok).toBe(false);
    expect((await kinship(["shops", "connect", shop], { env: env() })).code).toBe(2);
  });

  it("program secret prints the custom-event secret and --rotate replaces it", async () => {
    const first = await kinship(["program", "secret", "--shop", shop], { env: env() });
    expect(first.stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
    const rotated = await kinship(["program", "secret", "--shop", shop, "--rotate"], { env: env() });
    expect(rotated.stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.stdout).not.toBe(first.stdout);
  });

  it("dlq list shows dead letters with their reason; dlq replay puts them back in line", async () => {
    const db = dbOf(engine);
    const stored = await receive(
      db,
      { source: "custom", programKey: shop, deliveryKey: "poison-1", topic: "review.created", payload: "{}", meta: {} },
      now,
    );
    await settle(db, stored.id, "dead", "custom event: customerId: ids must be JSON strings", now);
    const listed = jsonLines((await kinship(["dlq", "list", "--shop", shop, "--json"], { env: env() })).stdout) as {
      id: number;
      error: string;
    }[];
    expect(listed).toEqual([expect.objectContaining({ id: stored.id, error: expect.stringMatching(/customerId/) })]);
    const replay = await kinship(["dlq", "replay", String(stored.id)], { env: env() });
    expect(replay.code).toBe(0);
    const row = await db.selectFrom("kinship_inbox").select("status").where("id", "=", stored.id).executeTakeFirstOrThrow();
    expect(row.status).toBe("queued");
    expect((await kinship(["dlq", "replay", String(stored.id)], { env: env() })).code).toBe(1);
    expect((await kinship(["dlq", "replay", "twelve"], { env: env() })).code).toBe(2);
  });
});
