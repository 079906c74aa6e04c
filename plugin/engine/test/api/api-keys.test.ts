import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dbOf } from "../../../../test/support/engine-db.ts";
import { defaultProgramConfig, type Engine } from "../../src/index.ts";
import { createApiKey, listApiKeys, revokeApiKey, verifyApiKey } from "../../src/store/index.ts";
import { kinship } from "../cli/support.ts";
import { type BackendName, backends, openTestEngine, uniqueProgramKey } from "../support/backends.ts";
import { NOW } from "./support.ts";

describe.each<BackendName>(backends)("API keys (%s)", (backend) => {
  let engine: Engine;
  let program: string;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
    program = uniqueProgramKey("keys");
    await engine.createProgram({ key: program, platform: "shopify", config: defaultProgramConfig(), actor: "test", now: NOW });
  });
  afterAll(() => engine.close());
  const db = () => dbOf(engine);

  it("a new key is shown once: kin_ + 32 random bytes; only its SHA-256 and a short prefix are stored", async () => {
    const created = await createApiKey(db(), program, "erp-sync", NOW);
    if (!created.ok) throw new Error(created.error.message);
    const { key, prefix, name } = created.value;
    expect(key).toMatch(/^kin_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(key.slice(4), "base64url")).toHaveLength(32);
    expect(prefix).toBe(key.slice(0, 12));
    expect(name).toBe("erp-sync");
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM kinship_api_key WHERE prefix = ${prefix}`.execute(db());
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(key);
    expect(rows[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("verify: the key opens its program; a wrong, malformed or revoked key opens nothing", async () => {
    const created = await createApiKey(db(), program, "", NOW);
    if (!created.ok) throw new Error(created.error.message);
    const { key, id } = created.value;
    expect(await verifyApiKey(db(), key)).toEqual({ programKey: program });
    const wrong = `${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`;
    expect(await verifyApiKey(db(), wrong)).toBeNull();
    expect(await verifyApiKey(db(), "")).toBeNull();
    expect(await verifyApiKey(db(), "kin_short")).toBeNull();
    expect(await verifyApiKey(db(), key.slice(4))).toBeNull();

    expect(await revokeApiKey(db(), program, id, NOW)).toBe(true);
    expect(await verifyApiKey(db(), key)).toBeNull();
    expect(await revokeApiKey(db(), program, id, NOW)).toBe(false);
    const listed = await listApiKeys(db(), program);
    expect(listed.ok && listed.value.find((k) => k.id === id)).toMatchObject({ name: "api key", revokedAt: NOW.toISOString() });
  });

  it("a program can only revoke its own keys; an unknown program gets no key", async () => {
    const other = uniqueProgramKey("keys-other");
    await engine.createProgram({ key: other, platform: "shopify", config: defaultProgramConfig(), actor: "test", now: NOW });
    const mine = await createApiKey(db(), program, "mine", NOW);
    if (!mine.ok) throw new Error(mine.error.message);
    expect(await revokeApiKey(db(), other, mine.value.id, NOW)).toBe(false);
    expect(await revokeApiKey(db(), other, mine.value.prefix, NOW)).toBe(false);
    expect(await verifyApiKey(db(), mine.value.key)).toEqual({ programKey: program });
    expect(await createApiKey(db(), "nope.myshopify.com", "x", NOW)).toMatchObject({ ok: false, error: { code: "UnknownProgram" } });
  });

  it("a retried creation leaves one live key: the name is taken until that key is revoked, also when the retries race", async () => {
    const name = `retried-${backend}`;
    const attempts = await Promise.all(Array.from({ length: 5 }, () => engine.apiKeys.create(program, name, NOW)));
    const made = attempts.filter((a) => a.ok);
    expect(made).toHaveLength(1);
    for (const a of attempts.filter((x) => !x.ok)) expect(a).toMatchObject({ ok: false, error: { code: "ApiKeyExists", name } });
    const listed = await engine.apiKeys.list(program);
    expect(listed.ok && listed.value.filter((k) => k.name === name && k.revokedAt === null)).toHaveLength(1);
    const first = made[0];
    if (!first?.ok) throw new Error("no key");
    expect(await engine.apiKeys.revoke(program, first.value.id, NOW)).toBe(true);
    expect((await engine.apiKeys.create(program, name, NOW)).ok).toBe(true);
  });
});

describe("kinship apikey create", () => {
  const program = uniqueProgramKey("keys-cli");
  const env = () => ({ DATABASE_URL: inject("databaseUrl") });

  it("prints the new key once, alone on stdout; --shop is required", async () => {
    expect((await kinship(["program", "create", "--shop", program], { env: env() })).code).toBe(0);
    const run = await kinship(["apikey", "create", "--shop", program, "--name", "erp"], { env: env() });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^kin_[A-Za-z0-9_-]{43}\n$/);
    expect(run.stderr).toMatch(/^created API key kin_\S{8}… \(erp\) for .+; it is shown only this once\n$/);
    const engine = await openTestEngine("postgres", 1);
    expect(await verifyApiKey(dbOf(engine), run.stdout.trim())).toEqual({ programKey: program });
    await engine.close();

    const missing = await kinship(["apikey", "create"], { env: env() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("kinship: --shop <key> is required");
    expect(missing.stderr).toContain("usage: kinship apikey create --shop <key> [--name <label>] [--at <instant>]");
    const unknown = await kinship(["apikey", "create", "--shop", "nope.myshopify.com"], { env: env() });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('kinship: no program "nope.myshopify.com"');
  });
});
