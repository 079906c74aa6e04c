import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf, TEST_TOKEN_KEY } from "../../../test/support/engine-db.ts";
import type { Engine } from "../src/index.ts";
import { connectShop, findProgram, findShop, tokenCipher } from "../src/store/index.ts";
import { openTestEngine } from "./support/backends.ts";

// The engine knows program keys, not Shopify: whether a domain names a shop is checked where it
// comes in (@kinship/webhooks' isShopDomain, the CLI's own check).
describe("connectShop", () => {
  const cipher = tokenCipher(TEST_TOKEN_KEY);
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine("pglite");
  });
  afterAll(async () => {
    await engine.close();
  });

  it("registers a shop under any valid program key and creates its program", async () => {
    const key = `shop-${Date.now().toString(36)}.example`;
    const r = await connectShop(dbOf(engine), key, "shpat_x", new Date(), "USD", cipher);
    expect(r).toMatchObject({ ok: true, value: { domain: key, programKey: key, installed: true } });
    expect((await findProgram(dbOf(engine), key)).ok).toBe(true);
    expect(await findShop(dbOf(engine), key, cipher)).toMatchObject({ programKey: key, accessToken: "shpat_x", hasToken: true });
  });

  it.each(["", "Evil.Example.com", "a b", "-x", "x/y"])("refuses %j, which is not a program key, and stores nothing", async (key) => {
    const r = await connectShop(dbOf(engine), key, "shpat_x", new Date(), "USD", cipher);
    expect(r.ok ? "ok" : r.error.code).toBe("InvalidConfig");
    expect(await findShop(dbOf(engine), key)).toBeNull();
  });
});
