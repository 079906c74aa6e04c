import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dbOf } from "../../../../test/support/engine-db.ts";
import type { Engine } from "../../src/index.ts";
import { upsertVariants, variantsByIds } from "../../src/store/index.ts";
import { kinship, tempDir, writeJsonLines } from "../cli/support.ts";
import { type BackendName, backends, openTestEngine, uniqueProgramKey } from "../support/backends.ts";
import { apiProgram, NOW } from "./support.ts";

const tee = { variantId: "9007199254740993", productId: "tee", collectionIds: ["summer"], price: 1999, currency: "USD" };
const mug = { variantId: "v-mug", productId: "mug", price: 1200, currency: "USD" };

describe.each<BackendName>(backends)("variant catalog (%s)", (backend) => {
  let engine: Engine;
  let program: string;
  let programId: number;
  beforeAll(async () => {
    engine = await openTestEngine(backend);
    program = uniqueProgramKey("catalog");
    const created = await engine.createProgram({ key: program, platform: "shopify", config: apiProgram(), actor: "test", now: NOW });
    programId = created.ok ? created.value.id : 0;
  });
  afterAll(() => engine.close());
  const db = () => dbOf(engine);

  it("upsert then read back by ids in one query; a 64-bit id survives as a string; missing fields default", async () => {
    expect(await upsertVariants(db(), program, [tee, mug], NOW)).toEqual({ ok: true, value: { upserted: 2 } });
    const found = await variantsByIds(db(), programId, [mug.variantId, tee.variantId, "unknown"]);
    expect(found.sort((a, b) => a.variantId.localeCompare(b.variantId))).toEqual([
      { variantId: "9007199254740993", productId: "tee", collectionIds: ["summer"], price: 1999, currency: "USD" },
      { variantId: "v-mug", productId: "mug", collectionIds: [], price: 1200, currency: "USD" },
    ]);
    expect(await variantsByIds(db(), programId, [])).toEqual([]);
  });

  it("a re-import replaces a variant; within one import the last line of a variant wins", async () => {
    const later = new Date("2026-06-02T00:00:00Z");
    const result = await upsertVariants(
      db(),
      program,
      [
        { ...mug, price: 1500 },
        { ...mug, price: 900, collectionIds: ["sale"] },
      ],
      later,
    );
    expect(result).toEqual({ ok: true, value: { upserted: 1 } });
    expect(await variantsByIds(db(), programId, [mug.variantId])).toEqual([
      { variantId: "v-mug", productId: "mug", collectionIds: ["sale"], price: 900, currency: "USD" },
    ]);
  });

  it("bad input writes nothing: every bad variant is named, numeric ids are refused", async () => {
    const result = await upsertVariants(
      db(),
      program,
      [
        { ...tee, variantId: "new-1" },
        { ...tee, variantId: 4000000000001 },
        { ...tee, variantId: "new-2", price: 19.99 },
        { ...tee, variantId: "new-3", currency: "usd", extra: true },
        { ...tee, variantId: "new-4", price: 2 ** 31 },
      ],
      NOW,
    );
    expect(result).toMatchObject({ ok: false, error: { code: "InvalidVariant" } });
    expect(!result.ok && "issues" in result.error && result.error.issues).toEqual([
      "[1] variantId: ids must be strings (quote them: 64-bit ids lose digits as JSON numbers)",
      "[2] price: an integer amount in minor units (19.99 is 1999)",
      "[3] currency: ISO 4217 code such as USD",
      '[3] (root): Unrecognized key: "extra"',
      "[4] price: at most 2147483647 minor units (the API's prices are 32-bit integers)",
    ]);
    expect(await variantsByIds(db(), programId, ["new-1", "new-2", "new-3", "new-4"])).toEqual([]);
  });

  it("scoped by program: another program neither sees nor overwrites these variants", async () => {
    const other = uniqueProgramKey("catalog-other");
    const created = await engine.createProgram({ key: other, platform: "shopify", config: apiProgram(), actor: "test", now: NOW });
    const otherId = created.ok ? created.value.id : 0;
    expect(await variantsByIds(db(), otherId, [tee.variantId])).toEqual([]);
    await upsertVariants(db(), other, [{ ...tee, price: 1 }], NOW);
    expect((await variantsByIds(db(), programId, [tee.variantId]))[0]?.price).toBe(1999);
    expect(await upsertVariants(db(), "nope.myshopify.com", [tee], NOW)).toMatchObject({ ok: false, error: { code: "UnknownProgram" } });
  });
});

describe("kinship catalog import", () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  const program = uniqueProgramKey("catalog-cli");
  const env = () => ({ DATABASE_URL: inject("databaseUrl") });
  beforeAll(async () => {
    dir = await tempDir();
    const created = await kinship(["program", "create", "--shop", program], { env: env() });
    expect(created.code).toBe(0);
  });
  afterAll(() => dir.remove());

  it("validates every line first: a bad line (or a numeric id) imports nothing and names each problem", async () => {
    const file = await writeJsonLines(join(dir.path, "bad.jsonl"), [
      tee,
      "",
      '{ "variantId": 4000000000001, "price": 100, "currency": "USD" }',
      "{ not json",
      { ...mug, price: -1 },
    ]);
    const run = await kinship(["catalog", "import", file, "--shop", program], { env: env() });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`kinship: invalid lines in ${file}; nothing imported`);
    expect(run.stderr).toContain("line 3: variantId: ids must be strings");
    expect(run.stderr).toMatch(/line 4: not JSON: /);
    expect(run.stderr).toContain("line 5: price: Too small");
    const engine = await openTestEngine("postgres", 1);
    const found = await engine.program(program);
    expect(await variantsByIds(dbOf(engine), found.ok ? found.value.id : 0, [tee.variantId])).toEqual([]);
    await engine.close();
  });

  it("imports a JSON-lines file, and a re-import replaces prices", async () => {
    const file = await writeJsonLines(join(dir.path, "good.jsonl"), [tee, mug]);
    const run = await kinship(["catalog", "import", file, "--shop", program], { env: env() });
    expect(run).toMatchObject({ code: 0, stderr: "", stdout: `${program}: imported 2 variants from ${file}\n` });
    const again = await kinship(["catalog", "import", "-", "--shop", program], {
      env: env(),
      stdin: `${JSON.stringify({ ...mug, price: 999 })}\n`,
    });
    expect(again).toMatchObject({ code: 0, stdout: `${program}: imported 1 variant from -\n` });
    const engine = await openTestEngine("postgres", 1);
    const found = await engine.program(program);
    const rows = await variantsByIds(dbOf(engine), found.ok ? found.value.id : 0, [tee.variantId, mug.variantId]);
    expect(rows.map((r) => [r.variantId, r.price]).sort()).toEqual([
      ["9007199254740993", 1999],
      ["v-mug", 999],
    ]);
    await engine.close();
  });
});
