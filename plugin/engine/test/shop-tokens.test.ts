import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dbOf, openEngineOwningDb, TEST_TOKEN_KEY } from "../../../test/support/engine-db.ts";
import { emptyDatabase } from "../../../test/support/isolated.ts";
import { connect, type Engine, openEngine } from "../src/index.ts";
import { migrate, parseTokenKey, TokenCipherError, tokenCipher } from "../src/store/index.ts";
import { uniqueProgramKey } from "./support/backends.ts";

const NOW = new Date("2026-12-05T12:00:00Z");
const MIN = 60_000;

describe("the token cipher", () => {
  const cipher = tokenCipher(TEST_TOKEN_KEY);

  it("round-trips, with a fresh IV each time and the key version in front", () => {
    const a = cipher.seal("shpat_secret", "ctx");
    const b = cipher.seal("shpat_secret", "ctx");
    expect(a).toMatch(/^k1:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("shpat");
    expect(cipher.open(a, "ctx")).toBe("shpat_secret");
    expect(cipher.open(b, "ctx")).toBe("shpat_secret");
  });

  it("refuses a tampered value, another key's value, another context's value and another key version", () => {
    const sealed = cipher.seal("shpat_secret", "ctx");
    const body = Buffer.from(sealed.slice(3), "base64url");
    body[body.length - 1] = (body[body.length - 1] ?? 0) ^ 1;
    expect(() => cipher.open(`k1:${body.toString("base64url")}`, "ctx")).toThrow(TokenCipherError);
    expect(() => tokenCipher(randomBytes(32)).open(sealed, "ctx")).toThrow(/does not open with KINSHIP_TOKEN_KEY/);
    expect(() => cipher.open(sealed, "other")).toThrow(TokenCipherError);
    expect(() => cipher.open(`k2:${sealed.slice(3)}`, "ctx")).toThrow(/key version 2/);
    expect(() => cipher.open("shpat_plain", "ctx")).toThrow(/not a sealed token/);
    expect(() => cipher.open("k1:AAAA", "ctx")).toThrow(/too short/);
  });

  it("takes a 32-byte key as hex or base64, and names the problem (never the key) otherwise", () => {
    const key = randomBytes(32);
    expect(parseTokenKey(key.toString("hex"))).toEqual(key);
    expect(parseTokenKey(key.toString("base64"))).toEqual(key);
    expect(parseTokenKey(key.toString("base64url"))).toEqual(key);
    for (const bad of ["", "secret", randomBytes(16).toString("hex"), randomBytes(31).toString("base64"), `${"z".repeat(64)}`]) {
      expect(() => parseTokenKey(bad)).toThrow(/KINSHIP_TOKEN_KEY must be 32 bytes/);
      if (bad) expect(() => parseTokenKey(bad)).not.toThrow(bad);
    }
  });
});

describe("shop tokens in the engine (Postgres)", () => {
  let engine: Engine;
  let keyless: Engine;
  beforeAll(async () => {
    engine = await openEngineOwningDb({ databaseUrl: inject("databaseUrl"), max: 4, tokenKey: TEST_TOKEN_KEY });
    keyless = await openEngineOwningDb({ databaseUrl: inject("databaseUrl"), max: 2, tokenKey: "" });
  });
  afterAll(async () => {
    await engine.close();
    await keyless.close();
  });

  async function shop(prefix: string): Promise<string> {
    const domain = uniqueProgramKey(prefix);
    const r = await engine.shops.connect(domain, null, NOW);
    if (!r.ok) throw new Error(r.error.message);
    return domain;
  }

  const rowOf = (domain: string) =>
    dbOf(engine).selectFrom("kinship_shop").selectAll().where("domain", "=", domain).executeTakeFirstOrThrow();

  it("stores a pair only as ciphertext: the row holds no token, and find / tokens decrypt it", async () => {
    const domain = await shop("seal");
    const saved = await engine.shops.saveTokens(
      domain,
      {
        accessToken: "shpat_access_1",
        accessTokenExpiresAt: new Date(NOW.getTime() + 60 * MIN),
        refreshToken: "shprt_refresh_1",
        refreshTokenExpiresAt: new Date(NOW.getTime() + 90 * 24 * 60 * MIN),
      },
      NOW,
    );
    expect(saved.ok).toBe(true);
    const raw = await sql<Record<string, unknown>>`SELECT * FROM kinship_shop WHERE domain = ${domain}`.execute(dbOf(engine));
    const text = JSON.stringify(raw.rows);
    expect(text).not.toContain("shpat_access_1");
    expect(text).not.toContain("shprt_refresh_1");
    expect(raw.rows[0]?.access_token).toBeNull();
    expect(String(raw.rows[0]?.access_token_sealed)).toMatch(/^k1:/);
    expect(await engine.shops.find(domain)).toMatchObject({ accessToken: "shpat_access_1", hasToken: true });
    const t = await engine.shops.tokens(domain);
    expect(t).toMatchObject({ ok: true, value: { accessToken: "shpat_access_1", refreshToken: "shprt_refresh_1", refused: null } });
    // An engine without the key still runs: it sees that a token exists but cannot read it.
    expect(await keyless.shops.find(domain)).toMatchObject({ accessToken: null, hasToken: true, installed: true });
    const unreadable = await keyless.shops.tokens(domain);
    expect(unreadable.ok ? "read" : unreadable.error.message).toMatch(/KINSHIP_TOKEN_KEY is not set/);
  });

  it("without a key refuses to store a token (nothing written) but connects a shop without one", async () => {
    const domain = uniqueProgramKey("nokey");
    const refused = await keyless.shops.connect(domain, "shpat_x", NOW);
    expect(refused.ok ? "stored" : refused.error.message).toMatch(/KINSHIP_TOKEN_KEY is not set/);
    expect(await keyless.shops.find(domain)).toBeNull();
    expect((await keyless.program(domain)).ok).toBe(false);
    expect((await keyless.shops.connect(domain, null, NOW)).ok).toBe(true);
    const pair = await keyless.shops.saveTokens(domain, { accessToken: "shpat_y" }, NOW);
    expect(pair.ok ? "stored" : pair.error.message).toMatch(/KINSHIP_TOKEN_KEY is not set/);
    expect((await rowOf(domain)).access_token_sealed).toBeNull();
  });

  it("a refresh answer without expires_in keeps a conservative expiry; without a refresh token the stored one stays", async () => {
    const domain = await shop("noexp");
    await engine.shops.saveTokens(
      domain,
      { accessToken: "a1", accessTokenExpiresAt: new Date(NOW.getTime() + 60 * MIN), refreshToken: "r1" },
      NOW,
    );
    const later = new Date(NOW.getTime() + 58 * MIN);
    const saved = await engine.shops.saveTokens(domain, { accessToken: "a2" }, later);
    expect(saved).toMatchObject({ ok: true, value: { accessTokenExpiresAt: new Date(later.getTime() + 50 * MIN) } });
    const t = await engine.shops.tokens(domain);
    expect(t).toMatchObject({
      ok: true,
      value: { accessToken: "a2", refreshToken: "r1", accessTokenExpiresAt: new Date(later.getTime() + 50 * MIN) },
    });
  });

  it("refuses a bad pair and writes nothing: the previous pair stays", async () => {
    const domain = await shop("badpair");
    await engine.shops.saveTokens(domain, { accessToken: "a1", refreshToken: "r1" }, NOW);
    const before = await rowOf(domain);
    for (const pair of [
      { accessToken: "" },
      { accessToken: "a2", refreshToken: " " },
      { accessToken: "a2", accessTokenExpiresAt: new Date("nope") },
    ]) {
      const r = await engine.shops.saveTokens(domain, pair, NOW);
      expect(r.ok ? "saved" : r.error.code).toBe("InvalidConfig");
    }
    expect(await rowOf(domain)).toEqual(before);
  });

  it("the refresh lease: one claim per pair version, busy while held, free again when it expires or is released", async () => {
    const domain = await shop("lease");
    await engine.shops.saveTokens(domain, { accessToken: "a1", refreshToken: "r1" }, NOW);
    const t = await engine.shops.tokens(domain);
    if (!t.ok) throw new Error(t.error.message);
    const claims = await Promise.all(Array.from({ length: 10 }, () => engine.shops.claimRefresh(domain, NOW, 30_000, t.value.version)));
    expect(claims.filter((c) => c.ok && c.value.claimed)).toHaveLength(1);
    expect(claims.filter((c) => c.ok && !c.value.claimed && c.value.reason === "busy")).toHaveLength(9);
    // Expired: the next caller may claim it.
    const afterLease = new Date(NOW.getTime() + 31_000);
    const again = await engine.shops.claimRefresh(domain, afterLease, 30_000, t.value.version);
    expect(again).toMatchObject({ ok: true, value: { claimed: true } });
    if (!again.ok || !again.value.claimed) throw new Error("no claim");
    expect(await engine.shops.releaseRefresh(domain, again.value.until)).toBe(true);
    expect((await rowOf(domain)).refreshing_until).toBeNull();
    // A newer pair stored: a claim for the old version is told so.
    await engine.shops.saveTokens(domain, { accessToken: "a2", refreshToken: "r2" }, NOW);
    expect(await engine.shops.claimRefresh(domain, afterLease, 30_000, t.value.version)).toMatchObject({
      ok: true,
      value: { claimed: false, reason: "changed" },
    });
    expect((await engine.shops.claimRefresh(domain, afterLease, 0, t.value.version + 1)).ok).toBe(false);
  });

  it("an uninstalled shop loses its tokens and is refused a claim and a save", async () => {
    const domain = await shop("gone");
    await engine.shops.saveTokens(domain, { accessToken: "a1", refreshToken: "r1" }, NOW);
    const t = await engine.shops.tokens(domain);
    if (!t.ok) throw new Error(t.error.message);
    expect(await engine.shops.markUninstalled(domain, NOW)).toBe(true);
    const row = await rowOf(domain);
    expect([row.access_token_sealed, row.refresh_token_sealed, row.access_token]).toEqual([null, null, null]);
    const claim = await engine.shops.claimRefresh(domain, NOW, 30_000, t.value.version + 1);
    expect(claim.ok ? "claimed" : claim.error.message).toMatch(/uninstalled/);
    const save = await engine.shops.saveTokens(domain, { accessToken: "a2", refreshToken: "r2" }, NOW);
    expect(save.ok ? "saved" : save.error.message).toMatch(/uninstalled/);
    expect((await rowOf(domain)).access_token_sealed).toBeNull();
    expect((await engine.shops.saveTokens("nobody.myshopify.com", { accessToken: "a" }, NOW)).ok).toBe(false);
  });

  it("a refused refresh flags the shop and keeps its access token", async () => {
    const domain = await shop("refused");
    await engine.shops.saveTokens(domain, { accessToken: "a1", refreshToken: "r1" }, NOW);
    expect(await engine.shops.refuseRefresh(domain, "invalid_grant", NOW)).toBe(true);
    expect(await engine.shops.tokens(domain)).toMatchObject({
      ok: true,
      value: { accessToken: "a1", refused: { reason: "invalid_grant", at: NOW } },
    });
    // A new exchange clears it.
    await engine.shops.saveTokens(domain, { accessToken: "a2", refreshToken: "r2" }, NOW);
    expect(await engine.shops.tokens(domain)).toMatchObject({ ok: true, value: { refused: null } });
  });
});

describe("the plain-text access_token column", () => {
  it("is sealed, and emptied, the first time the engine opens with a key; without one it stays readable", async () => {
    const database = await emptyDatabase("plaintext_tokens");
    try {
      const c = await connect({ databaseUrl: database.url, max: 1 });
      await migrate(c.db);
      const before = await openEngine({ databaseUrl: database.url, max: 1 });
      for (const d of ["old-a.myshopify.com", "old-b.myshopify.com"]) expect((await before.shops.connect(d, null, NOW)).ok).toBe(true);
      // What a database written before 0008 holds.
      await sql`UPDATE kinship_shop SET access_token = 'shpat_plain_' || split_part(domain, '.', 1)`.execute(c.db);
      expect(await before.shops.find("old-a.myshopify.com")).toMatchObject({ accessToken: "shpat_plain_old-a", hasToken: true });
      await before.close();

      const keyed = await openEngine({ databaseUrl: database.url, max: 1, tokenKey: TEST_TOKEN_KEY });
      const rows = await sql<Record<string, unknown>>`SELECT * FROM kinship_shop ORDER BY domain`.execute(c.db);
      expect(rows.rows.map((r) => r.access_token)).toEqual([null, null]);
      expect(rows.rows.every((r) => String(r.access_token_sealed).startsWith("k1:"))).toBe(true);
      expect(JSON.stringify(rows.rows)).not.toContain("shpat_plain");
      expect(await keyed.shops.find("old-a.myshopify.com")).toMatchObject({ accessToken: "shpat_plain_old-a" });
      expect(await keyed.shops.find("old-b.myshopify.com")).toMatchObject({ accessToken: "shpat_plain_old-b" });
      await keyed.close();
      // A second open has nothing left to seal.
      const again = await openEngine({ databaseUrl: database.url, max: 1, tokenKey: TEST_TOKEN_KEY });
      expect(await again.shops.find("old-b.myshopify.com")).toMatchObject({ accessToken: "shpat_plain_old-b" });
      await again.close();
      await c.close();
    } finally {
      await database.drop();
    }
  });

  it("an invalid key stops the open with a clear error", async () => {
    await expect(openEngine({ tokenKey: "not-a-key" })).rejects.toThrow(/KINSHIP_TOKEN_KEY must be 32 bytes/);
  });
});
