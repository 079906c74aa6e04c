import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbOf } from "../../../test/support/engine-db.ts";
import type { Engine } from "../src/index.ts";
import { openTestEngine } from "./support/backends.ts";

describe("a shop's granted scopes", () => {
  let engine: Engine;
  let n = 0;
  const shop = async () => {
    const domain = `scopes-${++n}-${Date.now().toString(36)}.myshopify.com`;
    const r = await engine.shops.connect(domain, null, new Date("2026-12-01T00:00:00Z"));
    if (!r.ok) throw new Error(r.error.message);
    return domain;
  };
  beforeAll(async () => {
    engine = await openTestEngine("pglite");
  });
  afterAll(async () => {
    await engine.close();
  });

  it("are unknown until a grant is recorded, then read back sorted and once each", async () => {
    const domain = await shop();
    expect(await engine.shops.scopes(domain)).toBeNull();
    const at = new Date("2026-12-02T10:00:00Z");
    expect(await engine.shops.recordScopes(domain, ["write_discounts", "read_orders", "read_orders"], at)).toEqual({
      ok: true,
      value: { recorded: true },
    });
    expect(await engine.shops.scopes(domain)).toEqual({ granted: ["read_orders", "write_discounts"], at });
  });

  it("a grant older than the recorded one changes nothing; a newer one replaces it", async () => {
    const domain = await shop();
    const newer = new Date("2026-12-02T10:00:00Z");
    await engine.shops.recordScopes(domain, ["read_orders"], newer);
    const stale = await engine.shops.recordScopes(domain, ["read_customers", "read_orders"], new Date("2026-12-02T09:59:59Z"));
    expect(stale).toEqual({ ok: true, value: { recorded: false, reason: "stale" } });
    expect(await engine.shops.scopes(domain)).toEqual({ granted: ["read_orders"], at: newer });

    const later = new Date("2026-12-03T00:00:00Z");
    expect((await engine.shops.recordScopes(domain, [], later)).ok).toBe(true);
    expect(await engine.shops.scopes(domain)).toEqual({ granted: [], at: later });
  });

  it("refuses what is not a scope or an instant, and writes nothing", async () => {
    const domain = await shop();
    const at = new Date("2026-12-02T10:00:00Z");
    const bad = await engine.shops.recordScopes(domain, ["read_orders", "READ ORDERS", ""], at);
    expect(bad).toMatchObject({ ok: false, error: { code: "InvalidConfig", message: 'not access scopes: "READ ORDERS", ""' } });
    const noInstant = await engine.shops.recordScopes(domain, ["read_orders"], new Date("not a date"));
    expect(noInstant).toMatchObject({ ok: false, error: { code: "InvalidConfig", issues: ["at"] } });
    const row = await dbOf(engine)
      .selectFrom("kinship_shop")
      .select(["granted_scopes", "scopes_granted_at"])
      .where("domain", "=", domain)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ granted_scopes: null, scopes_granted_at: null });
  });

  it("a shop never connected: nothing recorded, said so", async () => {
    const r = await engine.shops.recordScopes("nobody.myshopify.com", ["read_orders"], new Date("2026-12-02T10:00:00Z"));
    expect(r).toEqual({ ok: true, value: { recorded: false, reason: "unknown" } });
    expect(await engine.shops.scopes("nobody.myshopify.com")).toBeNull();
  });
});
